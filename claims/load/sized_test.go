package load

import "os"

// sized is small, or full when CLAIMDIFF_FULL_TESTS is set (as .ci/run
// sets it): the heaviest tests run small by default, where they check the
// same property, and at the size that first showed the fault in CI.
func sized(small, full int) int {
	if os.Getenv("CLAIMDIFF_FULL_TESTS") != "" {
		return full
	}
	return small
}
