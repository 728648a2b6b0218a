package figure

import (
	"math"

	"github.com/claimdiff/claimdiff/claims/value"
)

// Intersect narrows a to the part it shares with b (both numeric, meeting).
func Intersect(a, b value.Value) value.Value {
	out := a
	out.Raw = ""
	x := a.Ends().And(b.Ends())
	out.Lo, out.Hi, out.LoOpen, out.HiOpen = x.Lo, x.Hi, x.LoOpen, x.HiOpen
	// The figure shown is one a claim wrote: inside the common set when
	// one is, else the first claim's (the narrowest), since tolerances may
	// leave a common set that holds neither figure.
	inside := func(x float64) bool { return !math.IsNaN(x) && x >= out.Lo && x <= out.Hi }
	if !inside(out.Nominal) && (inside(b.Nominal) || math.IsNaN(out.Nominal)) {
		out.Nominal = b.Nominal
	}
	out.Approx = a.Approx && b.Approx
	return out
}

// IsNumeric reports whether values of type t lie on a number line, where
// a claim may meet several others; words meet only the same word.
func IsNumeric(t value.Type) bool {
	switch t {
	case value.Bool, value.Choice, value.Text, value.Names:
		return false
	}
	return true
}

// IsFigure reports whether v states one figure ("1,180", "about 850,000")
// rather than a range or a bound; dates always count as figures.
func IsFigure(v value.Value) bool {
	return !math.IsNaN(v.Nominal) || v.Type == value.Date || v.Type == value.DateTime
}
