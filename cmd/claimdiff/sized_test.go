package main

import "os"

// fullTests reports whether CLAIMDIFF_FULL_TESTS is set, as .ci/run sets
// it: the heaviest tests then run at the size that first showed their
// fault, and by default small, where they check the same property.
func fullTests() bool { return os.Getenv("CLAIMDIFF_FULL_TESTS") != "" }

// sized is small, or full under CLAIMDIFF_FULL_TESTS.
func sized(small, full int) int {
	if fullTests() {
		return full
	}
	return small
}
