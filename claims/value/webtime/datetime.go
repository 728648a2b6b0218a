package webtime

import (
	"math"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// dateTime reads an RFC 3339 timestamp or the looser "2025-11-20 14:40
// UTC": a date, 'T' or a space, hh:mm[:ss[.frac]] perhaps with am or pm,
// and a zone (Z, UTC, GMT, an offset such as +08:00, +0800, +08, or an
// abbreviation of a fixed offset such as EST), perhaps after a space. It
// returns seconds since the epoch, and whether a zone was written; without
// one the seconds are as if the time were UTC.
func dateTime(s string) (float64, bool, bool) {
	if len(s) < 15 || (s[10] != 't' && s[10] != ' ') {
		return 0, false, false
	}
	day, ok := isoDay(s)
	if !ok {
		return 0, false, false
	}
	sec, frac, rest, ok := isoClock(s[11:])
	if !ok {
		return 0, false, false
	}
	t := int64(day)*86400 + int64(sec)
	if rest == "" {
		return float64(t) + frac, true, false
	}
	off, ok := zoneSuffix(rest)
	if !ok {
		return 0, false, false
	}
	return float64(t-int64(off)) + frac, true, true
}

// isoDay is the day since the epoch of the yyyy-mm-dd that starts s.
func isoDay(s string) (float64, bool) {
	y, ok1 := lex.Atoi(s[:4])
	mo, ok2 := lex.Atoi(s[5:7])
	d, ok3 := lex.Atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 || s[4] != '-' || s[7] != '-' || y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
		return 0, false
	}
	return dayNumber(y, mo, d), true
}

// isoClock reads hh:mm[:ss[.frac]], perhaps with am or pm, at the start
// of s: the whole seconds into the day, their fraction, and what follows.
func isoClock(s string) (int, float64, string, bool) {
	h, rest, ok := twoDigits(s, 1)
	if !ok || h > 23 || rest == "" || rest[0] != ':' {
		return 0, 0, s, false
	}
	mi, rest, ok := twoDigits(rest[1:], 2)
	if !ok || mi > 59 {
		return 0, 0, s, false
	}
	sec, frac := 0, 0.0
	if rest != "" && rest[0] == ':' {
		if sec, rest, ok = twoDigits(rest[1:], 2); !ok || sec > 60 {
			return 0, 0, s, false
		}
		if rest != "" && rest[0] == '.' {
			var j int
			if frac, j, ok = fracAt(rest, 0); !ok {
				return 0, 0, s, false
			}
			rest = rest[j:]
		}
	}
	if h, rest, ok = isoMeridiem(h, rest); !ok {
		return 0, 0, s, false
	}
	return h*3600 + mi*60 + sec, frac, rest, true
}

// isoMeridiem applies an am or pm at the start of rest to the hour h:
// "2011-12-01 02:46PM EST", a 12-hour clock after an ISO date, is as
// quick to read here as a 24-hour one. Without one, h stays.
func isoMeridiem(h int, rest string) (int, string, bool) {
	if rest == "" || rest[0] != ' ' && rest[0] != 'a' && rest[0] != 'p' {
		return h, rest, true
	}
	k := 0
	if rest[0] == ' ' {
		k = 1
	}
	pm, e, ok := meridiem(rest, k, false)
	if !ok {
		return h, rest, true
	}
	h, ok = to24(h, pm)
	return h, rest[e:], ok
}

// zoneSuffix reads the zone after an ISO clock: a designator, or, as
// quick to read here, an abbreviation of a fixed offset from the table
// ("2011-12-01 14:07 EST"). The rest (ET, or IST, which is refused with
// a reason) go to webDateTime.
func zoneSuffix(rest string) (int, bool) {
	if off, ok := zone(rest); ok {
		return off, true
	}
	return fixedAbbr(strings.TrimPrefix(rest, " "))
}

// fracAt reads the decimal fraction of a second after the mark at s[i]
// (".5", ",250"): one to nine digits. It returns where they end.
func fracAt(s string, i int) (float64, int, bool) {
	k := lex.DigitsEnd(s, i+1)
	if k == i+1 || k-i-1 > 9 {
		return 0, i, false
	}
	n, _ := lex.Atoi(s[i+1 : k])
	frac := float64(n)
	for range k - i - 1 {
		frac /= 10
	}
	return frac, k, true
}

