package webtime

import "github.com/claimdiff/claimdiff/claims/value/internal/lex"

// byLayout reads s, cleaned, by the first declared layout it matches,
// before any general rule, as a day if date is set; ok is false when
// none matches, and the general rules then read it.
func (c *Reader) byLayout(s string, date bool) (Span, bool) {
	for _, l := range c.Layouts {
		st, ok := c.matchLayout(l, s)
		if !ok {
			continue
		}
		if date {
			return c.stampDate(st)
		}
		return c.stampDateTime(st)
	}
	return Span{}, false
}

// Matches reports whether one of the declared layouts reads s, cleaned,
// whose order of day and month is then no guess.
func (c *Reader) Matches(s string) bool {
	for _, l := range c.Layouts {
		if _, ok := c.matchLayout(l, s); ok {
			return true
		}
	}
	return false
}

// matchLayout reads s by layout l into a stamp.
func (c *Reader) matchLayout(l Layout, s string) (stamp, bool) {
	var st stamp
	var hasY, hasM, hasD, hour12, pm, ampm bool
	// newDate forgets the date read so far when a field of it comes
	// again: the last date written is the value's.
	newDate := func(again bool) {
		if again {
			st.y, st.mo, st.d, st.short = 0, 0, 0, false
			hasY, hasM, hasD = false, false, false
		}
	}
	i := 0
	for _, t := range l.toks {
		var ok bool
		switch t.kind {
		case fLiteral:
			i, ok = matchLiteral(s, i, t.lit)
		case fYear, fYear2:
			n := 4
			if t.kind == fYear2 {
				n = 2
			}
			newDate(hasY)
			if lex.DigitsEnd(s, i)-i >= n {
				st.y, _ = lex.Atoi(s[i : i+n])
				st.short, hasY, ok = n == 2, true, true
				i += n
			}
		case fMonth:
			newDate(hasM)
			st.mo, i, ok = layoutNumber(s, i, 1, 12)
			hasM = ok
		case fMonthName:
			newDate(hasM)
			e := lettersEnd(s, i)
			if st.mo, ok = month(s[i:e]); ok {
				i, hasM = e, true
				if i < len(s) && s[i] == '.' {
					i++
				}
			}
		case fDay:
			newDate(hasD)
			if i < len(s) && s[i] == ' ' {
				i++ // _2: a day padded with a space
			}
			st.d, i, ok = layoutNumber(s, i, 1, 31)
			hasD = ok
		case fWeekday:
			e := lettersEnd(s, i)
			if wd, isWd := weekdayOf(s[i:e]); isWd {
				st.wday, i, ok = int(wd)+1, e, true
				if i < len(s) && s[i] == '.' {
					i++
				}
			}
		case fHour, fHour12:
			hi := 23
			if t.kind == fHour12 {
				hi, hour12 = 12, true
			}
			st.h, i, ok = layoutNumber(s, i, 0, hi)
			st.clock = ok
		case fMinute:
			st.mi, i, ok = twoDigitsAt(s, i, 59)
		case fSecond:
			st.sec, i, ok = twoDigitsAt(s, i, 60)
		case fFrac:
			if i < len(s) && (s[i] == '.' || s[i] == ',') {
				st.frac, i, ok = fracAt(s, i)
			}
		case fPM:
			if i < len(s) && s[i] == ' ' {
				i++
			}
			pm, i, ok = meridiem(s, i, true)
			ampm = ok
		case fZone, fOffset:
			if t.kind == fOffset && i < len(s) && s[i] == 'z' && lettersEnd(s, i) == i+1 {
				st.zone, i, ok = tz{set: true}, i+1, true
				break
			}
			e := i
			if t.kind == fZone {
				e = lettersEnd(s, i)
			}
			if i < len(s) {
				i, ok = c.readZoneAt(s, i, e, &st)
			}
		}
		if !ok {
			return st, false
		}
	}
	if hour12 {
		var ok bool
		if st.h, ok = to24(st.h, pm); !ok {
			return st, false
		}
	} else if ampm {
		return st, false // PM after a 24-hour clock
	}
	if hasD != hasM || hasY && !hasM {
		return st, false
	}
	st.noYear = hasM && !hasY
	if i < len(s) && !c.cutTail(s, i, &st) {
		return st, false
	}
	return st, st.mo != 0 || st.clock
}

// matchLiteral matches the literal lit at s[i:]; a space in it matches
// one space or none, since pages pad and glue their fields at will.
func matchLiteral(s string, i int, lit string) (int, bool) {
	for k := 0; k < len(lit); k++ {
		switch {
		case lit[k] == ' ':
			if i < len(s) && s[i] == ' ' {
				i++
			}
		case i < len(s) && s[i] == lit[k]:
			i++
		default:
			return i, false
		}
	}
	return i, true
}

// layoutNumber reads one or two digits at s[i:], from lo to hi.
func layoutNumber(s string, i, lo, hi int) (int, int, bool) {
	j := lex.DigitsEnd(s, i)
	if j == i {
		return 0, i, false
	}
	if j-i > 2 {
		j = i + 2 // fields glued together: "1202" for 01 02
	}
	n, _ := lex.Atoi(s[i:j])
	return n, j, n >= lo && n <= hi
}

// twoDigitsAt reads exactly two digits at s[i:], at most hi.
func twoDigitsAt(s string, i, hi int) (int, int, bool) {
	if i+2 > len(s) || !lex.IsDigit(s[i]) || !lex.IsDigit(s[i+1]) {
		return 0, i, false
	}
	n, _ := lex.Atoi(s[i : i+2])
	return n, i + 2, n <= hi
}
