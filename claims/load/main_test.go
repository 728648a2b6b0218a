package load

import (
	"os"
	"testing"

	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// TestMain runs the tests with the collector at the command's pace for
// large ledgers, which these tests read (see iostreams.PaceTests);
// the allocation they assert on is counted in bytes, not in heap size.
func TestMain(m *testing.M) {
	iostreams.PaceTests()
	os.Exit(m.Run())
}
