package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Moving a day of a feed to another date means moving every date written
// in it: "12/2/11 2:13 PM" a week on is "12/9/11 2:13 PM", "Fri, Dec 2"
// is "Fri, Dec 9", each written as the site wrote the first, zeros,
// year digits and all. shiftDates does that for the forms feeds use;
// anything else in a value (times, zones, gates, words) stays as it is.

var monthNames = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
var dayNames = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

const monthRE = `(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)`

// dateRE finds a written date; the first alternative that matches at a
// place wins, so a full date is taken before a part of it.
var dateRE = regexp.MustCompile(
	`\b(\d{4})-(\d{2})-(\d{2})\b` + // 1-3: 2011-12-02
		`|\b(\d{1,2})([/-])(\d{1,2})[/-](\d{4}|\d{2})\b` + // 4-7: 12/2/11, 12-02-2011
		`|\b(\d{1,2})-(` + monthRE + `)-(\d{4})\b` + // 8-10: 02-Dec-2011
		`|(` + monthRE + `)(\.?\s*)(\d{1,2})\b(,\s*\d{4}\b)?` + // 11-14: Dec 02, Dec.02, 2011
		`|\b(\d{1,2})/(\d{1,2})\b` + // 15-16: 12/01
		`|\b((?i:Sun|Mon|Tue|Wed|Thu|Fri|Sat))\b`) // 17: Fri

// strongDateRE finds a date no other value looks like: one with a year
// or a month's name. A topic whose values never hold one (a gate's "46/8")
// has no dates to move.
var strongDateRE = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/-]\d{1,2}[/-](\d{4}|\d{2})\b|` + monthRE + `\.?\s*\d{1,2}\b`)

// shiftDates moves every date written in s by days, reading a date
// without a year as the one nearest near.
func shiftDates(s string, days int, near time.Time) string {
	if days == 0 {
		return s
	}
	m := dateRE.FindAllStringSubmatchIndex(s, -1)
	if m == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, ix := range m {
		b.WriteString(s[last:ix[0]])
		b.WriteString(shiftOne(s, ix, days, near))
		last = ix[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// shiftOne rewrites one match of dateRE.
func shiftOne(s string, ix []int, days int, near time.Time) string {
	g := func(i int) string {
		if ix[2*i] < 0 {
			return ""
		}
		return s[ix[2*i]:ix[2*i+1]]
	}
	num := func(i int) int { n, _ := strconv.Atoi(g(i)); return n }
	switch {
	case g(1) != "":
		t := date(num(1), num(2), num(3)).AddDate(0, 0, days)
		return t.Format("2006-01-02")
	case g(4) != "":
		year := num(7)
		if len(g(7)) == 2 {
			year += 2000
		}
		t := date(year, num(4), num(6)).AddDate(0, 0, days)
		y := strconv.Itoa(t.Year())
		if len(g(7)) == 2 {
			y = fmt.Sprintf("%02d", t.Year()%100)
		}
		sep := g(5)
		return pad(int(t.Month()), g(4), g(6)) + sep + pad(t.Day(), g(6), g(6)) + sep + y
	case g(8) != "":
		t := date(num(10), monthOf(g(9)), num(8)).AddDate(0, 0, days)
		return pad(t.Day(), g(8), g(8)) + "-" + nameLike(monthNames[t.Month()-1], g(9)) + "-" + strconv.Itoa(t.Year())
	case g(11) != "":
		var t time.Time
		if g(14) != "" {
			y, _ := strconv.Atoi(strings.TrimLeft(g(14), ", \t"))
			t = date(y, monthOf(g(11)), num(13))
		} else {
			t = nearest(monthOf(g(11)), num(13), near)
		}
		t = t.AddDate(0, 0, days)
		out := nameLike(monthNames[t.Month()-1], g(11)) + g(12) + pad(t.Day(), g(13), g(13))
		if g(14) != "" {
			out += strings.TrimRight(g(14), "0123456789") + strconv.Itoa(t.Year())
		}
		return out
	case g(15) != "":
		t := nearest(num(15), num(16), near).AddDate(0, 0, days)
		return pad(int(t.Month()), g(15), g(16)) + "/" + pad(t.Day(), g(16), g(16))
	}
	d := 0
	for i, n := range dayNames {
		if strings.EqualFold(n, g(17)) {
			d = i
		}
	}
	return nameLike(dayNames[((d+days)%7+7)%7], g(17))
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC) }

// nearest is month m, day d of the year that puts it nearest near.
func nearest(m, d int, near time.Time) time.Time {
	best := date(near.Year(), m, d)
	for _, y := range []int{near.Year() - 1, near.Year() + 1} {
		if t := date(y, m, d); absDur(t.Sub(near)) < absDur(best.Sub(near)) {
			best = t
		}
	}
	return best
}

func absDur(d time.Duration) time.Duration { return max(d, -d) }

func monthOf(name string) int {
	for i, n := range monthNames {
		if strings.EqualFold(n, name) {
			return i + 1
		}
	}
	return 1
}

// nameLike writes a month's or a day's name as was is written: "DEC",
// "dec" or "Dec".
func nameLike(name, was string) string {
	switch {
	case was == strings.ToUpper(was):
		return strings.ToUpper(name)
	case was == strings.ToLower(was):
		return name
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// pad writes n with a leading zero when was had one. Where was cannot
// tell (two digits, 10 or more), the day written beside it can: "12/2"
// pads nothing, "12/02" pads; a day of 10 or more is taken as padded.
func pad(n int, was, day string) string {
	zero := strings.HasPrefix(was, "0")
	if len(was) == 2 && !zero {
		zero = len(day) == 2
	}
	if zero {
		return fmt.Sprintf("%02d", n)
	}
	return strconv.Itoa(n)
}
