package value

import (
	"math"
	"strings"
	"testing"
)

// Number words are read right or refused: "two dozen" is 24, never 2.
func TestNumberWords(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		raw    string
		lo, hi float64
	}{
		{"a dozen", 12, 12},
		{"two dozen", 24, 24},
		{"2 dozen", 24, 24},
		{"a score", 20, 20},
		{"dozens", 24, 99},
		{"hundreds", 200, 999},
		{"thousands", 2000, 9999},
		{"thousands of people", 2000, 9999},
		{"tens of thousands", 20000, 99999},
		{"hundreds of thousands", 200000, 999999},
		{"as many as 4,200", -inf, 4200},
		{"as high as 5,000", -inf, 5000},
		{"as much as 60,000", -inf, 60000},
		{"just under 500", -inf, 500},
		{"just over 500", 500, inf},
		{"north of 1,000", 1000, inf},
		{"well over 1,000", 1000, inf},
		{"upwards of 300", 300, inf},
		{"500-plus", 500, inf},
		{"500 plus", 500, inf},
		{"600-odd", 600, 700},
		{"600 odd", 600, 700},
		{"some 600-odd", 600, 700},
		{"forty-odd", 40, 50},
		{"1,500-odd", 1500, 1600},
		{"2,000-odd", 2000, 3000},
		{"hundreds if not thousands", 200, 9999},
		{"dozens, if not hundreds", 24, 999},
		{"300 if not more", 300, inf},
		{"1,000, if not 2,000", 1000, 2000},
		{"about 40, if not 50", 38, 50}, // "about" hedges the first figure only
		{"closer to 900,000", 855000, 945000},
		{"nearly 400", 380, 420},
		{"an estimated 4,645", 4412.75, 4877.25},
		{"between 800,000 and 1 million", 800000, 1e6},
		{"5-10k", 5000, 10000},
		{"a million and a half", 1.5e6, 1.5e6},
		{"two and a half million", 2.5e6, 2.5e6},
		{"half a million", 5e5, 5e5},
		{"half a dozen", 6, 6},
		{"a half-dozen", 6, 6},
		{"more than a half-dozen", 6, inf},
		{"a dozen and a half", 18, 18},
		{"1.5 million", 1.5e6, 1.5e6},
		{"two and a half", 2.5, 2.5},
		{"all three billion", 3e9, 3e9},
		{"exactly 1,000", 1000, 1000},
		{"a total of 78", 78, 78},
	}
	for _, tt := range tests {
		v, err := Parse(tt.raw, Spec{Type: Number})
		if err != nil {
			t.Errorf("%q: %v", tt.raw, err)
			continue
		}
		if v.Lo != tt.lo || v.Hi != tt.hi {
			t.Errorf("%q = [%v, %v], want [%v, %v]", tt.raw, v.Lo, v.Hi, tt.lo, tt.hi)
		}
	}
	for _, raw := range []string{"dozen", "score", "hundred", "a half", "half a", "half a crowd", "all", "all of them", "exactly about 5", "exactly > 5", "odd", "-odd", "5-10-odd", "300 if not fewer", "300 if not 200", "if not 300",
		"500 more", "500 more people", "hundreds more", "1.5 million more", "500 additional troops"} {
		if v, err := Parse(raw, Spec{Type: Number}); err == nil {
			t.Errorf("%q read as %v; a form claimdiff does not read must be refused", raw, v)
		}
	}
}

// "600-odd" is somewhat more than 600: it meets 650 and 600, and neither
// 700, the next hundred, nor 590. It is a range, never a figure.
func TestOddIsSomewhatMore(t *testing.T) {
	odd, err := Parse("600-odd", Spec{Type: Number})
	if err != nil {
		t.Fatal(err)
	}
	if !odd.Approx || !odd.HiOpen || odd.LoOpen || !math.IsNaN(odd.Nominal) {
		t.Errorf("600-odd = %+v, want an approximate range [600, 700)", odd)
	}
	for _, tt := range []struct {
		raw  string
		want bool
	}{{"650", true}, {"600", true}, {"700", false}, {"590", false}} {
		v, err := Parse(tt.raw, Spec{Type: Number})
		if err != nil {
			t.Fatal(err)
		}
		if got := Meets(odd, v); got != tt.want {
			t.Errorf("600-odd meets %s = %v, want %v", tt.raw, got, tt.want)
		}
	}
}

// A figure given as an increase ("500 more died") is refused, saying so;
// a bound written with "or more" and a count after "more than" are read.
func TestIncreaseIsNoCount(t *testing.T) {
	_, err := Parse("500 more", Spec{Type: Number})
	if err == nil || !strings.Contains(err.Error(), "an increase on another figure") {
		t.Errorf("500 more: %v, want it refused as an increase", err)
	}
	for _, raw := range []string{"500 or more", "more than 500", "500 people", "500 others", "thousands of people"} {
		if _, err := Parse(raw, Spec{Type: Number}); err != nil {
			t.Errorf("%q: %v", raw, err)
		}
	}
}
