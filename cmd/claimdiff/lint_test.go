package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// On a terminal, lint shows the offending line with a caret under the
// column; testscript has no terminal, so this runs the command in process.
func TestLintShowsCaretOnTerminal(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "claims.yaml")
	const text = "ledger: 1\nsources:\n  a: {name: A, kind: outlet}\nclaims:\n  - {topic: t, value: 1, source: b, date: 2025-11-20}\n"
	if err := os.WriteFile(ledger, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		tty    bool
		color  string
		caret  bool
		escape bool
	}{
		{"terminal", true, "auto", true, true},
		{"terminal without colour", true, "never", true, false},
		{"pipe", false, "auto", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, out, _ := iostreams.Test()
			ios.OutTTY = tt.tty
			code := runWith(ios, []string{"lint", "-f", ledger, "--color", tt.color})
			if code != 1 {
				t.Fatalf("exit code %d, want 1", code)
			}
			got := out.String()
			if !strings.Contains(stripANSI(got), ledger+":5:34:") {
				t.Errorf("no file:line:col in %q", got)
			}
			wantSnippet := "    5 |   - {topic: t, value: 1, source: b, date: 2025-11-20}\n      |" + strings.Repeat(" ", 34) + "^"
			if plain := stripANSI(got); strings.Contains(plain, wantSnippet) != tt.caret {
				t.Errorf("caret shown = %v, want %v:\n%s", !tt.caret, tt.caret, plain)
			}
			if strings.Contains(got, "\x1b[") != tt.escape {
				t.Errorf("ANSI codes = %v, want %v", !tt.escape, tt.escape)
			}
		})
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			for i += 2; i < len(s) && (s[i] < 0x40 || s[i] > 0x7e); i++ {
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// A panic anywhere below a command becomes a short message and exit 2.
func TestPanicBecomesExit2(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	ios.Getenv = func(string) string { panic("boom") }
	if code := runWith(ios, []string{"disputed"}); code != 2 {
		t.Fatalf("exit code %d, want 2", code)
	}
	if got := errOut.String(); !strings.Contains(got, "internal error: boom") || !strings.Contains(got, "please report it") {
		t.Errorf("stderr = %q", got)
	}
}
