package figure

import (
	"math"
	"slices"

	"github.com/claimdiff/claimdiff/claims/value"
)

// Restates reports whether an origin's later claim says again what its
// earlier one said, in other words, rather than move it: a rounding of
// the figure ("nearly 3,000" after 2,975, 2,000,001 after 2 million), a
// bound that still allows the figure near its end ("as many as 1.03
// million" after 1.03 million, "more than 700" after 750), a figure
// inside the earlier bound near its end ("at least 769", then 769), or a
// bound at the same number ("at least 400", then "up to 400"). Two exact
// counts that differ are two counts, even within the topic's tolerance
// (795, then 802), and a figure far inside a bound is a new figure ("more
// than 1 billion", then 3 billion). A bound moved to a new number, or a
// range, is a new statement.
func Restates(later, earlier value.Value) bool {
	if !value.Meets(later, earlier) {
		return false
	}
	laterFigure, earlierFigure := !math.IsNaN(later.Nominal), !math.IsNaN(earlier.Nominal)
	switch {
	case later.Approx:
		return true
	case laterFigure && earlierFigure:
		return earlier.Approx || !Counted(later) || roundingOf(later.Nominal, earlier.Nominal) || roundingOf(earlier.Nominal, later.Nominal)
	case IsBound(later) && earlierFigure:
		return !Counted(later) || nearEnd(earlier.Nominal, later)
	case IsBound(earlier) && laterFigure:
		return !Counted(later) || nearEnd(later.Nominal, earlier)
	case IsBound(later) && IsBound(earlier):
		// "at least 400" and "up to 400" name one number, worded two
		// ways by two outlets; a bound moved to a new number is new.
		return BoundEnd(later) == BoundEnd(earlier)
	}
	return false
}

// Counted reports whether v is a quantity whose figures are written to a
// precision (a count, a sum, a share), so that how round a figure is says
// how exact it means to be. Dates and durations are not read that way.
func Counted(v value.Value) bool {
	switch v.Type {
	case value.Number, value.Money, value.Percent:
		return true
	}
	return false
}

// roundingOf reports whether round is x written to round's own last
// significant digit: 2 million for 2,000,001, 800 for 802, but not 795
// for 802.
func roundingOf(round, x float64) bool {
	return math.Abs(round-x) <= value.RoundUnit(round)/2
}

// nearEnd reports whether a figure is what a bound's number meant: within
// a factor of two of it, on either side. "At least 769" then 769, "up to
// 9,000" then 8,500, "more than a quarter million" of 316,000; but "more
// than 1 billion" said one billion and some, and 3 billion is a new
// figure. The bound's ends are widened by the topic's tolerance, so its
// number is not known to the digit; a factor is read the same either way.
func nearEnd(x float64, bound value.Value) bool {
	end := BoundEnd(bound)
	if x == end {
		return true
	}
	if x == 0 || end == 0 || math.Signbit(x) != math.Signbit(end) {
		return false
	}
	lo, hi := math.Abs(x), math.Abs(end)
	if lo > hi {
		lo, hi = hi, lo
	}
	return hi <= 2*lo
}

// BoundEnd is a half-line's finite end.
func BoundEnd(v value.Value) float64 {
	if math.IsInf(v.Lo, 0) {
		return v.Hi
	}
	return v.Lo
}

// IsBound reports whether v is a half-line: "at least 769", "less than
// 500".
func IsBound(v value.Value) bool { return math.IsInf(v.Lo, 0) != math.IsInf(v.Hi, 0) }

// Statement is what a claim says, up to how it is written: a figure's
// number, a range's or a bound's ends, a word.
type Statement struct {
	lo, hi  float64
	atom    string
	negated bool
}

// StatementOf is what v says: two claims whose statements are equal say
// the same thing, however each is written.
func StatementOf(v value.Value) Statement {
	if !math.IsNaN(v.Nominal) && v.Type != value.Date && v.Type != value.DateTime {
		return Statement{lo: v.Nominal, hi: v.Nominal, atom: v.Currency, negated: v.Negated}
	}
	s := Statement{lo: v.Lo, hi: v.Hi, atom: v.Atom + v.Currency, negated: v.Negated}
	// NaN is unequal to itself; an unknown end is the same as no end.
	if math.IsNaN(s.lo) {
		s.lo = math.Inf(-1)
	}
	if math.IsNaN(s.hi) {
		s.hi = math.Inf(1)
	}
	return s
}

// IsFloor reports whether v is a lower bound: "at least 63", "more than
// 3,500".
func IsFloor(v value.Value) bool { return math.IsInf(v.Hi, 1) && !math.IsInf(v.Lo, -1) }

// CountOf is the number a claim gives its count: a figure's, or a bound's
// end; NaN for a range or a denial.
func CountOf(v value.Value) float64 {
	switch {
	case v.Negated:
		return math.NaN()
	case !math.IsNaN(v.Nominal):
		return v.Nominal
	case IsBound(v):
		return BoundEnd(v)
	}
	return math.NaN()
}

// RestatesCount is Restates on a running count, where a bound's number
// is the count so far: "at least 63", then 70, is the count moved by
// seven, not the bound's 63 and some, and "more than 3,500" then "at
// least 4,000" is a new count. A bound and a figure give one count at the
// bound's number ("at least 30" and 30), or, where the figure is
// approximate, at a rounding of it ("at least 397" and "nearly 400");
// two figures, ranges, dates and durations are read as Restates reads
// them anywhere.
func RestatesCount(later, earlier value.Value) bool {
	a, b := CountOf(later), CountOf(earlier)
	laterBound, earlierBound := IsBound(later), IsBound(earlier)
	if !Counted(later) || math.IsNaN(a) || math.IsNaN(b) || !laterBound && !earlierBound {
		return Restates(later, earlier)
	}
	if !value.Meets(later, earlier) {
		return false
	}
	if a == b {
		return true
	}
	approx := !laterBound && later.Approx || !earlierBound && earlier.Approx
	return approx && (roundingOf(a, b) || roundingOf(b, a))
}

// NamesAny reports whether quote writes one of nums (ascending, whole
// numbers) in digits: "79", "3,500", "3.500", "3 500".
func NamesAny(quote string, nums []float64) bool {
	for k := 0; k < len(quote); {
		if quote[k] < '0' || quote[k] > '9' {
			k++
			continue
		}
		n, j := 0.0, k
		for j < len(quote) {
			c := quote[j]
			switch {
			case c >= '0' && c <= '9':
				n = 10*n + float64(c-'0')
				j++
				continue
			case (c == ',' || c == '.' || c == ' ') && j+3 < len(quote)+0 && allDigits(quote[j+1:min(len(quote), j+4)]) &&
				(j+4 == len(quote) || quote[j+4] < '0' || quote[j+4] > '9'):
				// a thousands separator: three digits follow, and no fourth
				j++
				continue
			}
			break
		}
		if i, ok := slices.BinarySearch(nums, n); ok && nums[i] == n {
			return true
		}
		k = j + 1
	}
	return false
}

func allDigits(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// StepFrom is how far a change moved from a: value.Gap, and +Inf from a
// denial, which states no figure to step from.
func StepFrom(a, b value.Value) float64 {
	if a.Negated || b.Negated {
		return math.Inf(1)
	}
	return value.Gap(a, b)
}
