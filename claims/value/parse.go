package value

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// bound is which half-line a value such as "at least 10" denotes.
type bound int

const (
	noBound  bound = iota
	atLeast        // [x, +Inf)
	moreThan       // (x, +Inf)
	atMost         // (-Inf, x]
	lessThan       // (-Inf, x)
	// someOver is "600-odd", "forty-odd": somewhat more than a round
	// number, up to the next step of its last digit, [600, 700). It is
	// last so that the relative forms, indexed by bound, never take it.
	someOver
)

type keyword struct {
	text string
	b    bound
}

var approxWords = []string{
	"approximately", "approx.", "approx", "about", "around", "roughly", "nearly", "almost",
	"some", "circa", "ca.", "c.", "an estimated", "estimated", "close to", "closer to",
}

var boundWords = []keyword{
	{"at least", atLeast}, {"no fewer than", atLeast}, {"no less than", atLeast},
	{"not fewer than", atLeast}, {"not less than", atLeast}, {"a minimum of", atLeast},
	{"more than", moreThan}, {"over", moreThan}, {"above", moreThan}, {"greater than", moreThan},
	{"in excess of", moreThan}, {"upwards of", moreThan}, {"exceeding", moreThan},
	{"up to", atMost}, {"at most", atMost}, {"no more than", atMost}, {"not more than", atMost},
	{"a maximum of", atMost}, {"within", atMost},
	// How reporters hedge: "as many as 4,200" is the high end of an
	// estimate, "just over 500" and "north of 1,000" a floor.
	{"as many as", atMost}, {"as much as", atMost}, {"as high as", atMost},
	{"as few as", atLeast}, {"as little as", atLeast}, {"as low as", atLeast},
	{"just over", moreThan}, {"well over", moreThan}, {"well above", moreThan}, {"north of", moreThan},
	{"just under", lessThan}, {"well under", lessThan}, {"well below", lessThan}, {"south of", lessThan},
	{"under", lessThan}, {"below", lessThan}, {"fewer than", lessThan}, {"less than", lessThan},
}

var boundSymbols = []keyword{
	{">=", atLeast}, {"≥", atLeast}, {"<=", atMost}, {"≤", atMost}, {">", moreThan}, {"<", lessThan},
}

var dateBoundWords = []keyword{
	{"no later than", atMost}, {"on or before", atMost}, {"not after", atMost}, {"by", atMost},
	{"until", atMost}, {"till", atMost}, {"before", lessThan},
	{"no earlier than", atLeast}, {"on or after", atLeast}, {"not before", atLeast}, {"since", atLeast},
	{"after", moreThan},
}

var boundSuffixes = []keyword{
	{"or more", atLeast}, {"or above", atLeast}, {"or higher", atLeast}, {"or over", atLeast},
	{"or less", atMost}, {"or fewer", atMost}, {"or below", atMost}, {"or lower", atMost}, {"or under", atMost},
}

var dateBoundSuffixes = []keyword{{"or earlier", atMost}, {"or later", atLeast}}

// startsWord reports whether s may start with a keyword: keywords start
// with a letter or a non-ASCII symbol, values mostly with a digit, so most
// values skip the keyword lists.
func startsWord(s string) bool {
	return s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= utf8.RuneSelf)
}

// exactWords say a figure is the whole count, neither more nor less: "all
// three billion accounts", "exactly 1,000", "a total of 78".
var exactWords = []string{"all", "exactly", "precisely", "a total of"}

// cutExact cuts one of exactWords before a number: the figure it leaves
// is what the words said. Before a bound or an approximation, which it
// would contradict, it cuts nothing, and the value is refused.
func (c *ctx) cutExact(s string) string {
	if !startsWord(s) {
		return s
	}
	for _, w := range exactWords {
		rest, ok := lex.CutGlued(s, w)
		if !ok || len(rest) < 2 || rest[0] != ' ' {
			continue
		}
		rest = rest[1:]
		if _, approx := cutApprox(rest); approx {
			return s
		}
		if _, b := c.cutBound(rest); b != noBound {
			return s
		}
		return rest
	}
	return s
}

