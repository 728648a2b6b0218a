package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"time"
	// The feed's sources declare IANA zones; the generator must write
	// their clocks the same on a machine without /usr/share/zoneinfo.
	_ "time/tzdata"
)

// WebOptions shape a flight-status feed as sites write it (issue 15):
// each flight's actual departure, one topic per flight typed by a single
// topic pattern, claimed by websites that write times their own way, in
// their own zone and date order, and print a placeholder where they have
// no time.
type WebOptions struct {
	Claims int
	// Topics is the number of flight-days (a topic and the day its claims
	// are about; the topic is `changes: true`, so each day is compared on
	// its own). It defaults to a quarter of the claims, and is raised to
	// Claims/Sources if lower, so that no site claims a flight-day twice.
	Topics int
	// Sources defaults to 40 sites, about the number in a month of
	// flight-status data.
	Sources int
	// DisputedShare is the share of flight-days on which one site gives a
	// time 5 to 90 minutes off the others; 0.06 by default.
	DisputedShare float64
	// PlaceholderShare is the share of claims, other than those a dispute
	// needs, written as a placeholder ("Not Available", "--"); 0.02 by
	// default.
	PlaceholderShare float64
	// ISO writes the clean twin of the same feed: every claim's time, the
	// placeholders' included, as RFC 3339 with its site's offset, and the
	// same head, ids, topics, sources and dates.
	ISO  bool
	Seed uint64
}

func (o *WebOptions) defaults() {
	if o.Sources <= 0 {
		o.Sources = 40
	}
	if o.Topics <= 0 {
		o.Topics = max(o.Claims/4, 1)
	}
	o.Topics = max(o.Topics, (o.Claims+o.Sources-1)/o.Sources)
	if o.DisputedShare == 0 {
		o.DisputedShare = 0.06
	}
	if o.PlaceholderShare == 0 {
		o.PlaceholderShare = 0.02
	}
}

// WebPattern is the one topics: entry of a web feed's head.
const WebPattern = `"*.actual-departure": {type: datetime, tolerance: 1 minute, changes: true}`

// A web style is one way a site writes a time: the forms of the issue's
// examples and a few more that LEDGER.md lists.
type webStyle struct {
	// example is what the style writes for 2011-12-01 13:55 at UTC-5.
	example string
	// order is the all-numeric date order the style needs declared
	// ("" when its dates are not all-numeric, or read right month first
	// without a declaration).
	order string
	// zoned styles write the zone in the value: an abbreviation, or the
	// offset in parentheses (offset).
	zoned, offset bool
	// abbr is the zone the style always writes, with New York's clock
	// ("ET"), instead of the abbreviation of the site's zone.
	abbr  string
	write func(b []byte, t time.Time, abbr string) []byte
}

var webStyles = []webStyle{
	{example: "12/01/2011 01:55 PM", write: layout("01/02/2006 03:04 PM")},
	{example: "12/1/11 1:55 PM (-05:00)", zoned: true, offset: true, write: layout("1/2/06 3:04 PM (-07:00)")},
	{example: "12/1/2011 1:55PM EST", zoned: true, write: withAbbr("1/2/2006 3:04PM ")},
	{example: "2011-12-01 01:55PM EST", zoned: true, write: withAbbr("2006-01-02 03:04PM ")},
	{example: "2011-12-01 13:55 EST", zoned: true, write: withAbbr("2006-01-02 15:04 ")},
	{example: "Thu., Dec.01, 2011 1:55 p.m.", write: func(b []byte, t time.Time, _ string) []byte {
		return dotted(t.AppendFormat(b, "Mon., Jan.02, 2006 3:04 pm"))
	}},
	{example: "Dec 01 - 1:55pm", write: layout("Jan 02 - 3:04pm")},
	{example: "1:55 PMDec 01", write: layout("3:04 PMJan 02")},
	{example: "1:55pDec 1", write: func(b []byte, t time.Time, _ string) []byte {
		b = t.AppendFormat(b, "3:04pm")
		return t.AppendFormat(b[:len(b)-1], "Jan 2")
	}},
	{example: "01/12/2011 13:55", order: "dmy", write: layout("02/01/2006 15:04")},
	{example: "01.12.11 13:55", order: "dmy", write: layout("02.01.06 15:04")},
	{example: "11/12/01 1:55 PM", order: "ymd", write: layout("06/01/02 3:04 PM")},
	{example: "1 December 2011 13:55", write: layout("2 January 2006 15:04")},
	{example: "December 1, 2011 at 1:55 PM ET", zoned: true, abbr: "ET", write: withAbbr("January 2, 2006 at 3:04 PM ")},
}

