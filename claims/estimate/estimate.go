// Package estimate holds the one wording of resolve's estimate in
// percents, which check's verdicts and every writer that shows the
// estimate share, so that the same confidence never reads two ways.
package estimate

import "strconv"

// Percent writes a probability for people: whole percents, rounded down
// so that nothing short of certainty reads 100%; under 1%, "<1%".
func Percent(p float64) string {
	switch pc := int(p * 100); {
	case p >= 1:
		return "100%"
	case pc == 0 && p > 0:
		return "<1%"
	default:
		return strconv.Itoa(pc) + "%"
	}
}
