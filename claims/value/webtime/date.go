package webtime

import (
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// A date written without a zone may be any of the zones from UTC-12 to
// UTC+14, so on a datetime topic it spans all the instants that were that
// day somewhere.
const (
	ZoneEast = 14 * 3600
	ZoneWest = 12 * 3600
)

// dayNumber is the days from 1970-01-01 to y-m-d in the proleptic
// Gregorian calendar, for a valid date (Howard Hinnant's
// days_from_civil: integer arithmetic, far cheaper than time.Date).
func dayNumber(y, m, d int) float64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return float64(era*146097 + doe - 719468)
}

var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func daysIn(y, m int) int {
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		return 29
	}
	if m < 1 || m > 12 {
		return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	}
	return monthDays[m]
}

// dateSpan is the days from y-m-d to y-m-d, where a zero month or day
// stands for the whole year or month.
func dateSpan(y, m, d int) (Span, bool) {
	if y < 1 || y > 9999 || m < 0 || m > 12 || d < 0 || (m == 0 && d != 0) || (m > 0 && d > daysIn(y, m)) {
		return Span{}, false
	}
	switch {
	case m == 0:
		return Span{Lo: dayNumber(y, 1, 1), Hi: dayNumber(y, 12, 31), Period: true}, true
	case d == 0:
		return Span{Lo: dayNumber(y, m, 1), Hi: dayNumber(y, m, daysIn(y, m)), Period: true}, true
	}
	n := dayNumber(y, m, d)
	return Span{Lo: n, Hi: n}, true
}

// dateScalar reads 2025-11-27, 2025-11, 2025, "November 27, 2025",
// "Nov. 27, 2025", "27 November 2025", "Thursday, 27 Nov 2025",
// "November 2025", and a datetime as the date it was written on. Lo and
// Hi are days since the epoch.
func dateScalar(s string) (Span, bool) {
	if _, ok := lex.Atoi(s[:min(4, len(s))]); ok && len(s) >= 4 {
		return isoDate(s)
	}
	var tok [4]string
	n := 0
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == ',') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != ',' {
			j++
		}
		if j > i {
			if n == len(tok) {
				return Span{}, false
			}
			tok[n] = s[i:j]
			n++
		}
		i = j
	}
	t := tok[:n]
	if len(t) > 0 && isWeekday(t[0]) {
		t = t[1:]
	}
	switch len(t) {
	case 2: // November 2025
		m, ok1 := month(t[0])
		y, ok2 := year(t[1])
		if ok1 && ok2 {
			return dateSpan(y, m, 0)
		}
	case 3: // November 27 2025, 27 November 2025
		y, ok := year(t[2])
		if !ok {
			break
		}
		if m, ok := month(t[0]); ok {
			if d, ok := day(t[1]); ok {
				return dateSpan(y, m, d)
			}
		}
		if m, ok := month(t[1]); ok {
			if d, ok := day(t[0]); ok {
				return dateSpan(y, m, d)
			}
		}
	}
	return Span{}, false
}

func isoDate(s string) (Span, bool) {
	y, ok := lex.Atoi(s[:4])
	if !ok {
		return Span{}, false
	}
	if len(s) == 4 {
		return dateSpan(y, 0, 0)
	}
	if len(s) < 7 || s[4] != '-' {
		return Span{}, false
	}
	m, ok := lex.Atoi(s[5:7])
	if !ok || m == 0 {
		return Span{}, false
	}
	if len(s) == 7 {
		return dateSpan(y, m, 0)
	}
	if len(s) < 10 || s[7] != '-' {
		return Span{}, false
	}
	d, ok := lex.Atoi(s[8:10])
	if !ok || d == 0 {
		return Span{}, false
	}
	if len(s) > 10 {
		if _, ok, _ := dateTime(s); !ok {
			return Span{}, false
		}
	}
	return dateSpan(y, m, d)
}

func month(s string) (int, bool) {
	s = strings.TrimSuffix(s, ".")
	// A switch, not a loop over the names: web stamps ask this of every
	// word they meet.
	switch s {
	case "jan", "january":
		return 1, true
	case "feb", "february":
		return 2, true
	case "mar", "march":
		return 3, true
	case "apr", "april":
		return 4, true
	case "may":
		return 5, true
	case "jun", "june":
		return 6, true
	case "jul", "july":
		return 7, true
	case "aug", "august":
		return 8, true
	case "sep", "sept", "september":
		return 9, true
	case "oct", "october":
		return 10, true
	case "nov", "november":
		return 11, true
	case "dec", "december":
		return 12, true
	}
	return 0, false
}

func isWeekday(s string) bool {
	_, ok := weekdayOf(s)
	return ok
}

// weekdayOf is the day of the week a name stands for ("thu", "thursday").
func weekdayOf(s string) (time.Weekday, bool) {
	switch strings.TrimSuffix(s, ".") {
	case "sunday", "sun":
		return time.Sunday, true
	case "monday", "mon":
		return time.Monday, true
	case "tuesday", "tue", "tues":
		return time.Tuesday, true
	case "wednesday", "wed":
		return time.Wednesday, true
	case "thursday", "thu", "thur", "thurs":
		return time.Thursday, true
	case "friday", "fri":
		return time.Friday, true
	case "saturday", "sat":
		return time.Saturday, true
	}
	return 0, false
}

// weekdayOfDay is the day of the week of a day since 1970-01-01, a
// Thursday.
func weekdayOfDay(day int64) time.Weekday {
	return time.Weekday(((day+4)%7 + 7) % 7)
}

// day reads a day of the month, with an ordinal suffix or not ("27th").
func day(s string) (int, bool) {
	for _, suf := range [...]string{"st", "nd", "rd", "th"} {
		if t, ok := strings.CutSuffix(s, suf); ok {
			s = t
			break
		}
	}
	if len(s) > 2 {
		return 0, false
	}
	d, ok := lex.Atoi(s)
	return d, ok && d >= 1
}

func year(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	return lex.Atoi(s)
}