func layout(l string) func([]byte, time.Time, string) []byte {
	return func(b []byte, t time.Time, _ string) []byte { return t.AppendFormat(b, l) }
}

func withAbbr(l string) func([]byte, time.Time, string) []byte {
	return func(b []byte, t time.Time, abbr string) []byte { return append(t.AppendFormat(b, l), abbr...) }
}

// dotted writes a trailing "pm" or "am" as "p.m." or "a.m.".
func dotted(b []byte) []byte {
	n := len(b)
	return append(b[:n-1], '.', 'm', '.')
}

// webZones are the zones sites declare, and the abbreviation a site in
// that zone writes (with its fixed offset, as claimdiff reads it).
var webZones = []struct {
	name, abbr string
	off        int // hours east of UTC, of abbr
}{
	{"America/New_York", "EST", -5}, {"America/Chicago", "CST", -6}, {"America/Denver", "MST", -7},
	{"America/Los_Angeles", "PST", -8}, {"America/Phoenix", "MST", -7}, {"Europe/London", "GMT", 0},
	{"Europe/Berlin", "CET", 1}, {"Asia/Tokyo", "JST", 9}, {"-05:00", "EST", -5}, {"+01:00", "CET", 1},
	{"UTC", "UTC", 0}, {"Australia/Sydney", "AEDT", 11},
}

var webKinds = []string{"official", "dataset", "outlet"}

var webPlaceholders = []string{"Not Available", "--", "N/A", "TBD"}

// webSource is one site: how it writes, and what its head entry says.
type webSource struct {
	style   int
	zone    string         // declared zone, or ""
	order   string         // declared date_order, or ""
	noValue string         // a placeholder of its own, declared in no_value:
	abbr    string         // the abbreviation its zoned values carry
	loc     *time.Location // the zone its clock shows
	noZone  bool           // writes times without a zone and declares none
	kind    string
}

// web is a feed's sources and flight-days, worked out once from the
// options: the claims are then written in one pass, in the order of the
// generated numbers, so the same options give the same feed.
type web struct {
	o       WebOptions
	sources []webSource
	// per flight-day: the first site, the departure in minutes after
	// 06:00 -05:00 of its day, and for a disputed one the minutes the
	// odd site is off by (0 on the others).
	first   []int32
	minute  []int16
	off     []int16
	stride  int
	claimed []int32 // claims per flight-day
}

var airlines = []string{"ua", "aa", "dl", "wn", "b6", "as", "nk", "f9", "ha", "ac", "ba", "lh"}

