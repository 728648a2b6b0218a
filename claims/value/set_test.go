package value

import (
	"math"
	"testing"
)

var (
	number    = Spec{Type: Number}
	onePct    = Spec{Type: Number, Tolerance: Tolerance{Rel: 0.01}}
	percent   = Spec{Type: Percent}
	usd       = Spec{Type: Money, Unit: "USD"}
	years     = Spec{Type: Duration}
	dates     = Spec{Type: Date}
	countries = Spec{Type: Choice, Choices: []ChoiceDef{{Name: "Russia"}, {Name: "Ukraine"}}}
	g7g8      = Spec{Type: Choice, Choices: []ChoiceDef{{Name: "G7"}, {Name: "G8"}}}
)

// side is one value of a comparison; deny sets Negated as `denies: true`.
type side struct {
	raw  string
	spec Spec
	deny bool
}

func (s side) value(t *testing.T) Value {
	v := mustParse(t, s.raw, s.spec)
	v.Negated = s.deny
	return v
}

func TestMeets(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b side
		want bool
	}{
		{"same number", side{raw: "600,000", spec: number}, side{raw: "600k", spec: number}, true},
		{"different numbers", side{raw: "600,000", spec: number}, side{raw: "600,001", spec: number}, false},
		{"within 1%", side{raw: "600,000", spec: onePct}, side{raw: "605,000", spec: onePct}, true},
		{"beyond 1%", side{raw: "600,000", spec: onePct}, side{raw: "620,000", spec: onePct}, false},
		{"about 19% meets 19%", side{raw: "about 19%", spec: percent}, side{raw: "19%", spec: percent}, true},
		{"about 19% misses 21%", side{raw: "about 19%", spec: percent}, side{raw: "21%", spec: percent}, false},
		{"approx meets inside", side{raw: "~850,000", spec: number}, side{raw: "880,000", spec: number}, true},
		{"bound meets", side{raw: "at least 10 years", spec: years}, side{raw: "12 years", spec: years}, true},
		{"bound misses", side{raw: "at least 10 years", spec: years}, side{raw: "five years", spec: years}, false},
		{"open bound excludes", side{raw: "more than 10", spec: number}, side{raw: "10", spec: number}, false},
		{"closed bound includes", side{raw: "at least 10", spec: number}, side{raw: "10", spec: number}, true},
		{"tolerance reaches open bound", side{raw: "more than 10", spec: onePct}, side{raw: "10", spec: onePct}, true},
		{"opposite bounds", side{raw: "more than 10", spec: number}, side{raw: "less than 10", spec: number}, false},
		{"touching closed bounds", side{raw: "at least 10", spec: number}, side{raw: "at most 10", spec: number}, true},
		{"touching half-open", side{raw: "at least 10", spec: number}, side{raw: "under 10", spec: number}, false},
		{"intervals overlap", side{raw: "5-10", spec: number}, side{raw: "between 8 and 12", spec: number}, true},
		{"intervals apart", side{raw: "5-10", spec: number}, side{raw: "11-12", spec: number}, false},
		{"money same", side{raw: "$100B", spec: usd}, side{raw: "100 billion dollars", spec: usd}, true},
		{"money differs", side{raw: "$100B", spec: usd}, side{raw: "$50B", spec: usd}, false},
		{"date in month", side{raw: "2025-11-27", spec: dates}, side{raw: "November 2025", spec: dates}, true},
		{"date outside month", side{raw: "2025-12-01", spec: dates}, side{raw: "November 2025", spec: dates}, false},
		{"choices differ", side{raw: "G7", spec: g7g8}, side{raw: "G8", spec: g7g8}, false},
		{"choices same", side{raw: "g8", spec: g7g8}, side{raw: "G8", spec: g7g8}, true},
		{"text normalised", side{raw: "The  G8.", spec: Spec{Type: Text}}, side{raw: "the g8", spec: Spec{Type: Text}}, true},
		{"bools differ", side{raw: "yes", spec: Spec{Type: Bool}}, side{raw: "no", spec: Spec{Type: Bool}}, false},

		{"denial of same", side{raw: "Russia", spec: countries, deny: true}, side{raw: "Russia", spec: countries}, false},
		{"denial of same reversed", side{raw: "Russia", spec: countries}, side{raw: "Russia", spec: countries, deny: true}, false},
		{"denial of other", side{raw: "Russia", spec: countries, deny: true}, side{raw: "Ukraine", spec: countries}, true},
		{"two denials", side{raw: "Russia", spec: countries, deny: true}, side{raw: "Ukraine", spec: countries, deny: true}, true},
		{"number denial", side{raw: "600,000", spec: number}, side{raw: "600k", spec: number, deny: true}, false},
		{"number denial other", side{raw: "600,000", spec: number}, side{raw: "500k", spec: number, deny: true}, true},
		{"range sticks out of denial", side{raw: "5-10", spec: number}, side{raw: "between 5 and 8", spec: number, deny: true}, true},
		{"range inside denial", side{raw: "6-7", spec: number}, side{raw: "between 5 and 8", spec: number, deny: true}, false},
		{"denied bounds cover all", side{raw: "at least 5", spec: number, deny: true}, side{raw: "at most 5", spec: number, deny: true}, false},
		{"denied bounds leave a gap", side{raw: "more than 5", spec: number, deny: true}, side{raw: "less than 5", spec: number, deny: true}, true},
		{"denied points", side{raw: "5", spec: number, deny: true}, side{raw: "5", spec: number, deny: true}, true},

		{"incomparable types meet", side{raw: "5", spec: number}, side{raw: "5%", spec: percent}, true},
		{"incomparable currencies meet", side{raw: "€5", spec: Spec{Type: Money}}, side{raw: "$6", spec: Spec{Type: Money}}, true},
		{"unresolved meets", side{raw: "half of x", spec: number}, side{raw: "5", spec: number}, true},
		{"unresolved denial meets", side{raw: "half of x", spec: number, deny: true}, side{raw: "5", spec: number}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := tc.a.value(t), tc.b.value(t)
			if got := Meets(a, b); got != tc.want {
				t.Errorf("Meets(%v, %v) = %v, want %v (sets [%v,%v] [%v,%v])", a, b, got, tc.want, a.Lo, a.Hi, b.Lo, b.Hi)
			}
			if got := Meets(b, a); got != tc.want {
				t.Errorf("Meets is not symmetric for %v, %v", a, b)
			}
		})
	}
}

