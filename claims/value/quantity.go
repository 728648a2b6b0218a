package value

import (
	"fmt"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/claims/value/internal/currency"
	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// ctx reads one numeric value for one topic.
type ctx struct {
	typ  Type
	raw  string
	tol  Tolerance // Abs in the type's stored unit; Rel only where magnitudes mean something
	cur  string    // the topic's currency
	unit float64   // duration topics: days per unit for values written without one
	dec  Decimal   // the decimal mark amounts are written with

	// Dates and datetimes: the order of numeric dates, the zone of
	// clocks written without one, the moment that supplies a missing
	// year or date.
	order   DateOrder
	zone    *time.Location
	near    time.Time
	layouts []Layout

	marked bool   // some part was written with the type's sign (%, a currency, a unit, a clock)
	err    error  // why it failed, when that is more useful than "not a number"
	note   string // what a web page wrote after a time or in place of it (see cutTail)
}

func newCtx(spec Spec) *ctx {
	c := &ctx{typ: spec.Type, tol: spec.Tolerance.clamped(), dec: spec.Decimal,
		order: spec.DateOrder, zone: spec.Zone, near: spec.Near, layouts: spec.Layouts}
	switch spec.Type {
	case Money:
		if u := strings.TrimSpace(spec.Unit); u != "" {
			c.cur = strings.ToUpper(u)
			if code, ok := CurrencyCode(u); ok {
				c.cur = code
			}
		}
	case Duration:
		c.unit = timeUnit(spec.Unit)
	case Date:
		c.tol.Rel = 0
	case DateTime:
		c.tol.Rel = 0
		c.tol.Abs *= 86400 // tolerances of time are in days
	}
	return c
}

// setErr keeps the first specific reason: later attempts at other readings
// of the same text know less about what the writer meant.
func (c *ctx) setErr(err error) {
	if c.err == nil {
		c.err = err
	}
}

func (c *ctx) fail() error {
	if c.err != nil {
		return c.err
	}
	if c.dates() {
		return c.formError()
	}
	return fmt.Errorf("%s is not %s", lex.Quote(c.raw), noun(c.typ))
}

func noun(t Type) string {
	switch t {
	case Percent:
		return "a percentage"
	case Money:
		return "an amount of money"
	case Duration:
		return "a duration"
	case Date:
		return "a date"
	case DateTime:
		return "a date and time"
	}
	return "a number"
}

func (c *ctx) dates() bool { return c.typ == Date || c.typ == DateTime }

func (c *ctx) scalar(s string) (qty, bool) {
	switch c.typ {
	case Number:
		return numberScalar(s, c.dec)
	case Percent:
		return percentScalar(s, c.dec)
	case Money:
		return moneyScalarIn(s, c.cur, c.dec)
	case Duration:
		return durationScalarIn(s, c.dec)
	case Date, DateTime:
		return c.timeScalar(s)
	}
	return qty{}, false
}

// point is a finished amount: a single number, or a period for dates.
type point struct {
	lo, hi float64
	span   bool
	cur    string
}

// finish checks an amount against the topic and computes it.
func (c *ctx) finish(q qty) (point, bool) {
	switch c.typ {
	case Date, DateTime:
		c.marked = c.marked || q.clock
		return point{lo: q.lo, hi: q.hi, span: q.span}, true
	}
	if q.lit.article && !q.hasMult && q.unit == 0 {
		return point{}, false
	}
	var p point
	switch c.typ {
	case Percent:
		c.marked = c.marked || q.pct
	case Duration:
		if q.unit == 0 {
			if c.unit == 0 {
				c.setErr(fmt.Errorf("%s has no unit of time (days, weeks, months, years)", lex.Quote(c.raw)))
				return p, false
			}
			q.unit = c.unit
		} else {
			c.marked = true
		}
	case Money:
		cur, ok := c.currency(q)
		if !ok {
			return p, false
		}
		c.marked = c.marked || q.cur != ""
		p.cur = cur
	}
	n, ok := q.number()
	if !ok {
		c.setErr(fmt.Errorf("%s is out of range", lex.Quote(c.raw)))
		return p, false
	}
	p.lo, p.hi = n, n
	return p, true
}

// currency is the currency an amount is in: the one written, narrowed by
// the topic's if it names a family ("$" on a SGD topic), else the topic's.
func (c *ctx) currency(q qty) (string, bool) {
	switch {
	case q.cur == "":
		return c.cur, true
	case c.cur == "" || q.cur == c.cur:
		return q.cur, true
	case q.generic && currency.SameFamily(q.cur, c.cur):
		return c.cur, true
	}
	c.setErr(fmt.Errorf("currency %s does not match the topic's %s", q.cur, c.cur))
	return "", false
}

// inherit shares what the writer wrote once for both ends of an interval.
// Only the first end takes a multiplier: "5-10k" is 5k-10k, but "5k-10"
// is more likely a typo than 5k-10k.
// Nor does a first end already larger than the second's bare number:
// "800,000 to 1 million" is 800,000 to 1,000,000, not 800 billion on.
func inherit(l, r *qty) {
	if !l.hasMult && r.hasMult && !largerThanBare(l, r) {
		l.exp, l.hasMult = r.exp, true
	}
	if l.unit == 0 {
		l.unit = r.unit
	}
	if r.unit == 0 {
		r.unit = l.unit
	}
	l.pct = l.pct || r.pct
	r.pct = l.pct
	if l.cur == "" {
		l.cur, l.generic = r.cur, r.generic
	}
	if r.cur == "" {
		r.cur, r.generic = l.cur, l.generic
	}
}

// largerThanBare reports whether l, as written, exceeds r without its
// multiplier.
func largerThanBare(l, r *qty) bool {
	bare := *r
	bare.exp, bare.hasMult = 0, false
	a, ok1 := l.number()
	b, ok2 := bare.number()
	return ok1 && ok2 && a > b
}

// interval reads the two ends of "5 to 10" and the like.
func (c *ctx) interval(l, r string) (float64, float64, string, bool) {
	ql, ok := c.scalar(strings.TrimSpace(l))
	if !ok {
		return 0, 0, "", false
	}
	qr, ok := c.scalar(strings.TrimSpace(r))
	if !ok {
		return 0, 0, "", false
	}
	if !c.dates() {
		inherit(&ql, &qr)
	}
	a, ok1 := c.finish(ql)
	b, ok2 := c.finish(qr)
	if !ok1 || !ok2 {
		return 0, 0, "", false
	}
	if a.cur != b.cur {
		c.setErr(fmt.Errorf("%s mixes currencies %s and %s", lex.Quote(c.raw), a.cur, b.cur))
		return 0, 0, "", false
	}
	if a.lo > b.hi {
		c.setErr(fmt.Errorf("%s is a range from high to low", lex.Quote(c.raw)))
		return 0, 0, "", false
	}
	return a.lo, b.hi, a.cur, true
}

// splitInterval tries the ways of writing a range without "between":
// "5 to 10", "5–10", "5-10". A hyphen is not a separator for dates, whose
// ISO form is full of them, unless spaced ("2025-11-01 - 2025-11-15").
// Only the first few candidates are tried, so that a long run of hyphens
// costs linear time.
func (c *ctx) splitInterval(s string) (float64, float64, string, bool) {
	tries := 0
	for i := 1; i < len(s) && tries < 4; i++ {
		var sep int
		switch {
		case strings.HasPrefix(s[i:], " to "):
			sep = 4
		case strings.HasPrefix(s[i:], "–"), strings.HasPrefix(s[i:], "—"):
			sep = len("–")
		case strings.HasPrefix(s[i:], " - "):
			sep = 3
		case s[i] == '-' && !c.dates() && s[i-1] != ' ':
			sep = 1
		default:
			continue
		}
		tries++
		if lo, hi, cur, ok := c.interval(s[:i], s[i+sep:]); ok {
			return lo, hi, cur, true
		}
	}
	return 0, 0, "", false
}