func newWeb(o WebOptions) *web {
	o.defaults()
	w := &web{o: o}
	rng := rand.New(rand.NewPCG(o.Seed, 0x7765622d6665))
	for s := range o.Sources {
		src := webSource{style: s % len(webStyles), kind: webKinds[s%len(webKinds)]}
		z := webZones[rng.IntN(len(webZones))]
		st := webStyles[src.style]
		src.abbr = z.abbr
		if st.abbr != "" {
			src.abbr, z = st.abbr, webZones[0]
		}
		switch {
		case !st.zoned && s%20 == 19:
			// One site in twenty declares no zone and writes none: its
			// times are that time anywhere on Earth.
			src.noZone = true
		case !st.zoned || rng.IntN(2) == 0:
			src.zone = z.name
		}
		if st.zoned && !st.offset && st.abbr == "" {
			src.loc = time.FixedZone(z.abbr, z.off*3600)
		} else {
			loc, err := loadZone(z.name)
			if err != nil {
				panic(err) // the table above holds only zones Go knows
			}
			src.loc = loc
		}
		src.order = st.order
		if src.order == "" && rng.IntN(3) > 0 {
			// Most sites say their order whether or not it matters; a US
			// site that does not is read month first, with a warning.
			src.order = "mdy"
		}
		if s%13 == 5 {
			src.noValue = "Unavailable"
		}
		w.sources = append(w.sources, src)
	}
	w.stride = 7
	for gcd(w.stride, o.Sources) != 1 {
		w.stride += 2
	}
	G := o.Topics
	w.first, w.minute, w.off, w.claimed = make([]int32, G), make([]int16, G), make([]int16, G), make([]int32, G)
	for g := range G {
		n := o.Claims / G
		if g < o.Claims%G {
			n++
		}
		w.claimed[g] = int32(n)
		w.minute[g] = int16(rng.IntN(16 * 60))
		if w.disputed(g) {
			w.off[g] = int16(5 + rng.IntN(86))
		}
		// The first claim and the odd one need a site with a zone, or
		// they would meet every time that day and make no dispute.
		h := rng.IntN(o.Sources)
		for w.sources[h].noZone || (n > 1 && w.sources[(h+(n-1)*w.stride)%o.Sources].noZone) {
			h = (h + 1) % o.Sources
		}
		w.first[g] = int32(h)
	}
	return w
}