func cutApprox(s string) (string, bool) {
	if !startsWord(s) && !strings.HasPrefix(s, "~") {
		return s, false
	}
	for _, sym := range [...]string{"~", "≈"} {
		if rest, ok := lex.CutSym(s, sym); ok {
			return rest, true
		}
	}
	for _, w := range approxWords {
		if rest, ok := lex.CutWord(s, w); ok {
			return rest, true
		}
	}
	return s, false
}

func (c *ctx) cutBound(s string) (string, bound) {
	if !startsWord(s) && !strings.HasPrefix(s, "<") && !strings.HasPrefix(s, ">") {
		return s, noBound
	}
	for _, k := range boundSymbols {
		if rest, ok := lex.CutSym(s, k.text); ok {
			return rest, k.b
		}
	}
	lists := [][]keyword{boundWords}
	if c.dates() {
		lists = append(lists, dateBoundWords)
	}
	for _, l := range lists {
		for _, k := range l {
			if rest, ok := lex.CutWord(s, k.text); ok {
				return rest, k.b
			}
		}
	}
	return s, noBound
}

// cutSuffix reads what may follow a value: "600,000+", "10 or more",
// "600,000 or so".
func (c *ctx) cutSuffix(s string) (string, bound, bool) {
	if rest, ok := strings.CutSuffix(s, "+"); ok && rest != "" {
		return strings.TrimSuffix(rest, " "), atLeast, false
	}
	for _, plus := range [...]string{"-plus", " plus"} {
		if rest, ok := strings.CutSuffix(s, plus); ok && rest != "" && !c.dates() {
			return rest, atLeast, false
		}
	}
	for _, odd := range [...]string{"-odd", " odd"} {
		if rest, ok := strings.CutSuffix(s, odd); ok && rest != "" && !c.dates() {
			return rest, someOver, true
		}
	}
	if s == "" || s[len(s)-1] < 'a' || s[len(s)-1] > 'z' {
		return s, noBound, false
	}
	if rest, ok := strings.CutSuffix(s, " or so"); ok {
		return rest, noBound, true
	}
	lists := [][]keyword{boundSuffixes}
	if c.dates() {
		lists = append(lists, dateBoundSuffixes)
	}
	for _, l := range lists {
		for _, k := range l {
			if rest, ok := strings.CutSuffix(s, k.text); ok && strings.HasSuffix(rest, " ") {
				return rest[:len(rest)-1], k.b, false
			}
		}
	}
	return s, noBound, false
}

