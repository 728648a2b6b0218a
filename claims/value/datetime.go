package value

import (
	"fmt"
	"strings"
)

// dateTime reads an RFC 3339 timestamp or the looser "2025-11-20 14:40
// UTC": a date, 'T' or a space, hh:mm[:ss[.frac]], and a zone (Z, UTC,
// GMT or an offset such as +08:00, +0800, +08), perhaps after a space. It
// returns seconds since the epoch, and whether a zone was written; without
// one the seconds are as if the time were UTC.
func dateTime(s string) (float64, bool, bool) {
	if len(s) < 15 || (s[10] != 't' && s[10] != ' ') {
		return 0, false, false
	}
	y, ok1 := atoi(s[:4])
	mo, ok2 := atoi(s[5:7])
	d, ok3 := atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 || s[4] != '-' || s[7] != '-' || y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
		return 0, false, false
	}
	rest := s[11:]
	h, rest, ok := twoDigits(rest, 1)
	if !ok || h > 23 || rest == "" || rest[0] != ':' {
		return 0, false, false
	}
	mi, rest, ok := twoDigits(rest[1:], 2)
	if !ok || mi > 59 {
		return 0, false, false
	}
	sec, frac := 0, 0.0
	if rest != "" && rest[0] == ':' {
		if sec, rest, ok = twoDigits(rest[1:], 2); !ok || sec > 60 {
			return 0, false, false
		}
		if rest != "" && rest[0] == '.' {
			j := digitsEnd(rest, 1)
			if j == 1 || j > 10 {
				return 0, false, false
			}
			n, _ := atoi(rest[1:j])
			frac = float64(n)
			for range j - 1 {
				frac /= 10
			}
			rest = rest[j:]
		}
	}
	t := int64(dayNumber(y, mo, d))*86400 + int64(h*3600+mi*60+sec)
	if rest == "" {
		return float64(t) + frac, true, false
	}
	off, ok := zone(rest)
	if !ok {
		return 0, false, false
	}
	return float64(t-int64(off)) + frac, true, true
}

// twoDigits reads at least min and at most two digits.
func twoDigits(s string, min int) (int, string, bool) {
	j := digitsEnd(s, 0)
	if j < min || j > 2 {
		return 0, s, false
	}
	n, _ := atoi(s[:j])
	return n, s[j:], true
}

// zone reads a zone designator and returns its offset east of UTC in
// seconds.
func zone(s string) (int, bool) {
	s = strings.TrimPrefix(s, " ")
	for _, z := range [...]string{"z", "utc", "gmt"} {
		if rest, ok := cutGlued(s, z); ok {
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
	switch n := digitsEnd(d, 0); {
	case n == 4 && len(d) == 4: // +0800
		h, _ = atoi(d[:2])
		m, _ = atoi(d[2:])
	case n == 1 || n == 2: // +8, +08, +08:00
		h, _ = atoi(d[:n])
		if d = d[n:]; d != "" {
			if d[0] != ':' || len(d) != 3 {
				return 0, false
			}
			if m, ok = atoi(d[1:]); !ok {
				return 0, false
			}
		}
	default:
		return 0, false
	}
	if h > 23 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

// dateTimeScalar reads a datetime, or a date as every instant that was
// that date somewhere on Earth. Lo and Hi are seconds since the epoch.
func dateTimeScalar(s string, c *ctx) (qty, bool) {
	if t, ok, zoned := dateTime(s); ok {
		if !zoned {
			c.setErr(fmt.Errorf("%s has no time zone; add one, as in %q or with an offset such as +08:00",
				quote(c.raw), s[:10]+" "+strings.TrimLeft(s[10:], "t ")+" UTC"))
			return qty{}, false
		}
		return qty{lo: t, hi: t, clock: true}, true
	}
	q, ok := dateScalar(s)
	if !ok {
		return q, false
	}
	q.lo = q.lo*86400 - zoneEast
	q.hi = (q.hi+1)*86400 + zoneWest - 1
	q.span = true
	return q, true
}
