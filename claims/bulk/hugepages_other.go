//go:build !linux

package bulk

// PreferHugePages is Linux advice; elsewhere the kernel decides alone.
func PreferHugePages[T any]([]T) {}
