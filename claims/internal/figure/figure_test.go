package figure

import (
	"math"
	"testing"

	"github.com/claimdiff/claimdiff/claims/value"
)

func num(t *testing.T, raw string) value.Value {
	t.Helper()
	v, err := value.Parse(raw, value.Spec{Type: value.Number})
	if err != nil {
		t.Fatalf("parse %q: %v", raw, err)
	}
	return v
}

func TestIntervalOrder(t *testing.T) {
	inf := math.Inf(1)
	for _, tt := range []struct {
		a, b         string
		below, meets bool
	}{
		{"100", "200", true, false},
		{"at least 200", "200", false, true},
		{"more than 200", "200", false, false},
		{"less than 200", "200", true, false},
		{"100 to 200", "150", false, true},
		{"up to 300", "at least 300", false, true},
	} {
		a, b := Of(num(t, tt.a)), Of(num(t, tt.b))
		if got := a.Below(b); got != tt.below {
			t.Errorf("%q below %q = %v, want %v", tt.a, tt.b, got, tt.below)
		}
		if got := a.Meets(b); got != tt.meets || b.Meets(a) != got {
			t.Errorf("%q meets %q = %v, want %v both ways", tt.a, tt.b, got, tt.meets)
		}
	}
	// A half-line's missing end is infinite and open.
	if s := Of(num(t, "at least 5")); s.Hi != inf || !s.HiOpen || s.Lo != 5 || s.LoOpen {
		t.Errorf("at least 5 = %+v", s)
	}
	// Closed ends sort before open ones at the same number.
	if c := Compare(Of(num(t, "at least 5")), Of(num(t, "more than 5"))); c >= 0 {
		t.Errorf("compare [5, ∞) with (5, ∞) = %d, want < 0", c)
	}
	if got := Of(num(t, "100 to 200")).And(Of(num(t, "at least 150"))); got.Lo != 150 || got.Hi != 200 {
		t.Errorf("100 to 200 and at least 150 = %+v", got)
	}
}

func TestRestates(t *testing.T) {
	for _, tt := range []struct {
		later, earlier string
		want           bool
	}{
		{"about 3,000", "2,975", true},
		// Figures that do not meet are two figures, however near: the
		// topic's tolerance is what lets 2,000,001 meet 2 million.
		{"2 million", "2,000,001", false},
		{"about 800", "802", true},
		{"795", "802", false},
		{"769", "at least 769", true},
		{"as many as 1.03 million", "1.03 million", true},
		{"more than 700", "750", true},
		{"3 billion", "more than 1 billion", false},
		{"up to 400", "at least 400", true},
		{"at least 500", "at least 400", false},
	} {
		if got := Restates(num(t, tt.later), num(t, tt.earlier)); got != tt.want {
			t.Errorf("%q after %q restates = %v, want %v", tt.later, tt.earlier, got, tt.want)
		}
	}
}

func TestRestatesCount(t *testing.T) {
	for _, tt := range []struct {
		later, earlier string
		want           bool
	}{
		{"at least 30", "30", true},
		{"70", "at least 63", false},
		{"at least 4,000", "more than 3,500", false},
	} {
		if got := RestatesCount(num(t, tt.later), num(t, tt.earlier)); got != tt.want {
			t.Errorf("%q after %q restates the count = %v, want %v", tt.later, tt.earlier, got, tt.want)
		}
	}
}

func TestSlips(t *testing.T) {
	for _, tt := range []struct {
		a, b       string
		typo, near bool
	}{
		{"4,354", "4,345", true, true},
		{"1,784", "1,747", false, true},
		{"12,000", "1,200", true, false},
		{"1,200", "1,300", true, false},
		{"1,250", "1,300", false, true},
		{"2,000", "3,500", false, false},
	} {
		a, b := num(t, tt.a), num(t, tt.b)
		if got := TypoOf(a, b); got != tt.typo {
			t.Errorf("%q a typo of %q = %v, want %v", tt.a, tt.b, got, tt.typo)
		}
		if got := NearFigure(a, b); got != tt.near {
			t.Errorf("%q near %q = %v, want %v", tt.a, tt.b, got, tt.near)
		}
	}
}

func TestEndTreeFirst(t *testing.T) {
	var sets []Interval
	for _, raw := range []string{"100", "at least 90", "100 to 120", "150", "95"} {
		sets = append(sets, Of(num(t, raw)))
	}
	tree := NewEndTree(sets)
	if got := tree.First(0, Of(num(t, "100"))); got != 3 {
		t.Errorf("first set from 0 that 100 conflicts with = %d, want 3 (150)", got)
	}
	if got := tree.First(4, Of(num(t, "100"))); got != 4 {
		t.Errorf("first from 4 = %d, want 4 (95)", got)
	}
	if got := tree.First(0, Of(num(t, "at least 0"))); got != -1 {
		t.Errorf("a set every one meets conflicts with %d, want -1", got)
	}
}
