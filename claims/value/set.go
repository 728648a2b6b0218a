package value

import (
	"math"

	"github.com/claimdiff/claimdiff/claims/value/namelist"
)

// ival is v's set as an interval with normalised ends: unknown and
// infinite ends are infinite and open.
func (v Value) ival() Interval {
	i := Interval{v.Lo, v.Hi, v.LoOpen || math.IsInf(v.Lo, -1), v.HiOpen || math.IsInf(v.Hi, 1)}
	if math.IsNaN(i.Lo) {
		i.Lo, i.LoOpen = math.Inf(-1), true
	}
	if math.IsNaN(i.Hi) {
		i.Hi, i.HiOpen = math.Inf(1), true
	}
	return i
}

func intersects(a, b Interval) bool {
	return !a.Empty() && !b.Empty() && !a.And(b).Empty()
}

// subset reports whether a ⊆ b.
func subset(a, b Interval) bool {
	if a.Empty() {
		return true
	}
	if b.Empty() {
		return false
	}
	lower := a.Lo > b.Lo || a.Lo == b.Lo && (a.LoOpen || !b.LoOpen)
	upper := a.Hi < b.Hi || a.Hi == b.Hi && (a.HiOpen || !b.HiOpen)
	return lower && upper
}

// coverAll reports whether a ∪ b is the whole line, i.e. whether their
// complements fail to meet.
func coverAll(a, b Interval) bool {
	full := func(x Interval) bool { return math.IsInf(x.Lo, -1) && math.IsInf(x.Hi, 1) }
	if full(a) || full(b) {
		return true
	}
	if !math.IsInf(a.Lo, -1) {
		a, b = b, a
	}
	if !math.IsInf(a.Lo, -1) || !math.IsInf(b.Hi, 1) || a.Empty() || b.Empty() {
		return false
	}
	return b.Lo < a.Hi || b.Lo == a.Hi && !(a.HiOpen && b.LoOpen)
}

// Comparable reports whether two values can be compared at all: the same
// type and, for money, the same currency (an empty one means the topic's,
// and compares with any).
func Comparable(a, b Value) bool {
	if a.Type != b.Type {
		return false
	}
	return a.Type != Money || a.Currency == "" || b.Currency == "" || a.Currency == b.Currency
}

// Meets reports whether the two values' sets intersect, taking Negated
// into account: a value meets a denial unless it lies wholly inside what
// is denied. Two names values meet when one list is a subset of the
// other (NamesSubset): a partial list is vague, not a conflict. Values that are not Comparable, and relative values not yet
// resolved, meet everything: nothing shows that they conflict.
func Meets(a, b Value) bool {
	if !Comparable(a, b) || !resolved(a) || !resolved(b) {
		return true
	}
	if !a.Type.Numeric() {
		eq := a.Atom == b.Atom
		if a.Type == Names {
			eq = namelist.Meet(a.Atom, b.Atom)
		}
		switch {
		case a.Negated && b.Negated:
			return true
		case a.Negated || b.Negated:
			return !eq
		}
		return eq
	}
	ia, ib := a.ival(), b.ival()
	switch {
	case a.Negated && b.Negated:
		return !coverAll(ia, ib)
	case b.Negated:
		return !subset(ia, ib)
	case a.Negated:
		return !subset(ib, ia)
	}
	return intersects(ia, ib)
}

// Same reports whether two values denote the same set in the same way:
// "600k" and "600,000" are the same, "about 600,000" and "600,000" are
// not, even where a wide tolerance gives them the same set; names values
// are the same when their canonical lists are ("Knuth, Donald E." and
// "Donald E. Knuth", not "D. E. Knuth", which only meets them). It tells a
// rewording from a change of meaning.
func Same(a, b Value) bool {
	if !Comparable(a, b) || a.Negated != b.Negated {
		return false
	}
	if !a.Type.Numeric() {
		return a.Atom == b.Atom
	}
	if !resolved(a) || !resolved(b) {
		return a.Ref == b.Ref && a.Form == b.Form && approxEqual(a.Factor, b.Factor) && approxEqual(a.FactorHi, b.FactorHi) &&
			a.Approx == b.Approx && resolved(a) == resolved(b)
	}
	ia, ib := a.ival(), b.ival()
	return a.Approx == b.Approx && approxEqual(ia.Lo, ib.Lo) && approxEqual(ia.Hi, ib.Hi) &&
		ia.LoOpen == ib.LoOpen && ia.HiOpen == ib.HiOpen
}

// approxEqual is equality up to float noise (0.1+0.2 and 0.3).
func approxEqual(x, y float64) bool {
	if x == y {
		return true
	}
	return math.Abs(x-y) <= 1e-9*max(math.Abs(x), math.Abs(y))
}

// Gap is how far apart two values are, from 0 (they meet) to 1: for
// numbers the distance between the sets over the larger magnitude of the
// facing ends (425,000 vs 600,000 is 175,000/600,000 ≈ 0.29); for dates
// the distance in years; 1 for atoms that differ and for denials.
func Gap(a, b Value) float64 {
	if Meets(a, b) {
		return 0
	}
	if !a.Type.Numeric() || a.Negated || b.Negated {
		return 1
	}
	ia, ib := a.ival(), b.ival()
	if ia.Empty() || ib.Empty() {
		return 1
	}
	near, far := ia.Hi, ib.Lo // a below b
	if ib.Hi <= ia.Lo {
		near, far = ib.Hi, ia.Lo
	}
	d := far - near
	var g float64
	switch a.Type {
	case Date:
		g = d / 365.25
	case DateTime:
		g = d / (365.25 * 86400)
	default:
		g = d / max(math.Abs(near), math.Abs(far))
	}
	if math.IsNaN(g) || g > 1 {
		return 1
	}
	return max(g, 0)
}
