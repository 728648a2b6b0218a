package value

import (
	"math"
	"strings"
)

// ifNot reads "hundreds if not thousands", "dozens, if not hundreds" and
// "300 if not more": a writer sure of the first figure and allowing the
// second, so the value runs from the first's low end to the second's high
// end ("more": on without bound). ok is false when s says no "if not".
// Without this, the words after the first figure passed for its unit and
// "hundreds if not thousands" read as 200 to 999.
func (c *ctx) ifNot(raw, s string) (v Value, ok bool, err error) {
	i := strings.Index(s, " if not ") // s is lower case (lex.Clean)
	if i <= 0 || c.dates() {
		return Value{}, false, nil
	}
	v = unbounded(Value{Raw: raw, Type: c.typ})
	left := strings.TrimSuffix(strings.TrimSpace(s[:i]), ",")
	right := strings.TrimSpace(s[i+len(" if not "):])
	first, err := c.parse(raw, left)
	if err != nil || first.Ref != "" || math.IsInf(first.Lo, -1) {
		return v, true, c.fail()
	}
	switch right {
	case "more", "higher", "many more":
		return c.bounded(v, atLeast, point{lo: first.Lo, hi: first.Lo, cur: first.Currency}), true, nil
	}
	second, err := c.parse(raw, right)
	if err != nil || second.Ref != "" || second.Currency != first.Currency || !(second.Hi > first.Lo) {
		return v, true, c.fail()
	}
	v = c.span(v, first.Lo, second.Hi, first.Currency, false)
	v.HiOpen = second.HiOpen
	v.Approx = first.Approx || second.Approx
	return v, true, nil
}
