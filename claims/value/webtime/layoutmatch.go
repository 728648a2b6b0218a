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

// layoutMatch is a stamp being read by a layout, and what it has read
// so far that the stamp does not say.
type layoutMatch struct {
	st               stamp
	hasY, hasM, hasD bool
	hour12, pm, ampm bool
}

// matchLayout reads s by layout l into a stamp.
func (c *Reader) matchLayout(l Layout, s string) (stamp, bool) {
	var m layoutMatch
	i := 0
	for _, t := range l.toks {
		var ok bool
		switch t.kind {
		case fLiteral:
			i, ok = matchLiteral(s, i, t.lit)
		case fYear, fYear2, fMonth, fMonthName, fDay, fWeekday:
			i, ok = m.dateField(t.kind, s, i)
		case fZone, fOffset:
			i, ok = c.zoneField(&m.st, t.kind, s, i)
		default:
			i, ok = m.clockField(t.kind, s, i)
		}
		if !ok {
			return m.st, false
		}
	}
	if !m.settle() || i < len(s) && !c.cutTail(s, i, &m.st) {
		return m.st, false
	}
	return m.st, m.st.mo != 0 || m.st.clock
}

// newDate forgets the date read so far when a field of it comes again
// (again): the last date written is the value's.
func (m *layoutMatch) newDate(again bool) {
	if again {
		m.st.y, m.st.mo, m.st.d, m.st.short = 0, 0, 0, false
		m.hasY, m.hasM, m.hasD = false, false, false
	}
}

// dateField reads a field of the date, kind k, at s[i:].
func (m *layoutMatch) dateField(k fieldKind, s string, i int) (int, bool) {
	st := &m.st
	var ok bool
	switch k {
	case fYear, fYear2:
		n := 4
		if k == fYear2 {
			n = 2
		}
		m.newDate(m.hasY)
		if lex.DigitsEnd(s, i)-i >= n {
			st.y, _ = lex.Atoi(s[i : i+n])
			st.short, m.hasY, ok = n == 2, true, true
			i += n
		}
	case fMonth:
		m.newDate(m.hasM)
		st.mo, i, ok = layoutNumber(s, i, 1, 12)
		m.hasM = ok
	case fMonthName:
		m.newDate(m.hasM)
		e := lettersEnd(s, i)
		if st.mo, ok = month(s[i:e]); ok {
			i, m.hasM = skipDot(s, e), true
		}
	case fDay:
		m.newDate(m.hasD)
		if i < len(s) && s[i] == ' ' {
			i++ // _2: a day padded with a space
		}
		st.d, i, ok = layoutNumber(s, i, 1, 31)
		m.hasD = ok
	case fWeekday:
		e := lettersEnd(s, i)
		if wd, isWd := weekdayOf(s[i:e]); isWd {
			st.wday, i, ok = int(wd)+1, skipDot(s, e), true
		}
	}
	return i, ok
}

// skipDot skips the dot after an abbreviation at s[i:] ("Dec.", "Thu.").
func skipDot(s string, i int) int {
	if i < len(s) && s[i] == '.' {
		i++
	}
	return i
}

// clockField reads a field of the time of day, kind k, at s[i:].
func (m *layoutMatch) clockField(k fieldKind, s string, i int) (int, bool) {
	st := &m.st
	var ok bool
	switch k {
	case fHour, fHour12:
		hi := 23
		if k == fHour12 {
			hi, m.hour12 = 12, true
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
		m.pm, i, ok = meridiem(s, i, true)
		m.ampm = ok
	}
	return i, ok
}

// zoneField reads a zone, an abbreviation (fZone) or an offset
// (fOffset, where Z is UTC), at s[i:] into st.
func (c *Reader) zoneField(st *stamp, k fieldKind, s string, i int) (int, bool) {
	if k == fOffset && i < len(s) && s[i] == 'z' && lettersEnd(s, i) == i+1 {
		st.zone = tz{set: true}
		return i + 1, true
	}
	e := i
	if k == fZone {
		e = lettersEnd(s, i)
	}
	if i >= len(s) {
		return i, false
	}
	return c.readZoneAt(s, i, e, st)
}

// settle checks what the fields say together once all are read: a
// 12-hour clock has its am or pm, a day has its month and a year its
// month and day; a date without a year is marked so.
func (m *layoutMatch) settle() bool {
	if m.hour12 {
		// Not to24: a 24-hour field after the 12-hour one ("15 3") may
		// have set an hour past 12, read as it always was.
		if m.st.h < 1 {
			return false
		}
		m.st.h %= 12
		if m.pm {
			m.st.h += 12
		}
	} else if m.ampm {
		return false // PM after a 24-hour clock
	}
	if m.hasD != m.hasM || m.hasY && !m.hasM {
		return false
	}
	m.st.noYear = m.hasM && !m.hasY
	return true
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
