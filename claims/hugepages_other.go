//go:build !linux

package claims

// preferHugePages is Linux advice; elsewhere the kernel decides alone.
func preferHugePages[T any]([]T) {}