func (c *ctx) parse(raw, s string) (Value, error) {
	c.raw = raw
	v := unbounded(Value{Raw: raw, Type: c.typ})
	if c.typ.Scalable() {
		if increase(s) {
			return v, increaseError(raw)
		}
		r, ok, err := parseRelative(raw, s, c.dec)
		switch {
		case err != nil:
			return v, err
		case ok:
			v.Ref, v.Factor, v.Form, v.Approx, v.Currency = r.ref, r.k, r.form, r.approx, c.cur
			if r.form == RelBetween {
				v.FactorHi = r.k2
			}
			return v, nil
		}
		// What names a topic but is no relative value is an error: read
		// as an amount, the topic would pass for a unit.
		if ref, ok := mentionedRef(s); ok {
			return v, fmt.Errorf("%s mentions topic %s but is not a relative value claimdiff reads "+
				"(such as \"up to 3 times %s\"; nothing may follow the topic)", lex.Quote(raw), refIn(raw, ref), refIn(raw, ref))
		}
	}
	if v, ok, err := c.ifNot(raw, s); ok {
		return v, err
	}
	if c.dates() {
		// Most dates are written bare: read them whole first, before the
		// passes over keywords. No stamp starts with a keyword or ends
		// with a suffix that those passes would cut, so this reads none
		// otherwise.
		if q, ok := c.scalar(s); ok {
			if p, ok := c.finish(q); ok {
				if p.span {
					return c.span(v, p.lo, p.hi, p.cur, false), nil
				}
				return c.point(v, p, false), nil
			}
		}
	}
	s = c.cutExact(s)
	s, approx := cutApprox(s)
	b := noBound
	if !approx {
		s, b = c.cutBound(s)
	}
	if b == noBound {
		var b2 bound
		var approx2 bool
		s, b2, approx2 = c.cutSuffix(s)
		if approx && b2 != noBound && b2 != someOver { // "some 600-odd" is 600-odd
			return v, c.fail()
		}
		b, approx = b2, approx || approx2
	}
	if b == noBound {
		if rest, ok := lex.CutWord(s, "between"); ok {
			if l, r, ok := strings.Cut(rest, " and "); ok {
				if lo, hi, cur, ok := c.interval(l, r); ok {
					return c.span(v, lo, hi, cur, approx), nil
				}
			}
			return v, c.fail()
		}
		if rest, ok := lex.CutWord(s, "from"); ok {
			if lo, hi, cur, ok := c.splitInterval(rest); ok {
				return c.span(v, lo, hi, cur, approx), nil
			}
			if !c.dates() {
				return v, c.fail()
			}
			s, b = rest, atLeast // "from 2025-11-01": since
		}
	}
	if lo, hi, ok := c.roughCount(s); ok {
		if b != noBound {
			return v, c.fail()
		}
		return c.span(v, lo, hi, "", false), nil
	}
	if q, ok := c.scalar(s); ok {
		p, ok := c.finish(q)
		switch {
		case !ok, b == someOver && (p.span || RoundUnit(p.lo) == 0):
			return v, c.fail()
		case b != noBound:
			v.Approx = approx
			return c.bounded(v, b, p), nil
		case p.span:
			return c.span(v, p.lo, p.hi, p.cur, approx), nil
		}
		return c.point(v, p, approx), nil
	}
	if b == noBound {
		if lo, hi, cur, ok := c.splitInterval(s); ok {
			return c.span(v, lo, hi, cur, approx), nil
		}
	}
	return v, c.fail()
}

// width is how far a value written as x is widened: by the tolerance and,
// if approximate, by at least 5% (3 days for dates, an hour for times).
func (c *ctx) width(x float64, approx bool) float64 {
	w := max(c.tol.Abs, c.tol.Rel*math.Abs(x))
	if approx {
		switch c.typ {
		case Date:
			w = max(w, 3)
		case DateTime:
			w = max(w, 3600)
		default:
			w = max(w, 0.05*math.Abs(x))
		}
	}
	return w
}

// point widens an exact or approximate number by the tolerance.
func (c *ctx) point(v Value, p point, approx bool) Value {
	n := p.lo
	w := c.width(n, approx)
	v.Lo, v.Hi, v.LoOpen, v.HiOpen = n-w, n+w, false, false
	v.Nominal, v.Approx, v.Currency = n, approx, p.cur
	return v
}

// span is an interval or a period as written; only approximation widens
// it, since its ends are already the writer's margin.
func (c *ctx) span(v Value, lo, hi float64, cur string, approx bool) Value {
	if approx {
		lo -= c.width(lo, true)
		hi += c.width(hi, true)
	}
	v.Lo, v.Hi, v.LoOpen, v.HiOpen = lo, hi, false, false
	v.Approx, v.Currency = approx, cur
	return v
}

// bounded is a half-line. It is not widened: a number on the other side
// of the bound is widened by its own tolerance, and two bounds either
// contradict each other or not.
func (c *ctx) bounded(v Value, b bound, p point) Value {
	v.Currency = p.cur
	switch b {
	case atLeast:
		v.Lo, v.LoOpen = p.lo, false
	case moreThan:
		v.Lo, v.LoOpen = p.hi, true
	case atMost:
		v.Hi, v.HiOpen = p.hi, false
	case lessThan:
		v.Hi, v.HiOpen = p.lo, true
	case someOver:
		v.Lo, v.LoOpen = p.lo, false
		v.Hi, v.HiOpen = p.lo+RoundUnit(p.lo), true
	}
	return v
}
