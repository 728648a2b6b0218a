package main

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
)

const editLedger = "ledger: 1\nsources:\n  a: {name: A, kind: outlet}\nclaims:\n  - {topic: t, value: 1, source: a}\n"

// An edit with errors is reopened, on a terminal's say-so, with the
// problems at the top, numbered as the editor shows the lines; those
// lines are gone from what is saved.
func TestEditReopensWithProblems(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "claims.yaml")
	if err := os.WriteFile(ledger, []byte(editLedger), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := editLedger + "  - {topic: t, value: 2, sorce: a}\n"
	fixed := editLedger + "  - {topic: t, value: 2, source: a}\n"
	ios, _, _, errOut := iostreams.Test()
	calls := 0
	opts := &editOptions{IO: ios, Global: &globalOptions{Files: []string{ledger}},
		Reopen: func() (bool, error) { return true, nil },
		Edit: func(path string) error {
			calls++
			if calls > 2 {
				t.Fatal("the editor ran again after the fix")
			}
			if calls == 1 {
				return os.WriteFile(path, []byte(broken), 0o600)
			}
			got, _ := os.ReadFile(path)
			lines := strings.Split(string(got), "\n")
			if !regexp.MustCompile(`^# claimdiff [0-9a-f]{6}: Fix the problems below`).MatchString(lines[0]) {
				t.Errorf("reopened without the problems on top:\n%s", got)
			}
			// The header names the line as the editor numbers it.
			m := regexp.MustCompile(`# claimdiff [0-9a-f]{6}: claims.yaml:(\d+):\d+: unknown field "sorce"`).FindStringSubmatch(string(got))
			if m == nil {
				t.Fatalf("no problem line in\n%s", got)
			}
			if n := m[1]; !strings.Contains(lines[atoi(t, n)-1], "sorce: a") {
				t.Errorf("line %s of the buffer is %q, not the claim with sorce", n, lines[atoi(t, n)-1])
			}
			// The user fixes the claim and leaves the header be.
			return os.WriteFile(path, []byte(strings.Replace(string(got), "sorce: a", "source: a", 1)), 0o600)
		}}
	if err := runEdit(opts); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if calls != 2 {
		t.Errorf("the editor ran %d times, want 2", calls)
	}
	if got, _ := os.ReadFile(ledger); string(got) != fixed {
		t.Errorf("saved\n%s\nwant\n%s", got, fixed)
	}
}

// The user's own comments are never taken for edit's banner, even ones
// that look like it, whether the edit changes nothing, changes the
// ledger, or goes through a reopen.
func TestEditKeepsTheUsersComments(t *testing.T) {
	mine := "# claimdiff: reviewed by the desk\n# claimdiff 0a1b2c: Fix the problems below\n"
	for _, tc := range []struct {
		name   string
		change func(string) string
		want   string
	}{
		{"unchanged", func(s string) string { return s }, mine + editLedger},
		{"changed", func(s string) string { return s + "  - {topic: t, value: 2, source: a}\n" },
			mine + editLedger + "  - {topic: t, value: 2, source: a}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			ledger := filepath.Join(dir, "claims.yaml")
			if err := os.WriteFile(ledger, []byte(mine+editLedger), 0o644); err != nil {
				t.Fatal(err)
			}
			ios, _, _, errOut := iostreams.Test()
			opts := &editOptions{IO: ios, Global: &globalOptions{Files: []string{ledger}},
				Edit: func(path string) error {
					got, _ := os.ReadFile(path)
					return os.WriteFile(path, []byte(tc.change(string(got))), 0o600)
				}}
			if err := runEdit(opts); err != nil {
				t.Fatalf("%v\n%s", err, errOut)
			}
			if got, _ := os.ReadFile(ledger); string(got) != tc.want {
				t.Errorf("the ledger is\n%s\nwant\n%s\n(stderr: %s)", got, tc.want, errOut)
			}
		})
	}
	// Through a reopen: the banner goes, the user's comment stays.
	dir := t.TempDir()
	ledger := filepath.Join(dir, "claims.yaml")
	if err := os.WriteFile(ledger, []byte(mine+editLedger), 0o644); err != nil {
		t.Fatal(err)
	}
	calls := 0
	ios, _, _, errOut := iostreams.Test()
	opts := &editOptions{IO: ios, Global: &globalOptions{Files: []string{ledger}},
		Reopen: func() (bool, error) { return calls < 3, nil },
		Edit: func(path string) error {
			calls++
			got, _ := os.ReadFile(path)
			if calls == 1 {
				return os.WriteFile(path, append(got, "  - {topic: t, value: 2, sorce: a}\n"...), 0o600)
			}
			return os.WriteFile(path, []byte(strings.Replace(string(got), "sorce: a", "source: a", 1)), 0o600)
		}}
	if err := runEdit(opts); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if got, want := readString(t, ledger), mine+editLedger+"  - {topic: t, value: 2, source: a}\n"; got != want {
		t.Errorf("after a reopen the ledger is\n%s\nwant\n%s", got, want)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Declining to reopen keeps the text in the file edit names, untouched.
func TestEditKeepsAFailedEdit(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "claims.yaml")
	if err := os.WriteFile(ledger, []byte(editLedger), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := editLedger + "  - {topic: t, value: 2, sorce: a}\n"
	ios, _, _, errOut := iostreams.Test()
	opts := &editOptions{IO: ios, Global: &globalOptions{Files: []string{ledger}},
		Reopen: func() (bool, error) { return false, nil },
		Edit:   func(path string) error { return os.WriteFile(path, []byte(broken), 0o600) }}
	if err := runEdit(opts); !errors.Is(err, cli.ErrGateFailed) {
		t.Fatalf("got %v, want the gate to fail", err)
	}
	m := regexp.MustCompile(`your edit is kept in (\S+);`).FindStringSubmatch(errOut.String())
	if m == nil {
		t.Fatalf("no path in %q", errOut)
	}
	defer os.Remove(m[1])
	if got, _ := os.ReadFile(m[1]); string(got) != broken {
		t.Errorf("kept\n%s\nwant\n%s", got, broken)
	}
	if got, _ := os.ReadFile(ledger); string(got) != editLedger {
		t.Errorf("the ledger changed:\n%s", got)
	}
}

func atoi(t *testing.T, s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
