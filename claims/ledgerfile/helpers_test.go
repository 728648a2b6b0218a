package ledgerfile_test

import (
	"testing"

	"github.com/claimdiff/claimdiff/claims/example"
)

func exampleYAML(t testing.TB) []byte {
	t.Helper()
	return append([]byte(nil), example.YAML...)
}