// to24 is the hour of a 24-hour clock for h, 1 to 12, am or pm.
func to24(h int, pm bool) (int, bool) {
	if h < 1 || h > 12 {
		return h, false
	}
	h %= 12
	if pm {
		h += 12
	}
	return h, true
}

// twoDigits reads at least min and at most two digits.
func twoDigits(s string, min int) (int, string, bool) {
	j := lex.DigitsEnd(s, 0)
	if j < min || j > 2 {
		return 0, s, false
	}
	n, _ := lex.Atoi(s[:j])
	return n, s[j:], true
}

// zone reads a zone designator and returns its offset east of UTC in
// seconds.
func zone(s string) (int, bool) {
	s = strings.TrimPrefix(s, " ")
	for _, z := range [...]string{"z", "utc", "gmt"} {
		if rest, ok := lex.CutGlued(s, z); ok {
			if rest == "" {
				return 0, true
			}
			s = rest
			break
		}
	}
	if s == "" || (s[0] != '+' && s[0] != '-') {
		return 0, false
	}
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	d := s[1:]
	var h, m int
	var ok bool
	switch n := lex.DigitsEnd(d, 0); {
	case n == 4 && len(d) == 4: // +0800
		h, _ = lex.Atoi(d[:2])
		m, _ = lex.Atoi(d[2:])
	case n == 1 || n == 2: // +8, +08, +08:00
		h, _ = lex.Atoi(d[:n])
		if d = d[n:]; d != "" {
			if d[0] != ':' || len(d) != 3 {
				return 0, false
			}
			if m, ok = lex.Atoi(d[1:]); !ok {
				return 0, false
			}
		}
	default:
		return 0, false
	}
	off := sign * (h*3600 + m*60)
	// Offsets on Earth run from UTC-12 to UTC+14: "14:40-16:00" is not
	// 14:40 at UTC-16.
	if m > 59 || off < -ZoneWest || off > ZoneEast {
		return 0, false
	}
	return off, true
}

// dateTimeScalar reads a datetime, or a date as its whole day: in
// Spec.Zone if there is one, else every instant that was that date
// somewhere on Earth. A datetime without a zone is read in Spec.Zone or,
// without one, spans every zone as a date does. Lo and Hi are seconds
// since the epoch.
func dateTimeScalar(s string, c *Reader) (Span, bool) {
	q, ok := dateTimeIn(s, c)
	// Instants are those of years 1 to 9999, UTC, which every datetime
	// can be written in and read back from.
	return q, ok && q.Lo >= firstInstant && q.Hi <= lastInstant
}

var (
	firstInstant = dayNumber(1, 1, 1) * 86400
	lastInstant  = (dayNumber(9999, 12, 31)+1)*86400 - 1
)

func dateTimeIn(s string, c *Reader) (Span, bool) {
	if q, ok := c.byLayout(s, false); ok {
		return q, true
	}
	if t, ok, zoned := dateTime(s); ok {
		switch {
		case zoned:
			return Span{Lo: t, Hi: t, Clock: true}, true
		case c.Zone != nil:
			sec := math.Floor(t)
			lo, hi := tz{set: true, loc: c.Zone}.instant(int64(sec))
			return Span{Lo: float64(lo) + t - sec, Hi: float64(hi) + t - sec, Period: lo != hi}, true
		}
		return Span{Lo: t - ZoneEast, Hi: t + ZoneWest, Period: true}, true
	}
	if q, ok := c.webDateTime(s); ok {
		return q, true
	}
	q, ok := dateScalar(s)
	if !ok {
		return q, false
	}
	if c.Zone != nil {
		z := tz{set: true, loc: c.Zone}
		lo, _ := z.instant(int64(q.Lo) * 86400)
		_, hi := z.instant(int64(q.Hi+1) * 86400)
		return Span{Lo: float64(lo), Hi: float64(hi - 1), Period: true}, true
	}
	q.Lo = q.Lo*86400 - ZoneEast
	q.Hi = (q.Hi+1)*86400 + ZoneWest - 1
	q.Period = true
	return q, true
}
