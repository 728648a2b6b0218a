package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// desk: names who keeps the ledger; its unknown fields are errors.
func TestDesk(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte("ledger: 1\ndesk: {name: Example Desk, url: https://example.org/desk}\n"), 0o644)
	l, err := Load(Paths([]string{good}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Desk.Name != "Example Desk" || l.Desk.URL != "https://example.org/desk" {
		t.Errorf("desk = %+v", l.Desk)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("ledger: 1\ndesk:\n  name: X\n  nmae: Y\n"), 0o644)
	l, _ = Load(Paths([]string{bad}), Options{})
	var msgs []string
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			msgs = append(msgs, p.Message)
		}
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], `unknown field "nmae" in desk`) {
		t.Errorf("problems = %q", msgs)
	}
}
