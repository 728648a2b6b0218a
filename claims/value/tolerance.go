package value

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// Tolerance says how close two values must be to count as the same value:
// two exact values agree when they differ by at most the tolerance. Abs is
// in the topic's unit (days for durations, dates and datetimes); Rel is a
// fraction of the values (1% is 0.01; two values are compared with Rel of
// their mean). The larger of the two wins.
type Tolerance struct{ Abs, Rel float64 }

// ParseTolerance reads "1%", "0.5 percent", "500", "10k", "$1m", "3 days",
// "2 hours" (durations are in days), "1 pp" (an absolute percentage point)
// or two of these joined by "or" ("500 or 1%"). A leading "±" is allowed.
func ParseTolerance(s string) (Tolerance, error) {
	var t Tolerance
	c := lex.Clean(s)
	for _, p := range [...]string{"±", "+/-", "+-", "plus or minus"} {
		c, _ = lex.CutSym(c, p)
	}
	if c == "" {
		return t, fmt.Errorf("%s is not a tolerance: it is empty", lex.Quote(s))
	}
	parts := strings.SplitN(c, " or ", 3)
	if len(parts) > 2 {
		return t, fmt.Errorf("%s is not a tolerance: give at most an amount and a percentage", lex.Quote(s))
	}
	for _, p := range parts {
		abs, rel, ok := tolerancePart(p)
		if !ok {
			return Tolerance{}, fmt.Errorf("%s is not a tolerance (write e.g. 1%%, 500 or 3 days)", lex.Quote(s))
		}
		if abs < 0 || rel < 0 {
			return Tolerance{}, fmt.Errorf("tolerance %s is negative", lex.Quote(s))
		}
		t.Abs, t.Rel = max(t.Abs, abs), max(t.Rel, rel)
	}
	return t, nil
}

func tolerancePart(s string) (abs, rel float64, ok bool) {
	q, rest, ok := scanAmount(s)
	if !ok {
		if q, ok := moneyScalar(s, ""); ok {
			abs, ok = q.number()
			return abs, 0, ok
		}
		return 0, 0, false
	}
	w := strings.TrimPrefix(rest, " ")
	if r, ok := lex.CutWord(w, "pp"); ok && r == "" {
		abs, ok = q.number()
		return abs, 0, ok
	}
	if r, _, ok := cutPercent(w); ok && r == "" {
		q.exp -= 2
		q.hasMult = true
		rel, ok = q.number()
		return 0, rel, ok
	}
	if q, ok := durationScalar(s); ok && q.unit > 0 {
		abs, ok = q.number()
		return abs, 0, ok
	}
	if q, ok := moneyScalar(s, ""); ok {
		abs, ok = q.number()
		return abs, 0, ok
	}
	return 0, 0, false
}

// String writes t so that ParseTolerance reads it back.
func (t Tolerance) String() string {
	rel := plain(t.Rel*100) + "%"
	switch {
	case t.Abs == 0 && t.Rel == 0:
		return "0"
	case t.Rel == 0:
		return exact(t.Abs)
	case t.Abs == 0:
		return rel
	}
	return exact(t.Abs) + " or " + rel
}

// clamped is how far t lets one exact value stray each way: half of t, so
// that two exact values meet exactly when they differ by at most t (by Abs,
// or by Rel of their mean), and every pair of claims that share a value is
// within t of each other. Widening each value by the whole of t would let
// two of them agree at twice the tolerance. Nonsense (negative or not a
// number), from a tolerance built by hand rather than by ParseTolerance,
// reads as zero. "About" keeps its own widening (see ctx.width), at least
// as wide as this.
func (t Tolerance) clamped() Tolerance {
	if !(t.Abs >= 0) || math.IsInf(t.Abs, 0) {
		t.Abs = 0
	}
	if !(t.Rel >= 0) || math.IsInf(t.Rel, 0) {
		t.Rel = 0
	}
	t.Abs, t.Rel = t.Abs/2, t.Rel/2
	return t
}

// exact formats x in the fewest digits that read back as x.
func exact(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// plain formats x in the fewest digits, rounded to 12 significant ones so
// that 0.07*100 prints as 7.
func plain(x float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	if err != nil {
		r = x
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
