package position

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims/value"
)

// claims is a group of claims as the positioner reads them.
type claims []struct {
	raw, source string
}

func (cs claims) values(t *testing.T) ledger {
	t.Helper()
	var l ledger
	for _, c := range cs {
		// "not X" is a denial of X, as a claim with denies: true.
		raw, denies := strings.CutPrefix(c.raw, "not ")
		v, err := value.Parse(raw, value.Spec{Type: value.Number})
		if err != nil {
			t.Fatalf("parse %q: %v", c.raw, err)
		}
		v.Negated = denies
		l.vs, l.sources = append(l.vs, v), append(l.sources, c.source)
	}
	return l
}

type ledger struct {
	vs      []value.Value
	sources []string
}

func (l ledger) At(i int) value.Value { return l.vs[i] }
func (l ledger) Source(i int) string  { return l.sources[i] }

// describe writes a layout as "[members] ..., vague: member→lo-hi".
func describe(lay Layout) string {
	s := ""
	for _, p := range lay.Positions {
		s += fmt.Sprint(p.Members)
		if p.Denies {
			s += "!"
		}
		s += " "
	}
	for _, v := range lay.Vague {
		if v.All {
			s += fmt.Sprintf("vague %d→all ", v.Member)
		} else {
			s += fmt.Sprintf("vague %d→%d-%d ", v.Member, v.Lo, v.Hi)
		}
	}
	return s
}

func TestBuild(t *testing.T) {
	for _, tt := range []struct {
		name   string
		claims claims
		want   string
	}{
		{"two figures, two positions in value order",
			claims{{"600,000", "a"}, {"800,000", "b"}, {"600,000", "c"}}, "[0 2] [1] "},
		// A range beside as many figures is one reading of them: it fits
		// their side only; ranges from more origins than its figures stay.
		{"a range beside a figure fits its side",
			claims{{"600,000", "a"}, {"550,000 to 650,000", "b"}, {"800,000", "c"}}, "[0] [2] vague 1→0-1 "},
		{"ranges from more origins than the figures stay",
			claims{{"600,000", "a"}, {"550,000 to 650,000", "b"}, {"580,000 to 620,000", "c"}, {"800,000", "d"}}, "[0 1 2] [3] "},
		// A range spanning both sides states neither (rule 3a).
		{"a range that meets two is vague",
			claims{{"600,000", "a"}, {"800,000", "b"}, {"500,000 to 900,000", "c"}}, "[0] [1] vague 2→0-2 "},
		{"a denial faces what it denies",
			claims{{"600,000", "a"}, {"800,000", "b"}, {"not 600,000", "c"}}, "[0] [1] [2]! "},
		{"a denial of what nobody says fits every position",
			claims{{"600,000", "a"}, {"800,000", "b"}, {"not 700,000", "c"}}, "[0] [1] vague 2→all "},
		// The ledger's order never changes the layout.
		{"the same claims in another order",
			claims{{"800,000", "b"}, {"600,000", "a"}, {"500,000 to 900,000", "c"}}, "[1] [0] vague 2→0-2 "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := tt.claims.values(t)
			live := make([]int, len(tt.claims))
			for i := range live {
				live[i] = i
			}
			var b Builder
			if got := describe(b.Build(live, l)); got != tt.want {
				t.Errorf("layout %q, want %q", got, tt.want)
			}
		})
	}
}
