package load

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bysource"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/sources"
)

// hostileChain is a ledger of n sources, each via the one before.
func hostileChain(n int) string {
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n  s0: {name: S, kind: outlet}\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  s%d: {name: S, kind: outlet, via: s%d}\n", i, i-1)
	}
	fmt.Fprintf(&b, "claims:\n  - {topic: t, value: 1, source: s%d}\n", n-1)
	return b.String()
}

// FuzzLoad feeds arbitrary bytes to the loader and the engine: they must
// never panic, and every problem must carry a position in the file.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		// Known crashers of YAML parsers.
		"0: [:!00 \xef",
		"#\n-\n-\n0",
		"{{},<<}",
		"- ? : -",
		"&a [*a]",
		"a: &a\n  b: *a\n",
		"? [\n",
		"'\\x00'",
		// Small ledgers that exercise every section.
		"ledger: 1\nsources:\n  a: {name: A, kind: outlet, via: b}\n  b: {name: B, kind: wire, via: a}\n",
		"ledger: 1\ntopics:\n  t: {type: choice, choices: [x, {y: [z]}]}\nclaims:\n  - {topic: t, value: z, source: a}\n",
		"ledger: 1\nclaims:\n  - {topic: t, value: half of u, source: a, denies: true, context: {k: v}}\n  - {topic: u, value: ~10, source: a}\n",
		"ledger: 1\ndisputes:\n  t: {status: resolved, value: 5, until: 2025-01-01}\n",
		string(example.YAML),
		// Issue 17's hostile ledgers, small: a raw ESC on line 41, a file
		// of comments alone, a via chain past MaxChain, and one text
		// aliased far past the file's size.
		"ledger: 1\n" + strings.Repeat("# filler\n", 39) + "title: a\x1bb\n",
		"# only a comment\n",
		hostileChain(sources.MaxChain + 2),
		string(amplified(100, 64<<10)),
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l := Bytes("fuzz.yaml", data)
		for _, p := range l.Problems {
			if p.Pos.File != "fuzz.yaml" || p.Pos.Line < 1 || p.Pos.Col < 0 {
				t.Fatalf("problem without a position: %+v", p)
			}
		}
		_ = Warnings(l)
		if !diag.HasErrors(l.Problems, false) {
			a := claims.Analyze(l, claims.Options{Today: time.Unix(0, 0)})
			_ = bysource.Stats(a)
			_ = a.List(claims.ListFilter{History: true})
		}
	})
}
