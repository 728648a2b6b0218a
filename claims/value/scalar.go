package value

import (
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// numberScalar reads an amount, optionally followed by words naming what
// it counts ("600,000 troops"); those words are not checked, since a
// topic's unit has too many synonyms ("personnel", "soldiers").
func numberScalar(s string, dec Decimal) (qty, bool) {
	q, rest, ok := scanAmountIn(s, dec)
	if !ok || rest == "" {
		return q, ok
	}
	w := strings.TrimPrefix(rest, " ")
	if _, _, pct := cutPercent(w); pct || !lex.IsUnitText(w) {
		return q, false
	}
	// "five to ten" and "six or seven" are not six of something.
	for _, join := range [...]string{"to", "or", "and"} {
		if _, ok := lex.CutWord(w, join); ok {
			return q, false
		}
	}
	return q, true
}

var percentWords = []string{"percentage points", "percentage point", "percent", "per cent", "pct", "pp"}

func cutPercent(s string) (string, bool, bool) {
	if rest, ok := strings.CutPrefix(s, "%"); ok && (rest == "" || rest[0] == ' ') {
		return strings.TrimPrefix(rest, " "), true, true
	}
	for _, w := range percentWords {
		if rest, ok := lex.CutWord(s, w); ok {
			return rest, true, true
		}
	}
	return s, false, false
}

// percentScalar reads "19%", "19 percent" or, on a percent topic, a bare
// 19. Words may follow a percent sign ("19% of the territory").
func percentScalar(s string, dec Decimal) (qty, bool) {
	q, rest, ok := scanAmountIn(s, dec)
	if !ok {
		return q, false
	}
	w := strings.TrimPrefix(rest, " ")
	if w == "" {
		return q, true
	}
	w, q.pct, ok = cutPercent(w)
	if !ok || (rest[0] != ' ' && rest[0] != '%') {
		return q, false
	}
	return q, w == "" || lex.IsUnitText(w)
}

// timeUnits are in days. A month and a year are the calendar averages, so
// that 12 months are a year and "six months" compares with "half a year".
var timeUnits = []struct {
	word string
	days float64
}{
	{"days", 1}, {"day", 1}, {"d", 1},
	{"weeks", 7}, {"week", 7}, {"wks", 7}, {"wk", 7}, {"w", 7},
	{"fortnights", 14}, {"fortnight", 14},
	{"months", 30.4375}, {"month", 30.4375}, {"mos", 30.4375}, {"mo", 30.4375},
	{"years", 365.25}, {"year", 365.25}, {"yrs", 365.25}, {"yr", 365.25}, {"y", 365.25},
	{"decades", 3652.5}, {"decade", 3652.5}, {"centuries", 36525}, {"century", 36525},
	{"hours", 1.0 / 24}, {"hour", 1.0 / 24}, {"hrs", 1.0 / 24}, {"hr", 1.0 / 24}, {"h", 1.0 / 24},
	{"minutes", 1.0 / 1440}, {"minute", 1.0 / 1440}, {"mins", 1.0 / 1440}, {"min", 1.0 / 1440},
	{"seconds", 1.0 / 86400}, {"second", 1.0 / 86400}, {"secs", 1.0 / 86400}, {"sec", 1.0 / 86400},
}

func cutTimeUnit(s string) (float64, string, bool) {
	for _, u := range timeUnits {
		if rest, ok := lex.CutGlued(s, u.word); ok {
			return u.days, rest, true
		}
	}
	return 0, s, false
}

// timeUnit returns the length in days of the unit named s ("days",
// "years"), or 0.
func timeUnit(s string) float64 {
	d, rest, ok := cutTimeUnit(lex.Clean(s))
	if !ok || rest != "" {
		return 0
	}
	return d
}

// durationScalar reads "100 days", "48h", "a decade". The unit may be
// missing here: an interval's ends share it ("5 to 10 years"), and a
// topic may give a default; ctx.finish insists on one.
func durationScalar(s string) (qty, bool) { return durationScalarIn(s, DecimalPoint) }

// durationScalarIn is durationScalar with the decimal mark dec.
func durationScalarIn(s string, dec Decimal) (qty, bool) {
	q, rest, ok := scanAmountIn(s, dec)
	if !ok {
		return q, false
	}
	w := strings.TrimPrefix(rest, " ")
	if u, r, ok := cutTimeUnit(w); ok {
		q.unit, w = u, r
	}
	return q, w == ""
}
