package webtime

import (
	"fmt"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// Web pages write times as their templates do: "12/1/11 2:06 PM
// (-05:00)", "Thu., Dec.01, 2011 1:55 p.m.", "2:07 PMDec 01". A stamp is
// such a value as written, before the topic's zone and the claim's date
// (Spec.Zone, Spec.Near) fill in what it leaves out. The ISO forms never
// come here: dateTime and isoDate read them first, faster.
type stamp struct {
	y, mo, d   int  // mo == 0: no date
	noYear     bool // a date was written without a year
	short      bool // the year was written with two digits (y is 0..99)
	h, mi, sec int
	frac       float64
	clock      bool // a time of day was written
	zone       tz   // the zone written, if any
	wday       int  // the weekday written, plus one; 0 if none
	// tail is what followed the date and time (cleaned): a status or a
	// marker, or words in place of the time (placeholder).
	tail        string
	placeholder bool
}

// numDate is an all-numeric date as written, "12/01/2011": its three
// numbers and their lengths in digits.
type numDate struct {
	a, b, c    int
	la, lb, lc int
	end        int
}

// numericDate reads three numbers joined by the same separator, one of
// / . or -, at s[i:]: "12/01/2011", "1.12.11", "2011/12/01".
func numericDate(s string, i int) (numDate, bool) {
	var n numDate
	j := lex.DigitsEnd(s, i)
	n.la = j - i
	if n.la != 1 && n.la != 2 && n.la != 4 || j >= len(s) || strings.IndexByte("/.-", s[j]) < 0 {
		return n, false
	}
	sep := s[j]
	n.a, _ = lex.Atoi(s[i:j])
	k := lex.DigitsEnd(s, j+1)
	n.lb = k - j - 1
	if n.lb != 1 && n.lb != 2 || k >= len(s) || s[k] != sep {
		return n, false
	}
	n.b, _ = lex.Atoi(s[j+1 : k])
	e := lex.DigitsEnd(s, k+1)
	n.lc = e - k - 1
	if n.lc != 1 && n.lc != 2 && n.lc != 4 {
		return n, false
	}
	n.c, _ = lex.Atoi(s[k+1 : e])
	// "1.2.3.4" and "12/01/2011/5" are something else.
	if e < len(s) && (lex.IsDigit(s[e]) || s[e] == sep && e+1 < len(s) && lex.IsDigit(s[e+1])) {
		return n, false
	}
	n.end = e
	return n, true
}

// ambiguous reports whether the unset order read n by default: a day
// and a month that could swap.
func (n numDate) ambiguous() bool {
	return n.la != 4 && n.lc != 1 && n.a >= 1 && n.a <= 12 && n.b >= 1 && n.b <= 12 && n.a != n.b
}

// fullYear puts a two-digit year in its century: the one nearest near's
// year or, without near, 2000–2068 for 00–68 and 1969–1999 for 69–99,
// as POSIX strptime does.
func fullYear(yy int, near time.Time) int {
	if near.IsZero() {
		if yy < 69 {
			return 2000 + yy
		}
		return 1900 + yy
	}
	ny := near.Year()
	best := ny - ny%100 + yy - 100
	for y := best + 100; y <= ny-ny%100+yy+100; y += 100 {
		if abs(y-ny) < abs(best-ny) {
			best = y
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// readNumericDate reads an all-numeric date into st by the declared
// order: a four-digit first number is always a year; otherwise the
// order decides and, unset, month first unless only day first is
// possible. A date the declared order makes impossible is an error, not
// a date read the other way: the declaration, or the value, is wrong.
func (c *Reader) readNumericDate(s string, i int, st *stamp) (int, bool) {
	n, ok := numericDate(s, i)
	if !ok {
		return i, false
	}
	var y, m, d, ly int
	switch {
	case n.la == 4:
		if n.lc == 4 {
			return i, false
		}
		y, m, d, ly = n.a, n.b, n.c, 4
	case c.Order == OrderYMD:
		if n.la != 2 || n.lc == 4 {
			c.setErr(fmt.Errorf("%s is not a date in %s order", lex.Quote(c.Raw), c.Order.words()))
			return i, false
		}
		y, m, d, ly = n.a, n.b, n.c, 2
	case n.lc == 1:
		return i, false
	case c.Order == OrderDMY, c.Order == OrderUnset && n.a > 12 && n.b <= 12:
		d, m, y, ly = n.a, n.b, n.c, n.lc
	default:
		m, d, y, ly = n.a, n.b, n.c, n.lc
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		if c.Order != OrderUnset && n.la != 4 {
			c.setErr(fmt.Errorf("%s is not a date in %s order", lex.Quote(c.Raw), c.Order.words()))
		}
		return i, false
	}
	st.y, st.mo, st.d, st.short = y, m, d, ly == 2
	return n.end, true
}

// readStamp reads s, cleaned, as a date and time written the ways web
// pages write them: a date (all-numeric, with a month name, with or
// without a year, after a weekday), a weekday before or after the date,
// a time of day (24-hour, with am/pm in any spelling, noon, midnight),
// and a zone after the time (an abbreviation, an offset, in parentheses
// or not), in either order and glued or not ("2:07 PMDec 01"). What
// follows may be a tail (see cutTail): a status, a marker or, in place
// of the time, a placeholder. ok is false for anything else.
func (c *Reader) readStamp(s string) (st stamp, ok bool) {
	for i := 0; ; {
		from := i
		i = skipStampSep(s, i, st.mo != 0)
		if i >= len(s) {
			break
		}
		var j int
		ok = false
		switch ch := s[i]; {
		case lex.IsDigit(ch):
			if !st.clock {
				if j, ok = readClock(s, i, &st); ok {
					break
				}
			}
			if st.mo == 0 {
				if j, ok = c.readNumericDate(s, i, &st); ok {
					break
				}
				if j, ok = readDayMonth(s, i, &st); ok {
					break
				}
			}
			return st, false
		case ch >= 'a' && ch <= 'z':
			e := lettersEnd(s, i)
			w := s[i:e]
			// A weekday before the date, or between the date and the
			// time ("2011-12-04 Sun 16:12"); it must be the date's.
			if wd, isWd := weekdayOf(w); isWd && st.wday == 0 && (st.mo == 0 || !st.clock) {
				st.wday, j, ok = int(wd)+1, e, true
				if j < len(s) && s[j] == '.' {
					j++
				}
				break
			}
			if st.mo == 0 {
				if j, ok = readMonthDay(s, i, &st); ok {
					break
				}
			}
			if !st.clock && (w == "noon" || w == "midnight") {
				st.clock, st.h = true, 0
				if w == "noon" {
					st.h = 12
				}
				j, ok = e, true
				break
			}
			if st.clock && !st.zone.set {
				if j, ok = c.readZoneAt(s, i, e, &st); ok {
					break
				}
			}
			return st, c.cutTail(s, from, &st)
		case ch == '(' || ch == '+' || ch == '-':
			if st.clock && !st.zone.set {
				if j, ok = c.readZoneAt(s, i, i, &st); ok {
					break
				}
			}
			return st, false
		default:
			return st, c.cutTail(s, from, &st)
		}
		i = j
	}
	return st, st.mo != 0 || st.clock
}

// skipStampSep skips what joins the parts of a stamp: spaces, commas,
// "at", "on", "@", "|", a dash with a space after it ("Dec 01 - 1:55pm"),
// and the T of "2011-12-01T2:07 PM" after a date.
func skipStampSep(s string, i int, date bool) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == ' ' || c == ',' || c == '@' || c == '|':
			i++
		case (c == '-' || strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—")) && i > 0:
			n := 1
			if c != '-' {
				n = len("–")
			}
			if i+n >= len(s) || s[i+n] != ' ' {
				return i
			}
			i += n
		case c == 't' && date && i+1 < len(s) && lex.IsDigit(s[i+1]) && i > 0 && lex.IsDigit(s[i-1]):
			i++
		case (c == 'a' || c == 'o') && i+2 < len(s) && s[i+2] == ' ' &&
			(s[i:i+2] == "at" || s[i:i+2] == "on") && (i == 0 || s[i-1] == ' '):
			i += 3
		default:
			return i
		}
	}
	return i
}

func lettersEnd(s string, i int) int {
	for i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
		i++
	}
	return i
}

// readClock reads a time of day at s[i:]: "14:07", "2:07:30", "01:55
// PM", "2:07PM", "1:55 p.m.", "1:55p", "2 pm", "12 noon". A clock needs
// a colon or an am/pm; the hour is 0–23, or 1–12 before am/pm.
func readClock(s string, i int, st *stamp) (int, bool) {
	j := lex.DigitsEnd(s, i)
	if j-i > 2 {
		return i, false
	}
	colon := j < len(s) && s[j] == ':'
	if !colon && (j >= len(s) || s[j] != ' ' && (s[j] < 'a' || s[j] > 'z')) {
		return i, false // "12/01/2011": a date, not a clock
	}
	h, _ := lex.Atoi(s[i:j])
	mi, sec, frac := 0, 0, 0.0
	if colon {
		var ok bool
		if mi, sec, frac, j, ok = minutesAt(s, j); !ok {
			return i, false
		}
	}
	h, j, ok := clockHour(s, j, h, mi == 0 && sec == 0, colon)
	if !ok {
		return i, false
	}
	st.h, st.mi, st.sec, st.frac, st.clock = h, mi, sec, frac, true
	return j, true
}

// minutesAt reads the ":mm[:ss[.frac]]" of a clock at s[j:].
func minutesAt(s string, j int) (mi, sec int, frac float64, end int, ok bool) {
	k := lex.DigitsEnd(s, j+1)
	if k-j-1 != 2 {
		return 0, 0, 0, j, false
	}
	mi, _ = lex.Atoi(s[j+1 : k])
	j = k
	if j < len(s) && s[j] == ':' {
		k = lex.DigitsEnd(s, j+1)
		if k-j-1 != 2 {
			return 0, 0, 0, j, false
		}
		sec, _ = lex.Atoi(s[j+1 : k])
		j = k
		if j < len(s) && s[j] == '.' {
			if frac, j, ok = fracAt(s, j); !ok {
				return 0, 0, 0, j, false
			}
		}
	}
	return mi, sec, frac, j, mi <= 59 && sec <= 60
}

// clockHour reads what follows a clock's digits at s[j:] into its hour
// h: am or pm, glued ("2:07PM", "1:55p") or after a space; noon or
// midnight after a 12 on the hour (zero); or nothing, for a 24-hour
// clock, which needs its colon. It returns the hour and where it ends.
func clockHour(s string, j, h int, zero, colon bool) (int, int, bool) {
	pm, k, ampm := meridiem(s, j, true)
	if !ampm && j < len(s) && s[j] == ' ' {
		pm, k, ampm = meridiem(s, j+1, false)
	}
	switch {
	case ampm:
		h, ok := to24(h, pm)
		return h, k, ok
	case h == 12 && zero:
		if n := cutsWord(s, j, "noon"); n > 0 {
			return h, n, true
		}
		if n := cutsWord(s, j, "midnight"); n > 0 {
			return 0, n, true
		}
	}
	return h, j, colon && h <= 23
}

// cutsWord returns the end of the word w after an optional space at
// s[i:], or 0.
func cutsWord(s string, i int, w string) int {
	if i < len(s) && s[i] == ' ' {
		i++
	}
	if strings.HasPrefix(s[i:], w) && lettersEnd(s, i+len(w)) == i+len(w) {
		return i + len(w)
	}
	return 0
}

// meridiem reads am or pm at s[i:]: "am", "a.m.", "a.m", and, glued to
// the minutes, "a". What follows must not be a letter, unless it starts
// a month or a zone ("2:07 PMDec 01", "1:55pDec 1").
func meridiem(s string, i int, glued bool) (pm bool, end int, ok bool) {
	if i >= len(s) || s[i] != 'a' && s[i] != 'p' {
		return false, i, false
	}
	pm = s[i] == 'p'
	for _, form := range [...]string{"m.", "m", ".m.", ".m", ""} {
		if form == "" && !glued {
			break
		}
		if !strings.HasPrefix(s[i+1:], form) {
			continue
		}
		e := i + 1 + len(form)
		if e == len(s) || s[e] < 'a' || s[e] > 'z' {
			return pm, e, true
		}
		w := s[e:lettersEnd(s, e)]
		if _, ok := month(w); ok {
			return pm, e, true
		}
		if _, ok, _ := readZone(w); ok {
			return pm, e, true
		}
	}
	return false, i, false
}

// readMonthDay reads a month name and a day, perhaps a year after them:
// "dec 01", "dec.01, 2011", "december 1st 2011".
func readMonthDay(s string, i int, st *stamp) (int, bool) {
	e := lettersEnd(s, i)
	m, ok := month(s[i:e])
	if !ok {
		return i, false
	}
	if e < len(s) && s[e] == '.' {
		e++
	}
	if e < len(s) && (s[e] == ' ' || s[e] == '-') {
		e++
	}
	d, j, ok := dayAt(s, e)
	if !ok {
		return i, false
	}
	st.mo, st.d, st.noYear = m, d, true
	return yearAfter(s, j, st), true
}

// readDayMonth reads a day, a month name and perhaps a year: "1 december
// 2011", "01-dec-2011", "1st dec".
func readDayMonth(s string, i int, st *stamp) (int, bool) {
	d, j, ok := dayAt(s, i)
	if !ok || j >= len(s) {
		return i, false
	}
	if s[j] == ' ' || s[j] == '-' || s[j] == '.' {
		j++
	}
	e := lettersEnd(s, j)
	m, ok := month(s[j:e])
	if !ok {
		return i, false
	}
	if e < len(s) && s[e] == '.' {
		e++
	}
	st.mo, st.d, st.noYear = m, d, true
	return yearAfter(s, e, st), true
}

// dayAt reads a day of the month at s[i:], with an ordinal suffix or not.
func dayAt(s string, i int) (int, int, bool) {
	j := lex.DigitsEnd(s, i)
	if j == i || j-i > 2 {
		return 0, i, false
	}
	d, _ := lex.Atoi(s[i:j])
	for _, suf := range [...]string{"st", "nd", "rd", "th"} {
		if strings.HasPrefix(s[j:], suf) {
			j += len(suf)
			break
		}
	}
	if d < 1 || d > 31 || j < len(s) && (s[j] >= 'a' && s[j] <= 'z' && !startsMonth(s, j) || s[j] == ':') {
		return 0, i, false
	}
	return d, j, true
}

// startsMonth reports whether a month name starts s[j:]: the one word
// that may be glued to a day ("01dec2011").
func startsMonth(s string, j int) bool {
	_, ok := month(s[j:lettersEnd(s, j)])
	return ok
}

// yearAfter reads a four-digit year after a day and a month, after a
// comma, a space, a dash or nothing, and returns where it ends; without
// one it returns j.
func yearAfter(s string, j int, st *stamp) int {
	k := j
	if k < len(s) && s[k] == ',' {
		k++
	}
	if k < len(s) && (s[k] == ' ' || s[k] == '-' || s[k] == '.') {
		k++
	}
	e := lex.DigitsEnd(s, k)
	if e-k != 4 || e < len(s) && (s[e] == ':' || lex.IsDigit(s[e])) {
		return j
	}
	st.y, _ = lex.Atoi(s[k:e])
	st.noYear = false
	return e
}

// readZoneAt reads the zone that starts at s[i:]; letters run to e.
func (c *Reader) readZoneAt(s string, i, e int, st *stamp) (int, bool) {
	var tok string
	end := e
	switch {
	case s[i] == '(':
		k := strings.IndexByte(s[i:], ')')
		if k < 0 || k > 16 {
			return i, false
		}
		tok, end = strings.TrimSpace(s[i+1:i+k]), i+k+1
	case s[i] == '+' || s[i] == '-':
		end = offsetEnd(s, i)
		tok = s[i:end]
	default:
		if e < len(s) && (s[e] == '+' || s[e] == '-') {
			end = offsetEnd(s, e) // "utc+5", "gmt-03:00"
		}
		tok = s[i:end]
	}
	z, ok, err := readZone(tok)
	if err != nil && c.Zone != nil {
		// The declared zone decides what the abbreviation means, once
		// the instant is known (decideZone).
		a := zoneAbbrs[tok]
		z, ok, err = tz{set: true, offs: a.offs, name: strings.ToUpper(tok)}, true, nil
	}
	if err != nil {
		c.setErr(fmt.Errorf("%s: %w", lex.Quote(c.Raw), err))
	}
	if !ok {
		return i, false
	}
	st.zone = z
	return end, true
}

// offsetEnd is the end of "+08:00", "-0500" or "+8" at s[i:].
func offsetEnd(s string, i int) int {
	j := lex.DigitsEnd(s, i+1)
	if j < len(s) && s[j] == ':' {
		j = lex.DigitsEnd(s, j+1)
	}
	return j
}

// webDate reads a stamp on a date topic: its date, as written (a time
// and zone with it say nothing more about the day it was written on). A
// date without a year takes the nearest to Spec.Near.
func (c *Reader) webDate(s string) (Span, bool) {
	st, ok := c.readStamp(s)
	if !ok {
		return Span{}, false
	}
	return c.stampDate(st)
}

// stampDate is the day stamp st names on a date topic.
func (c *Reader) stampDate(st stamp) (Span, bool) {
	if st.mo == 0 || st.placeholder {
		return Span{}, false
	}
	day, ok := c.fillYear(&st, tz{}, 12*3600)
	if !ok || !c.stampDone(&st, day) {
		return Span{}, false
	}
	return Span{Lo: float64(day), Hi: float64(day)}, true
}

// webDateTime reads a stamp on a datetime topic. Its zone is the one
// written, else Spec.Zone; without either, the clock spans every zone
// (UTC-12 to UTC+14), as a date does. A date alone is its whole day. A
// value without a date or a year takes them from Spec.Near.
func (c *Reader) webDateTime(s string) (Span, bool) {
	st, ok := c.readStamp(s)
	if !ok {
		return Span{}, false
	}
	return c.stampDateTime(st)
}

// stampDateTime is the instant, or the span, stamp st names on a
// datetime topic.
func (c *Reader) stampDateTime(st stamp) (Span, bool) {
	if st.placeholder {
		// Words where the time should be: no value, the words its note.
		c.Note = rawTail(c.Raw, st.tail)
		c.setErr(ErrPlaceholder)
		return Span{}, false
	}
	z := st.zone
	if !z.set && c.Zone != nil {
		z = tz{set: true, loc: c.Zone}
	}
	tod := int64(st.h*3600 + st.mi*60 + st.sec)
	ambiguous := z
	if z.offs != nil {
		z = tz{set: true, loc: c.Zone} // to find the day; decideZone settles it
	}
	var ok bool
	var day int64
	if st.mo == 0 {
		if c.Near.IsZero() {
			c.setErr(fmt.Errorf("%s has no date: write one (as in \"Dec 1, 2011 1:55 PM\"), or date the claim so that the nearest day is taken", lex.Quote(c.Raw)))
			return Span{}, false
		}
		// The day, of those around Near's, that puts the clock nearest it.
		near := z.wallOf(c.Near)
		d0 := floorDiv(near, 86400)
		day = d0 - 1
		for d := d0; d <= d0+1; d++ {
			if abs64(d*86400+tod-near) < abs64(day*86400+tod-near) { // a tie goes to the earlier day
				day = d
			}
		}
	} else {
		mid := tod
		if !st.clock {
			mid = 12 * 3600
		}
		d, ok := c.fillYear(&st, z, mid)
		if !ok {
			return Span{}, false
		}
		day = d
	}
	if !c.stampDone(&st, day) {
		return Span{}, false
	}
	if ambiguous.offs != nil {
		if z, ok = c.decideZone(ambiguous, day*86400+tod); !ok {
			return Span{}, false
		}
	}
	q := Span{Clock: st.clock && st.zone.set}
	switch {
	case !st.clock && z.set:
		lo, _ := z.instant(day * 86400)
		_, hi := z.instant((day + 1) * 86400)
		q.Lo, q.Hi, q.Period = float64(lo), float64(hi-1), true
	case !st.clock:
		q.Lo, q.Hi, q.Period = float64(day*86400-ZoneEast), float64((day+1)*86400+ZoneWest-1), true
	case z.set:
		lo, hi := z.instant(day*86400 + tod)
		q.Lo, q.Hi, q.Period = float64(lo)+st.frac, float64(hi)+st.frac, lo != hi
	default:
		w := float64(day*86400+tod) + st.frac
		q.Lo, q.Hi, q.Period = w-ZoneEast, w+ZoneWest, true
	}
	return q, true
}

// fillYear completes st's year: a two-digit one in its century, a
// missing one from Near (the year, of those around Near's, that puts
// the date nearest it, with the clock at tod seconds into the day in
// zone z). It returns the day since the epoch.
func (c *Reader) fillYear(st *stamp, z tz, tod int64) (int64, bool) {
	switch {
	case st.short:
		st.y = fullYear(st.y, c.Near)
	case st.noYear:
		if c.Near.IsZero() {
			c.setErr(fmt.Errorf("%s has no year: write one (as in \"Dec 1, 2011\"), or date the claim so that the nearest is taken", lex.Quote(c.Raw)))
			return 0, false
		}
		near := z.wallOf(c.Near)
		ny := time.Unix(near, 0).UTC().Year()
		found := false
		var best int64
		for y := ny - 1; y <= ny+1; y++ {
			if st.d > daysIn(y, st.mo) {
				continue
			}
			w := int64(dayNumber(y, st.mo, st.d))*86400 + tod
			if !found || abs64(w-near) < abs64(best-near) {
				best, st.y, found = w, y, true
			}
		}
		if !found {
			return 0, false
		}
	}
	if st.y < 1 || st.y > 9999 || st.d > daysIn(st.y, st.mo) {
		return 0, false
	}
	return int64(dayNumber(st.y, st.mo, st.d)), true
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// decideZone reads an ambiguous abbreviation (AST, IST) at wall clock
// wall as the meaning whose offset the declared zone has then, and
// refuses it when the declared zone has none of them.
func (c *Reader) decideZone(a tz, wall int64) (tz, bool) {
	lo, _ := tz{set: true, loc: c.Zone}.instant(wall)
	off := offsetAt(c.Zone, lo)
	for _, o := range a.offs {
		if o == off {
			return tz{set: true, off: off}, true
		}
	}
	m := zoneAbbrs[strings.ToLower(a.name)].ambiguous
	c.setErr(fmt.Errorf("%s: %s is ambiguous (%s), and the declared zone %s, at %s then, is neither: write the offset instead",
		lex.Quote(c.Raw), a.name, m, c.Zone, offsetName(off)))
	return tz{}, false
}
