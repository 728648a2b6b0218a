package value

import (
	"html"
	"math"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
	"github.com/claimdiff/claimdiff/claims/value/webtime"
)

// Dates and times are read by package webtime; what follows ties its
// readings to a topic's Spec.

// DateOrder is the order a source writes the parts of an all-numeric
// date in (see webtime.Order).
type DateOrder = webtime.Order

const (
	OrderUnset = webtime.OrderUnset
	OrderMDY   = webtime.OrderMDY
	OrderDMY   = webtime.OrderDMY
	OrderYMD   = webtime.OrderYMD
)

// A Layout is a form of date and time that a source or a topic declares
// (see webtime.Layout).
type Layout = webtime.Layout

// ParseDateOrder reads a `date_order:` declaration (see webtime.ParseOrder).
func ParseDateOrder(s string) (DateOrder, bool) { return webtime.ParseOrder(s) }

// ParseLayout reads a `layout:` declaration (see webtime.ParseLayout).
func ParseLayout(s string) (Layout, error) { return webtime.ParseLayout(s) }

// ParseZone reads a `zone:` declaration (see webtime.ParseZone).
func ParseZone(s string) (*time.Location, error) { return webtime.ParseZone(s) }

// MonthDay reads a date a writer gives without its year (see
// webtime.MonthDay).
func MonthDay(raw string) (m, d int, ok bool) { return webtime.MonthDay(raw) }

// timeReader is the webtime.Reader of c's value, carrying c's first
// reason for a failure and its note.
func (c *ctx) timeReader() webtime.Reader {
	return webtime.Reader{Raw: c.raw, Order: c.order, Zone: c.zone, Near: c.near, Layouts: c.layouts, Err: c.err, Note: c.note}
}

// timeScalar reads s, cleaned, on a date or a datetime topic.
func (c *ctx) timeScalar(s string) (qty, bool) {
	r := c.timeReader()
	read := r.DateTime
	if c.typ == Date {
		read = r.Date
	}
	sp, ok := read(s)
	c.err, c.note = r.Err, r.Note
	if c.err == webtime.ErrPlaceholder {
		c.err = noValueError(c.raw)
	}
	return qty{lo: sp.Lo, hi: sp.Hi, span: sp.Period, clock: sp.Clock}, ok
}

// byLayout reports whether one of spec's layouts reads raw, whose
// order of day and month is then no guess.
func byLayout(raw string, spec Spec) bool {
	if len(spec.Layouts) == 0 {
		return false
	}
	body, _ := SplitNote(unescapeWeb(raw, spec.Type), spec)
	c := newCtx(spec)
	c.raw = body
	r := c.timeReader()
	return r.Matches(lex.Clean(body))
}

// AmbiguousDate reports whether raw, on a date or datetime topic whose
// source declares no date order, holds an all-numeric date whose day and
// month could swap: 01/12/2011 reads as 2011-01-12 (month first, as US
// sites write) and would be 2011-12-01 day first. readings[0] is the
// date as read and readings[1] the other reading, both as YYYY-MM-DD,
// for a lint message that names both. It is false when the value does
// not parse, when the date settles the order (13/01/2011, 01/13/2011,
// 05/05/2011, 2011/12/01, Dec 1, 2011) or once spec.DateOrder is set.
func AmbiguousDate(raw string, spec Spec) (readings [2]string, ok bool) {
	if spec.DateOrder != OrderUnset || spec.Type != Date && spec.Type != DateTime ||
		!strings.ContainsAny(raw, "/.-") || len(raw) > maxLen {
		return readings, false
	}
	if byLayout(raw, spec) {
		return readings, false // the layout says which is the day
	}
	// The stamp the parser reads; the value may also be a range or a
	// bound, whose ends each may be ambiguous: the first that is wins.
	readings, ok = webtime.Ambiguous(lex.Clean(raw), spec.Near)
	if !ok {
		return readings, false
	}
	if _, err := Parse(raw, spec); err != nil {
		return [2]string{}, false
	}
	return readings, true
}

// Zoneless reports whether raw, on a datetime topic with no Spec.Zone,
// is a time of day written without a zone ("12/01/2011 01:55 PM"), which
// therefore spans every zone from UTC-12 to UTC+14: a lint can warn that
// declaring the source's or the topic's zone would make it an instant.
// A date alone is vague by design and is not reported.
func Zoneless(raw string, spec Spec) bool {
	if spec.Type != DateTime || spec.Zone != nil || len(raw) > maxLen {
		return false
	}
	v, err := Parse(raw, spec)
	if err != nil || !math.IsNaN(v.Nominal) {
		return false
	}
	spec.Zone = time.UTC
	w, err := Parse(raw, spec)
	return err == nil && !math.IsNaN(w.Nominal)
}

// Years is the calendar years a date value spans, from its first day to
// its last; ok is false for a value that is not a bounded date.
func Years(v Value) (from, to int, ok bool) {
	if v.Type != Date || math.IsInf(v.Lo, 0) || math.IsInf(v.Hi, 0) || math.IsNaN(v.Lo) || math.IsNaN(v.Hi) {
		return 0, 0, false
	}
	y := func(days float64) int { return time.Unix(int64(days)*86400, 0).UTC().Year() }
	return y(v.Lo), y(v.Hi), true
}

// unescapeWeb decodes the HTML entities a scraped value kept, with or
// without their semicolon ("Dec 04&nbsp", "&amp;", "&#160;"), on the
// types whose values are read rather than kept as written: a no-break
// space is then a space, as clean folds it.
func unescapeWeb(raw string, t Type) string {
	if !t.Numeric() || strings.IndexByte(raw, '&') < 0 {
		return raw
	}
	return html.UnescapeString(raw)
}
