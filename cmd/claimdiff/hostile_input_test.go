package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// Each hostile ledger given to disputed ends in a one-line error naming
// the file, and exit 2, never a panic. The parsers' own costs on these are
// measured by the loader benchmark, not timed here.
func TestHostileInputToDisputed(t *testing.T) {
	dir := t.TempDir()
	laughs := "ledger: 1\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
	prev := "a"
	for i := range 9 {
		name := fmt.Sprintf("l%d", i)
		laughs += fmt.Sprintf("%s: &%s [%s]\n", name, name, strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ","))
		prev = name
	}
	laughs += "sources: {s: {name: S, kind: outlet}}\nclaims:\n  - {topic: t, value: 1, source: s, context: *" + prev + "}\n"
	var dup strings.Builder
	dup.WriteString("ledger: 1\nsources:\n  s:\n")
	for range 60_000 {
		dup.WriteString("    name: x\n")
	}
	cases := map[string]string{
		"laughs.yaml":   laughs,
		"self.yaml":     "ledger: 1\nsources: &s\n  a: *s\n",
		"deep.yaml":     "ledger: 1\nclaims: " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000) + "\n",
		"dup.yaml":      dup.String(),
		"scalar.yaml":   "ledger: 1\ntitle: " + strings.Repeat("x", 100<<20) + "\n",
		"utf8.yaml":     "ledger: 1\ntitle: \xff\n",
		"nul.yaml":      "ledger: 1\ntitle: a\x00b\n",
		"docs.yaml":     "ledger: 1\n---\nledger: 1\n",
		"merge.yaml":    "ledger: 1\nsources:\n  a:\n    <<: {name: A}\n    kind: outlet\n",
		"textpath.yaml": "ledger: 1\nsources:\n  a: {name: A, kind: document, text: ../../../etc/passwd}\n",
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			ios, _, out, errOut := iostreams.Test()
			if code := runWith(ios, []string{"disputed", "-f", path}); code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			msg := errOut.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, path+":") {
				t.Errorf("want one line naming the file, got %q", clipForLog(msg))
			}
			if strings.Contains(msg, "goroutine") || out.Len() != 0 {
				t.Errorf("stdout %q, stderr %q", clipForLog(out.String()), clipForLog(msg))
			}
		})
	}
}

func clipForLog(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
