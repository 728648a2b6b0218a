package value

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/claims/value/webtime"
)

// String renders the set compactly for people: "600,000", "≈ 850,000",
// "≥ 10 years", "5–10", "$100 billion", "19%", "2025-11-27", "2025-11",
// "yes", "G8", "not Russia". A point shows the number as written, not
// its widening. An unresolved relative value shows as written.
func (v Value) String() string {
	s := v.body()
	if v.Negated {
		return "not " + s
	}
	return s
}

func (v Value) body() string {
	switch {
	case v.Type == Bool || v.Type == Choice || v.Type == Names:
		return v.Atom
	case !v.Type.Numeric():
		if s := strings.Join(strings.Fields(v.Raw), " "); s != "" {
			return s
		}
		return v.Atom
	case !resolved(v):
		return strings.Join(strings.Fields(v.Raw), " ")
	}
	f := formatter{typ: v.Type, cur: v.Currency}
	i := v.ival()
	switch {
	case !math.IsNaN(v.Nominal):
		s := f.one(v.Nominal)
		if v.Approx {
			return "≈ " + s
		}
		return s
	case math.IsInf(i.Lo, -1) && math.IsInf(i.Hi, 1):
		return "anything"
	case math.IsInf(i.Lo, -1):
		return pick(i.HiOpen, "< ", "≤ ") + f.one(i.Hi)
	case math.IsInf(i.Hi, 1):
		return pick(i.LoOpen, "> ", "≥ ") + f.one(i.Lo)
	}
	s := f.pair(i.Lo, i.Hi)
	if v.Approx {
		return "≈ " + s
	}
	return s
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

type formatter struct {
	typ Type
	cur string
}

func (f formatter) one(x float64) string {
	switch f.typ {
	case Date:
		return fmtDay(x)
	case DateTime:
		sec := math.Floor(x)
		ns := math.Round((x - sec) * 1e9)
		if ns >= 1e9 {
			sec, ns = sec+1, 0
		}
		return time.Unix(int64(sec), int64(ns)).UTC().Format(clockLayout(sec, ns))
	}
	pre, num, scale, suf := f.parts(x, f.unit(x))
	return pre + num + scale + suf
}

// clockLayout shows seconds and their fraction only when there are
// some, so that what String shows parses back to the same instant.
func clockLayout(sec, ns float64) string {
	switch {
	case ns != 0:
		return "2006-01-02 15:04:05.999999999 UTC"
	case math.Mod(sec, 60) != 0:
		return "2006-01-02 15:04:05 UTC"
	}
	return "2006-01-02 15:04 UTC"
}

// pair renders an interval, sharing what its ends share: "5–10 million",
// "$5–10 billion", "6–12 months".
func (f formatter) pair(lo, hi float64) string {
	switch f.typ {
	case Date:
		if lo == hi {
			// A range from a day to the same day: not the day itself,
			// which a tolerance would widen.
			return fmtDay(lo) + " – " + fmtDay(hi)
		}
		return fmtDays(lo, hi)
	case DateTime:
		// A date written on a datetime topic: the day wherever on Earth.
		d0, d1 := (lo+webtime.ZoneEast)/86400, (hi+1-webtime.ZoneWest)/86400-1
		if d0 == math.Trunc(d0) && d1 == math.Trunc(d1) {
			return fmtDays(d0, d1)
		}
		return f.one(lo) + " – " + f.one(hi)
	}
	u := f.unit(lo, hi)
	p1, n1, s1, u1 := f.parts(lo, u)
	p2, n2, s2, u2 := f.parts(hi, u)
	if p1 == p2 && s1 == s2 && lo >= 0 {
		return p1 + n1 + "–" + n2 + s2 + u2
	}
	return p1 + n1 + s1 + u1 + "–" + p2 + n2 + s2 + u2
}

// fmtDays renders a period of days, as a year or a month if it is one.
func fmtDays(lo, hi float64) string {
	a := time.Unix(int64(lo)*86400, 0).UTC()
	b := time.Unix(int64(hi)*86400, 0).UTC()
	switch {
	case a.Month() == 1 && a.Day() == 1 && b.Month() == 12 && b.Day() == 31 && a.Year() == b.Year():
		return a.Format("2006")
	case a.Day() == 1 && b.AddDate(0, 0, 1).Day() == 1 && a.Year() == b.Year() && a.Month() == b.Month():
		return a.Format("2006-01")
	case lo == hi:
		return a.Format("2006-01-02")
	}
	return a.Format("2006-01-02") + " – " + b.Format("2006-01-02")
}

func fmtDay(x float64) string {
	return time.Unix(int64(math.Round(x))*86400, 0).UTC().Format("2006-01-02")
}

type timeName struct {
	days         float64
	one, several string
}

var displayUnits = []timeName{
	{365.25, "year", "years"}, {30.4375, "month", "months"}, {7, "week", "weeks"},
	{1, "day", "days"}, {1.0 / 24, "hour", "hours"}, {1.0 / 1440, "minute", "minutes"},
}

// unit picks the largest unit of time in which all of xs are whole
// numbers ("6 months", not "0.5 years"), else days.
func (f formatter) unit(xs ...float64) timeName {
	if f.typ != Duration {
		return timeName{}
	}
next:
	for _, u := range displayUnits {
		for _, x := range xs {
			n := x / u.days
			if math.Abs(n) < 1 && x != 0 || math.Abs(n-math.Round(n)) > 1e-9*max(1, math.Abs(n)) {
				continue next
			}
		}
		return u
	}
	return displayUnits[3]
}

// parts splits the rendering of x into a currency prefix, digits, a scale
// word and a unit suffix.
func (f formatter) parts(x float64, u timeName) (pre, num, scale, suf string) {
	switch f.typ {
	case Percent:
		suf = "%"
	case Money:
		pre = symbol(f.cur)
	case Duration:
		x /= u.days
		suf = " " + u.several
		if x == 1 {
			suf = " " + u.one
		}
	}
	if f.typ == Money && x < 0 {
		pre, x = "-"+pre, -x
	}
	x, scale = scaled(x)
	return pre, digits(x), scale, suf
}

func symbol(cur string) string {
	switch cur {
	case "":
		return ""
	case "USD":
		return "$"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	case "JPY":
		return "¥"
	}
	return cur + " "
}

// scaled writes large round numbers with a word: 1.2 billion, not
// 1,200,000,000; others keep their digits.
func scaled(x float64) (float64, string) {
	for _, s := range [...]struct {
		v    float64
		word string
	}{{1e12, " trillion"}, {1e9, " billion"}, {1e6, " million"}} {
		if math.Abs(x) >= s.v {
			m := x / s.v
			if k := m * 1000; math.Abs(m) < 1e6 && math.Abs(k-math.Round(k)) < 1e-6 {
				return m, s.word
			}
			break
		}
	}
	return x, ""
}

// digits writes x with thousands commas and no float noise.
func digits(x float64) string {
	if math.Abs(x) >= 1e21 {
		return strconv.FormatFloat(x, 'g', 12, 64)
	}
	s := plain(x)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
