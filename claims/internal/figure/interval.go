package figure

import (
	"cmp"
	"math"

	"github.com/claimdiff/claimdiff/claims/value"
)

// Interval is a numeric set with its ends normalised: infinite and unknown
// ends are infinite and open.
type Interval struct {
	Lo, Hi         float64
	LoOpen, HiOpen bool
}

func Of(v value.Value) Interval {
	s := Interval{v.Lo, v.Hi, v.LoOpen, v.HiOpen}
	if math.IsNaN(s.Lo) || math.IsInf(s.Lo, -1) {
		s.Lo, s.LoOpen = math.Inf(-1), true
	}
	if math.IsNaN(s.Hi) || math.IsInf(s.Hi, 1) {
		s.Hi, s.HiOpen = math.Inf(1), true
	}
	return s
}

// Below reports whether every value of a lies Below every value of b.
func (a Interval) Below(b Interval) bool {
	return a.Hi < b.Lo || a.Hi == b.Lo && (a.HiOpen || b.LoOpen)
}

func (a Interval) Meets(b Interval) bool { return !a.Below(b) && !b.Below(a) }

// StartsWithin reports whether a starts at or after b's start, and
// endsWithin whether it ends at or before b's end: together, a ⊆ b. Over
// disjoint sets in value order the first is false then true, the second
// true then false, so each is a binary search.
func (a Interval) StartsWithin(b Interval) bool {
	return a.Lo > b.Lo || a.Lo == b.Lo && (a.LoOpen || !b.LoOpen)
}

func (a Interval) EndsWithin(b Interval) bool {
	return a.Hi < b.Hi || a.Hi == b.Hi && (a.HiOpen || !b.HiOpen)
}

// And is the part a shares with b (they meet), by value.Interval's rule.
func (a Interval) And(b Interval) Interval {
	x := value.Interval{Lo: a.Lo, Hi: a.Hi, LoOpen: a.LoOpen, HiOpen: a.HiOpen}.
		And(value.Interval{Lo: b.Lo, Hi: b.Hi, LoOpen: b.LoOpen, HiOpen: b.HiOpen})
	return Interval{x.Lo, x.Hi, x.LoOpen, x.HiOpen}
}

// Compare orders sets by start, then end, closed ends first.
func Compare(a, b Interval) int {
	return cmp.Or(cmp.Compare(a.Lo, b.Lo), CompareBool(a.LoOpen, b.LoOpen), cmp.Compare(a.Hi, b.Hi), CompareBool(b.HiOpen, a.HiOpen))
}

// CompareBool is cmp.Compare for booleans, false first: a closed end
// before an open one, and in the engine's other orders a flag unset
// before set.
func CompareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Middle is the figure a bounded set stands for; false for a half-line.
func (a Interval) Middle() (float64, bool) {
	if math.IsInf(a.Lo, 0) || math.IsInf(a.Hi, 0) {
		return 0, false
	}
	return a.Lo + (a.Hi-a.Lo)/2, true
}

// FromLo and toHi report whether m lies on the inner side of a's low and
// high ends: together, m is in a.
func (a Interval) FromLo(m float64) bool { return m > a.Lo || m == a.Lo && !a.LoOpen }

func (a Interval) ToHi(m float64) bool { return m < a.Hi || m == a.Hi && !a.HiOpen }

// Holds reports whether every value of b lies in a.
func (a Interval) Holds(b Interval) bool {
	return (a.Lo < b.Lo || a.Lo == b.Lo && (!a.LoOpen || b.LoOpen)) &&
		(a.Hi > b.Hi || a.Hi == b.Hi && (!a.HiOpen || b.HiOpen))
}
