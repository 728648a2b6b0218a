//go:build !unix

package iostreams

func isBrokenPipe(error) bool { return false }
