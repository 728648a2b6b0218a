// Package webtime reads dates and times as web pages write them:
// "12/1/11 2:06 PM (-05:00)", "Thu., Dec.01, 2011 1:55 p.m.", "2:07
// PMDec 01", RFC 3339, the forms a source declares (Layout), and the
// zones they are written in (ParseZone). A Reader holds what the topic
// and the claim say about them: the order of all-numeric dates, the zone
// of clocks written without one, and the moment that supplies a missing
// year or date.
//
// It knows nothing of topics or claims: package value reads a value's
// dates and times through it.
package webtime

import (
	"errors"
	"time"
)

// ErrPlaceholder is the reason a Reader gives when words stand where a
// time should be ("Dec 04 - Contact Airline"): no value, not a
// misreading. Note then holds the words.
var ErrPlaceholder = errors.New("words in place of the time")

// A Reader reads the dates and times of one value. Raw is the value as
// written, for messages and its note; Err keeps the first specific
// reason a reading failed, and a Reader whose Err is set takes no tail
// as a note.
type Reader struct {
	Raw     string
	Order   Order          // the order of all-numeric dates
	Zone    *time.Location // of clocks written without one; nil spans every zone
	Near    time.Time      // supplies a missing year or date; zero if unknown
	Layouts []Layout       // tried in order before the general rules
	Err     error
	Note    string // what a page wrote after a time or in place of it
}

// A Span is what a date or a time reads as: days since the epoch from
// Lo to Hi for a date, seconds for a datetime. Period is set when Lo..Hi
// is a period as written (a month, a day, every zone), not a point; Clock
// when a time of day was written with its zone.
type Span struct {
	Lo, Hi float64
	Period bool
	Clock  bool
}

// setErr keeps the first specific reason: later attempts at other readings
// of the same text know less about what the writer meant.
func (c *Reader) setErr(err error) {
	if c.Err == nil {
		c.Err = err
	}
}

// Date reads s, cleaned, on a date topic: by a declared layout, as an ISO
// or prose date, or as a web page's stamp, whose date is the value.
func (c *Reader) Date(s string) (Span, bool) {
	if q, ok := c.byLayout(s, true); ok {
		return q, true
	}
	if q, ok := dateScalar(s); ok {
		return q, true
	}
	return c.webDate(s)
}

// DateTime reads s, cleaned, on a datetime topic (see dateTimeScalar).
func (c *Reader) DateTime(s string) (Span, bool) {
	return dateTimeScalar(s, c)
}
