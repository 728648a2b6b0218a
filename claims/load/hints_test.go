package load

import (
	"fmt"
	"strings"
	"testing"
)

// A feed that names thousands of undefined sources, beside a head of
// thousands of sources, gets a "did you mean" hint on each problem shown,
// and none is worked out for the problems folded into "too many": for
// every row, a search of every source took 90 s. Hints of topics too.
func TestHintsOnlyForShownProblems(t *testing.T) {
	t.Parallel()
	// Problems are found in chunks of at least 4,096 claims, so even the
	// small size spans two.
	n := sized(5_000, 20_000)
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n")
	for i := range n {
		fmt.Fprintf(&b, "  source-%05d: {name: S, kind: outlet}\n", i)
	}
	b.WriteString("disputes:\n  no-such-topic: {status: acknowledged}\nclaims:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {topic: t, value: 1, source: sourse-%05d}\n", i)
	}
	l, err := Load([]File{{Name: "claims.yaml", Data: []byte(b.String())}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	for _, p := range l.Problems {
		switch p.Code {
		case "unknown-source":
			shown++
			want := fmt.Sprintf("did you mean %q?", "source-"+strings.TrimPrefix(p.Message[strings.Index(p.Message, "sourse-"):], "sourse-")[:5])
			if p.Hint != want {
				t.Errorf("%s: hint %q, want %q", p.Message, p.Hint, want)
			}
		case "unknown-topic":
			if p.Hint != "define it under topics:, or give it claims" {
				t.Errorf("%s: hint %q", p.Message, p.Hint)
			}
		case "too-many":
			if p.HiddenErrors < n-maxProblems {
				t.Errorf("too many: %d hidden", p.HiddenErrors)
			}
		}
		if strings.ContainsRune(p.Hint, 0) {
			t.Errorf("%s: a hint left for later: %q", p.Message, p.Hint)
		}
	}
	if shown == 0 || shown > maxProblems {
		t.Errorf("%d unknown-source problems shown", shown)
	}
}
