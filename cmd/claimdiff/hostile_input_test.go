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
	t.Parallel()
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
	// Past the 1 MiB cap on one value: 4 MiB by default, 100 MiB in CI.
	scalar := sized(4<<20, 100<<20)
	cases := map[string]string{
		"laughs.yaml":   laughs,
		"self.yaml":     "ledger: 1\nsources: &s\n  a: *s\n",
		"deep.yaml":     "ledger: 1\nclaims: " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000) + "\n",
		"dup.yaml":      dup.String(),
		"scalar.yaml":   "ledger: 1\ntitle: " + strings.Repeat("x", scalar) + "\n",
		"utf8.yaml":     "ledger: 1\ntitle: \xff\n",
		"nul.yaml":      "ledger: 1\ntitle: a\x00b\n",
		"docs.yaml":     "ledger: 1\n---\nledger: 1\n",
		"merge.yaml":    "ledger: 1\nsources:\n  a:\n    <<: {name: A}\n    kind: outlet\n",
		"textpath.yaml": "ledger: 1\nsources:\n  a: {name: A, kind: document, text: ../../../etc/passwd}\n",
		"aliases.yaml":  amplified(1000, 100_000),
		"esc.yaml":      "ledger: 1\n" + strings.Repeat("# filler\n", 39) + "title: a\x1bb\n",
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

// amplified is a ledger whose claims each name one anchored text of size
// bytes as a context value: n times size bytes of text through aliases.
func amplified(n, size int) string {
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n  s: {name: S, kind: outlet}\nclaims:\n")
	b.WriteString("  - {topic: t, value: 1, source: s, context: {k: &big " + strings.Repeat("x", size) + "}}\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {topic: t%d, value: 1, source: s, context: {k: *big}}\n", i)
	}
	return b.String()
}

// A report of a ledger that aliases one text a thousand times is not
// written: the ledger is an alias bomb, and report exits 2 having written
// nothing, where it used to write every copy of the text; lint says so
// in one annotation.
func TestAliasAmplified(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ledger := filepath.Join(dir, "claims.yaml")
	if err := os.WriteFile(ledger, []byte(amplified(1000, 100_000)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "o.html")
	ios, _, stdout, errOut := iostreams.Test()
	if code := runWith(ios, []string{"report", "-f", ledger, "-o", out}); code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	if !strings.Contains(errOut.String(), "aliases expand to more text than 4 times the file's size") {
		t.Errorf("stderr %q", clipForLog(errOut.String()))
	}
	if _, err := os.Stat(out); err == nil || stdout.Len() > 0 {
		t.Errorf("a report was written (stdout %d bytes)", stdout.Len())
	}
	// lint reports the bomb as the file's one error, as it reports every
	// file it refuses (exit 1), and warns of none of its claims (only of
	// the source read before the bomb, which none now cites).
	ios, _, stdout, _ = iostreams.Test()
	if code := runWith(ios, []string{"lint", "-f", ledger, "--format", "github"}); code != 1 {
		t.Errorf("lint exit code %d, want 1", code)
	}
	if got := stdout.String(); strings.Count(got, "::error ") != 1 || strings.Count(got, "::warning ") > 1 || !strings.Contains(got, "title=claimdiff alias-bomb::") {
		t.Errorf("lint printed %q", clipForLog(got))
	}
}

// viaChain is a ledger of n sources, each via the one before.
func viaChain(n int) string {
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n  s0: {name: S0, kind: outlet}\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  s%d: {name: S%d, kind: outlet, via: s%d}\n", i, i, i-1)
	}
	fmt.Fprintf(&b, "claims:\n  - {topic: t, value: 1, source: s%d}\n", n-1)
	return b.String()
}

// sources on a 4,000-deep via chain printed 80 MB, every source's whole
// chain; past 64 sources a chain is now an error, named once, and a
// ledger just inside the limit prints chains linear in its size.
func TestDeepViaChain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	deep := filepath.Join(dir, "deep.yaml")
	if err := os.WriteFile(deep, []byte(viaChain(sized(400, 4000))), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := iostreams.Test()
	if code := runWith(ios, []string{"sources", "-f", deep}); code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	want := deep + `:68:39: source "s65" comes through more than 64 other sources by way of via`
	if !strings.HasPrefix(errOut.String(), want+"\n") || out.Len() > 0 {
		t.Errorf("stdout %d bytes, stderr %q; want %q", out.Len(), clipForLog(errOut.String()), want)
	}

	// 64 sources deep, and 2,000 more (300 by default) each via the
	// deepest, so through 64 others: every source prints at most 65 ids.
	var b strings.Builder
	b.WriteString(strings.TrimSuffix(viaChain(64), "claims:\n  - {topic: t, value: 1, source: s63}\n"))
	wideN := sized(300, 2000)
	for i := range wideN {
		fmt.Fprintf(&b, "  x%d: {name: X, kind: outlet, via: s63}\n", i)
	}
	b.WriteString("claims:\n  - {topic: t, value: 1, source: x0}\n")
	wide := filepath.Join(dir, "wide.yaml")
	if err := os.WriteFile(wide, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json"} {
		ios, _, out, errOut = iostreams.Test()
		if code := runWith(ios, []string{"sources", "-f", wide, "--format", format}); code != 0 {
			t.Fatalf("exit code %d: %s", code, clipForLog(errOut.String()))
		}
		// Each of the sources prints its chain of up to 65 ids of at
		// most 5 bytes, indented in JSON: under 2 KiB per source.
		if out.Len() > (64+wideN)*2048 {
			t.Errorf("--format %s printed %d bytes for %d bytes of ledger", format, out.Len(), b.Len())
		}
	}
}