func TestComparable(t *testing.T) {
	m := Spec{Type: Money}
	for _, tc := range []struct {
		name string
		a, b side
		want bool
	}{
		{"same type", side{raw: "5", spec: number}, side{raw: "6", spec: number}, true},
		{"different types", side{raw: "5", spec: number}, side{raw: "5", spec: percent}, false},
		{"same currency", side{raw: "€5", spec: m}, side{raw: "5 euros", spec: m}, true},
		{"different currencies", side{raw: "€5", spec: m}, side{raw: "$5", spec: m}, false},
		{"no currency", side{raw: "5", spec: m}, side{raw: "$5", spec: m}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Comparable(tc.a.value(t), tc.b.value(t)); got != tc.want {
				t.Errorf("Comparable = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSame(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b side
		want bool
	}{
		{"600k and 600,000", side{raw: "600k", spec: number}, side{raw: "600,000", spec: number}, true},
		{"0.6 million", side{raw: "0.6 million", spec: number}, side{raw: "600000", spec: number}, true},
		{"1.2bn", side{raw: "1.2bn", spec: number}, side{raw: "1,200,000,000", spec: number}, true},
		{"$100B and $100 billion", side{raw: "$100B", spec: usd}, side{raw: "$100 billion", spec: usd}, true},
		{"about is not exact", side{raw: "about 600,000", spec: number}, side{raw: "600,000", spec: number}, false},
		{"about is not exact even when wide",
			side{raw: "about 600,000", spec: Spec{Type: Number, Tolerance: Tolerance{Rel: 0.05}}},
			side{raw: "600,000", spec: Spec{Type: Number, Tolerance: Tolerance{Rel: 0.05}}}, false},
		{"about and around", side{raw: "about 600,000", spec: number}, side{raw: "~600k", spec: number}, true},
		{"different numbers", side{raw: "600,000", spec: onePct}, side{raw: "605,000", spec: onePct}, false},
		{"bounds", side{raw: "at least 10 years", spec: years}, side{raw: "no fewer than 120 months", spec: years}, true},
		{"open and closed", side{raw: "at least 10", spec: number}, side{raw: "more than 10", spec: number}, false},
		{"ranges", side{raw: "5-10k", spec: number}, side{raw: "between 5,000 and 10,000", spec: number}, true},
		{"dates", side{raw: "2025-11-27", spec: dates}, side{raw: "Nov 27, 2025", spec: dates}, true},
		{"choices", side{raw: "G8", spec: g7g8}, side{raw: "g8", spec: g7g8}, true},
		{"denied and not", side{raw: "Russia", spec: countries, deny: true}, side{raw: "Russia", spec: countries}, false},
		{"both denied", side{raw: "Russia", spec: countries, deny: true}, side{raw: "russia", spec: countries, deny: true}, true},
		{"relative", side{raw: "half of x", spec: number}, side{raw: "a half of x", spec: number}, true},
		{"relative other ref", side{raw: "half of x", spec: number}, side{raw: "half of y", spec: number}, false},
		{"relative and absolute", side{raw: "half of x", spec: number}, side{raw: "5", spec: number}, false},
		{"types differ", side{raw: "5", spec: number}, side{raw: "5", spec: percent}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := tc.a.value(t), tc.b.value(t)
			if got := Same(a, b); got != tc.want {
				t.Errorf("Same(%v, %v) = %v, want %v", a, b, got, tc.want)
			}
		})
	}
}

func TestGap(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b side
		want float64
	}{
		{"meeting", side{raw: "600,000", spec: number}, side{raw: "600k", spec: number}, 0},
		{"points", side{raw: "425,000", spec: number}, side{raw: "600,000", spec: number}, 175000.0 / 600000},
		{"reversed", side{raw: "600,000", spec: number}, side{raw: "425,000", spec: number}, 175000.0 / 600000},
		{"widened", side{raw: "100", spec: onePct}, side{raw: "200", spec: onePct}, (199 - 100.5) / 199.0},
		{"bound", side{raw: "at least 10", spec: number}, side{raw: "5", spec: number}, 0.5},
		{"opposite signs capped", side{raw: "-5", spec: number}, side{raw: "5", spec: number}, 1},
		{"dates in years", side{raw: "2025-01-01", spec: dates}, side{raw: "2025-07-02", spec: dates}, 182 / 365.25},
		{"dates far apart", side{raw: "2000", spec: dates}, side{raw: "2025", spec: dates}, 1},
		{"atoms", side{raw: "G7", spec: g7g8}, side{raw: "G8", spec: g7g8}, 1},
		{"atoms same", side{raw: "G8", spec: g7g8}, side{raw: "G8", spec: g7g8}, 0},
		{"denial", side{raw: "600,000", spec: number}, side{raw: "600,000", spec: number, deny: true}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := tc.a.value(t), tc.b.value(t)
			got := Gap(a, b)
			if math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("Gap(%v, %v) = %v, want %v", a, b, got, tc.want)
			}
			if got < 0 || got > 1 || Meets(a, b) && got != 0 {
				t.Errorf("Gap(%v, %v) = %v out of [0, 1] or inconsistent with Meets", a, b, got)
			}
		})
	}
}

func TestSetOperationsOnOddSets(t *testing.T) {
	empty := Value{Type: Number, Lo: 5, Hi: 5, LoOpen: true}
	point := Value{Type: Number, Lo: 5, Hi: 5}
	nanSet := Value{Type: Number, Lo: math.NaN(), Hi: math.NaN()}
	if Meets(empty, point) || Meets(empty, empty) {
		t.Error("an empty set meets something")
	}
	if !Meets(nanSet, point) {
		t.Error("a set with NaN ends (built by hand) should read as unbounded")
	}
	if g := Gap(empty, point); g != 1 {
		t.Errorf("Gap with an empty set = %v, want 1", g)
	}
}