func loadZone(name string) (*time.Location, error) {
	switch name {
	case "UTC":
		return time.UTC, nil
	case "-05:00":
		return time.FixedZone("-05:00", -5*3600), nil
	case "+01:00":
		return time.FixedZone("+01:00", 3600), nil
	}
	return time.LoadLocation(name)
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// disputed says whether flight-day g holds a time off the others: the
// share of every thousand flight-days in a row, spread over them (389 is
// prime to 1000), so a small feed has its share too.
func (w *web) disputed(g int) bool {
	return float64(g*389%1000) < w.o.DisputedShare*1000 && w.claimed[g] >= 2
}

// topic is flight-day g's topic and the date its claims are about: 31
// days of December 2011 for each flight in turn.
func (w *web) topic(g int) (string, time.Time) {
	f := g / 31
	day := time.Date(2011, 12, 1+g%31, 6, 0, 0, 0, time.FixedZone("-05:00", -5*3600))
	return fmt.Sprintf("%s%d.actual-departure", airlines[f%len(airlines)], f/len(airlines)+1), day
}

// WebHead writes a web feed's YAML head: its sites, each with what it
// declares of its zone, date order and placeholders, and the one topic
// pattern that types every flight.
func WebHead(wr io.Writer, o WebOptions) error {
	w := newWeb(o)
	bw := bufio.NewWriterSize(wr, 1<<16)
	fmt.Fprintf(bw, "ledger: 1\ntitle: generated flight-status feed of %d claims\nsources:\n", w.o.Claims)
	for s, src := range w.sources {
		fmt.Fprintf(bw, "  site-%d:\n    name: Site %d\n    kind: %s\n", s, s, src.kind)
		if src.zone != "" {
			fmt.Fprintf(bw, "    zone: %q\n", src.zone)
		}
		if src.order != "" {
			fmt.Fprintf(bw, "    date_order: %s\n", src.order)
		}
		if src.noValue != "" {
			fmt.Fprintf(bw, "    no_value: [%s]\n", src.noValue)
		}
	}
	fmt.Fprintf(bw, "topics:\n  %s\n", WebPattern)
	return bw.Flush()
}

// WebCSV writes a web feed's claims as a CSV claim file: id, topic,
// value, source and date (the flight's day, which a time without a year
// is read near).
func WebCSV(wr io.Writer, o WebOptions) error {
	w := newWeb(o)
	bw := bufio.NewWriterSize(wr, 1<<16)
	bw.WriteString("id,topic,value,source,date\n")
	var b []byte
	w.each(func(c webClaim) {
		b = append(b[:0], 'c')
		b = strconv.AppendInt(b, int64(c.n), 10)
		b = append(b, ',')
		b = append(b, c.topic...)
		b = append(b, ',')
		b = append(b, c.value...)
		b = quoteCell(b, len(b)-len(c.value))
		b = fmt.Appendf(b, ",site-%d,%s\n", c.source, c.date)
		bw.Write(b)
	})
	return bw.Flush()
}

// WebValue is one claim's value as a web feed writes it, with what the
// loader reads it by: the claim's date and its site's declarations.
type WebValue struct {
	Raw, Date string
	// Zone and DateOrder are the site's zone: and date_order:, or "";
	// NoValue its no_value: words.
	Zone, DateOrder string
	NoValue         []string
}

// WebValues returns the values WebCSV writes for o, in the same order,
// so that reading them can be measured without the loader.
func WebValues(o WebOptions) []WebValue {
	w := newWeb(o)
	out := make([]WebValue, 0, w.o.Claims)
	w.each(func(c webClaim) {
		src := &w.sources[c.source]
		v := WebValue{Raw: string(c.value), Date: c.date, Zone: src.zone, DateOrder: src.order}
		if src.noValue != "" {
			v.NoValue = []string{src.noValue}
		}
		out = append(out, v)
	})
	return out
}

// webClaim is one claim of a web feed; value is valid only during the
// call that is given it.
type webClaim struct {
	n, source   int
	topic, date string
	value       []byte
}

// each makes the feed's claims in order: the same options always make
// the same claims, and the ISO twin the same ones but for how their
// times are written.
func (w *web) each(fn func(webClaim)) {
	rng := rand.New(rand.NewPCG(w.o.Seed, 0x636c61696d73))
	G := w.o.Topics
	var b []byte
	for c := range w.o.Claims {
		g, k := c%G, c/G
		n := int(w.claimed[g])
		s := (int(w.first[g]) + k*w.stride) % w.o.Sources
		src := &w.sources[s]
		topic, day := w.topic(g)
		at := day.Add(time.Duration(w.minute[g]) * time.Minute)
		odd := w.off[g] != 0 && k == n-1
		// Both twins draw the same numbers for every claim, so they
		// hold the same times.
		jitter, placeholder := rng.IntN(4) == 0, rng.Float64() < w.o.PlaceholderShare
		own, which := rng.IntN(2) == 0, rng.IntN(len(webPlaceholders))
		switch {
		case odd:
			at = at.Add(time.Duration(w.off[g]) * time.Minute)
		case jitter:
			// Sites a minute apart agree: the tolerance is a minute.
			at = at.Add(time.Minute)
		}
		switch {
		case w.o.ISO:
			b = at.In(src.loc).AppendFormat(b[:0], time.RFC3339)
		case placeholder && k > 0 && !odd:
			if src.noValue != "" && own {
				b = append(b[:0], src.noValue...)
			} else {
				b = append(b[:0], webPlaceholders[which]...)
			}
		default:
			b = webStyles[src.style].write(b[:0], at.In(src.loc), src.abbr)
		}
		fn(webClaim{n: c, source: s, topic: topic, date: day.Format(time.DateOnly), value: b})
	}
}

// quoteCell puts the cell from b[v:] in double quotes if it holds a comma
// or a quote.
func quoteCell(b []byte, v int) []byte {
	need := false
	for _, ch := range b[v:] {
		if ch == ',' || ch == '"' {
			need = true
		}
	}
	if !need {
		return b
	}
	cell := string(b[v:])
	b = append(b[:v], '"')
	for i := range len(cell) {
		if cell[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, cell[i])
	}
	return append(b, '"')
}

// WebDispute is a dispute a web feed holds: a topic on a day.
type WebDispute struct{ Topic, Date string }

// WebDisputes lists the disputes a web feed made with o holds, in the
// order of its flight-days: the ones claimdiff must find, in the web feed
// and in its ISO twin alike.
func WebDisputes(o WebOptions) []WebDispute {
	w := newWeb(o)
	var out []WebDispute
	for g := range w.o.Topics {
		if w.disputed(g) {
			topic, day := w.topic(g)
			out = append(out, WebDispute{topic, day.Format(time.DateOnly)})
		}
	}
	return out
}
