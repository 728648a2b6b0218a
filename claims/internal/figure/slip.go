package figure

import (
	"math"
	"strconv"

	"github.com/claimdiff/claimdiff/claims/value"
)

// nearSlip is the largest relative gap at which one outlet's lone figure
// against a figure several origins carry reads as its slip (1,747 for
// 1,784), not a count of its own.
const nearSlip = 0.05

// NearFigure reports whether figures a and b lie within nearSlip of each
// other, relative to the larger.
func NearFigure(a, b value.Value) bool {
	if math.IsNaN(a.Nominal) || math.IsNaN(b.Nominal) || IsTime(a.Type) || a.Negated || b.Negated || a.Atom != "" || b.Atom != "" {
		return false
	}
	x, y := math.Abs(a.Nominal), math.Abs(b.Nominal)
	return math.Abs(x-y) <= nearSlip*math.Max(x, y)
}

// TypoOf reports whether figure a reads as a slip of the pen for b: the
// same digits but for one changed, added, dropped or two swapped (4,354
// for 4,345), a factor of ten, or a date one day off.
func TypoOf(a, b value.Value) bool {
	if math.IsNaN(a.Nominal) || math.IsNaN(b.Nominal) {
		if IsTime(a.Type) && IsTime(b.Type) {
			return math.Abs(a.Lo-b.Lo) <= 1 && a.Type == value.Date
		}
		return false
	}
	if IsTime(a.Type) {
		return a.Type == value.Date && math.Abs(a.Nominal-b.Nominal) <= 1
	}
	x, y := math.Abs(a.Nominal), math.Abs(b.Nominal)
	if x == 0 || y == 0 {
		return false
	}
	if r := math.Log10(x / y); math.Abs(r-math.Round(r)) < 1e-9 && math.Round(r) != 0 {
		return true
	}
	return digitSlip(strconv.FormatFloat(x, 'f', -1, 64), strconv.FormatFloat(y, 'f', -1, 64))
}

// digitSlip reports whether two digit strings differ by one edit or one
// swap of neighbours.
func digitSlip(a, b string) bool {
	if a == b || abs(len(a)-len(b)) > 1 {
		return false
	}
	if len(a) == len(b) {
		var diff []int
		for i := range len(a) {
			if a[i] != b[i] {
				diff = append(diff, i)
			}
		}
		switch len(diff) {
		case 1:
			return true
		case 2:
			i, j := diff[0], diff[1]
			return j == i+1 && a[i] == b[j] && a[j] == b[i]
		}
		return false
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	for i := range len(a) {
		if a[:i]+a[i+1:] == b {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// IsTime reports whether values of type t are moments: dates and
// datetimes, read in days and seconds, never to a precision.
func IsTime(t value.Type) bool { return t == value.Date || t == value.DateTime }

// timeScale is the gap, in a time type's stored unit (days for dates,
// seconds for datetimes), at which two values are plainly different
// claims: four times the topic's tolerance when it has one (the desk said
// how close is the same), else one day for dates, whose values are whole
// days already, and one hour for datetimes, so that a gap of three hours
// outranks one of five minutes.
func timeScale(t value.Type, tol value.Tolerance) float64 {
	unit, base := 1.0, 1.0
	if t == value.DateTime {
		unit, base = 86400, 3600
	}
	if tol.Abs > 0 && !math.IsInf(tol.Abs, 0) {
		return 4 * tol.Abs * unit
	}
	return base
}

// GapBetween is how far apart two positions' values are, from 0 (they
// meet) to 1: dates and datetimes in time over timeScale, anything else as
// value.Gap measures it (relative to the larger magnitude for numbers and
// durations, 1 for words that differ).
func GapBetween(a, b value.Value, spec value.Spec) float64 {
	if !IsTime(a.Type) || a.Negated || b.Negated || a.Type != b.Type {
		return value.Gap(a, b)
	}
	sa, sb := Of(a), Of(b)
	var d float64
	switch {
	case sa.Below(sb):
		d = sb.Lo - sa.Hi
	case sb.Below(sa):
		d = sa.Lo - sb.Hi
	default:
		return 0
	}
	g := d / timeScale(a.Type, spec.Tolerance)
	if math.IsNaN(g) || g > 1 {
		return 1
	}
	return max(g, 0)
}

// Hull is the smallest interval holding both values.
func Hull(a, b value.Value) value.Value {
	out := a
	out.Raw = a.Raw + ", " + b.Raw
	if b.Lo < a.Lo || b.Lo == a.Lo && !b.LoOpen {
		out.Lo, out.LoOpen = b.Lo, b.LoOpen
	}
	if b.Hi > a.Hi || b.Hi == a.Hi && !b.HiOpen {
		out.Hi, out.HiOpen = b.Hi, b.HiOpen
	}
	out.Approx = true
	return out
}
