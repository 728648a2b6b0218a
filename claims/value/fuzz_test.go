package value

import (
	"math"
	"testing"
	"time"
)

// fuzzSpecs are the specs every fuzzed string is parsed with: each type,
// with the options that change the parsing paths.
var fuzzSpecs = []Spec{
	{Type: Number},
	{Type: Number, Tolerance: Tolerance{Abs: 1, Rel: 0.01}},
	{Type: Percent, Tolerance: Tolerance{Rel: 0.05}},
	{Type: Money, Unit: "USD"},
	{Type: Money},
	{Type: Duration},
	{Type: Duration, Unit: "years", Tolerance: Tolerance{Abs: 3}},
	{Type: Date, Tolerance: Tolerance{Abs: 3}},
	{Type: DateTime, Tolerance: Tolerance{Abs: 1.0 / 24}},
	{Type: Bool},
	{Type: Choice, Choices: []ChoiceDef{{Name: "G7"}, {Name: "G8", Aliases: []string{"Group of Eight"}}}},
	{Type: Text},
	// A decimal comma changes how every amount is scanned.
	{Type: Number, Decimal: DecimalComma},
	{Type: Percent, Decimal: DecimalComma},
	{Type: Money, Unit: "EUR", Decimal: DecimalComma},
	{Type: Duration, Unit: "days", Decimal: DecimalComma},
	// Web times: a zone, a claim's date, a date order.
	{Type: DateTime, Zone: time.FixedZone("+05:30", 5*3600+1800), Near: time.Date(2011, 12, 1, 12, 0, 0, 0, time.UTC), DateOrder: OrderDMY},
	{Type: Date, Near: time.Date(2011, 12, 1, 0, 0, 0, 0, time.UTC), DateOrder: OrderYMD},
	{Type: Names},
	{Type: Text, NoValue: []string{"?"}},
	// Absurd tolerances must not break the sets or their display.
	{Type: Number, Tolerance: Tolerance{Rel: 1e300}},
	{Type: Date, Tolerance: Tolerance{Abs: 1e300}},
	{Type: DateTime, Tolerance: Tolerance{Abs: 1e300}},
}

var fuzzSeeds = []string{
	"600000", "600,000", "600k", "0.6 million", "1.2bn", "about 850,000", "~850,000", "≈ 5",
	"at least 10", "more than 10", "up to 10", ">= 5", "< 5", "600,000+", "10 or more", "about 600,000 or so",
	"between 5 and 10", "5-10", "5–10", "5 to 10", "from 5 to 10", "5-10k", "-5-10", "10-5",
	"19%", "19 per cent", "about 19%", "$100B", "USD 100bn", "100 billion dollars", "US$100bn", "€5m", "-$5m",
	"$5-10 billion", "100 days", "six months", "a decade", "at least 10 years", "within 100 days", "48h",
	"2025-11-27", "November 27, 2025", "27 Nov 2025", "2025-11", "2025", "before 2025-11-27",
	"2025-11-20T14:40:00+08:00", "2025-11-20 14:40 UTC", "2025-11-20 14:40", "2025-11-20 14:40 +0800",
	"yes", "No", "G8", "group of eight", "The  G8.", "half of ukraine.army-size", "about half of x",
	"twice x", "80% of x", "0.5 x foo", "up to 3 times t.a", "between 2 and 3 times t.a", "-2 times t.a",
	"3 times t.a troops", "20-30% of t.a", "half of t.a or more", "2.100", "1.234,5", "3,5", "100 000",
	"1'000", "1’000’000", "between 100 000 and 200 000", "€1.500,50", "between 2,5 and 3,5", "1e400", "9e305", "", " ", "-", "--", "1-2-3-4-5-6-7-8", "\xff",
	"twenty-five", "a", "6,00", "between", "from", "0.", ".", "e5", "1e", "₽", "S$5", "¥100",
	"12/01/2011 01:55 PM", "12/1/11 2:06 PM (-05:00)", "Thu., Dec.01, 2011 1:55 p.m.", "2:07 PMDec 01", "1:55pDec 1",
	"noon", "N/A", "600 (estimated)", "Knuth, Donald E.; Patashnik, Oren", "Donald E. Knuth and Oren Patashnik",
	// The web forms of issue 25, and fractions.
	"NA", "n/a", "*", "2 1/2", "1/4", "2½", "-2 1/2 million", "24/7", "Dec 04 - Contact Airline", "Dec 04&nbsp",
	"&amp;", "&#160;5", "Sun, Dec 4 3:12 PM            Delayed", "Dec 04 - 4:12pm*", "2011-12-04 Sun  16:12",
	"12/4/2011 4:12PM AST", "2011-12-04 12/03 11:55 PM",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		IsRelative(raw)
		Infer([]string{raw, "5"})
		NormalizeText(raw)
		if tol, err := ParseTolerance(raw); err == nil {
			if !(tol.Abs >= 0) || !(tol.Rel >= 0) {
				t.Fatalf("ParseTolerance(%q) = %+v", raw, tol)
			}
		}
		for _, spec := range fuzzSpecs {
			v, err := Parse(raw, spec)
			if err != nil {
				if msg := err.Error(); msg == "" {
					t.Fatalf("Parse(%q, %s): empty error", raw, spec.Type)
				}
				continue
			}
			if v.Raw != raw || v.Type != spec.Type {
				t.Fatalf("Parse(%q, %s) = Raw %q Type %q", raw, spec.Type, v.Raw, v.Type)
			}
			if spec.Type.Numeric() {
				if math.IsNaN(v.Lo) || math.IsNaN(v.Hi) || v.Lo > v.Hi {
					t.Fatalf("Parse(%q, %s): set [%v, %v]", raw, spec.Type, v.Lo, v.Hi)
				}
			}
			if !Meets(v, v) {
				t.Fatalf("Parse(%q, %s) = %v does not meet itself: [%v %v] (%v %v)",
					raw, spec.Type, v, v.Lo, v.Hi, v.LoOpen, v.HiOpen)
			}
			if !Same(v, v) || Gap(v, v) != 0 {
				t.Fatalf("Parse(%q, %s) = %v is not the same as itself", raw, spec.Type, v)
			}
			_ = v.String()
			r := Resolve(v, v, spec)
			_ = Describe(v, r)
			Meets(r, v)
			Gap(r, v)
		}
	})
}

// FuzzParseDatetime holds the datetime and date parsers, web forms
// included, to two things: they never panic, and what String shows of a
// value they read parses back, with the same spec, to the same instant
// or interval. A value written with "about" is left out: String shows
// its widened set, which "about" would widen again.
func FuzzParseDatetime(f *testing.F) {
	for _, s := range []string{
		"12/01/2011 01:55 PM", "12/1/11 2:06 PM (-05:00)", "12/1/2011 2:07PM EST", "2011-12-01 02:46PM EST",
		"2011-12-01 14:07 EST", "2011-12-01 2:07 PM -05:00", "Thu., Dec.01, 2011 1:55 p.m.", "Dec 01 - 1:55pm",
		"2:07 PMDec 01", "1:55pDec 1", "1 December 2011 13:55", "noon", "midnight", "12 noon", "14:07",
		"2011-12-01T14:07:00.25Z", "2011-12-01 14:07", "11/6/2011 1:30 AM", "2:00 PM - 3:30 PM", "before 12/1/11",
		"Dec 1, 2011 at 1:55 PM ET", "2011-12-01 14:07 (IST)", "01/12/2011", "Feb 29", "1/1/69 0:00", "12/31/9999 11:59 PM",
		"1/1/0001 00:00 +14:00", "since Dec 31", "2011-12-01 14:40-16:00", "2011-12-01 14:07 UTC+5",
		// The web forms of issue 25.
		"Dec 04 - Contact Airline", "2011-12-04 Cancelled", "Sun, Dec 4 3:12 PM            On Time",
		"4:12 PM, Dec 04&nbsp", "4:12 PM, Dec 04&nbsp(Estimated)", "&#160;4:12 PM", "Dec 04 - 4:12pm*",
		"2011-12-04 Sun  16:12", "11:59 PM  Sun 04-Dec-2011", "12/4/2011 4:12PM AST", "2011-12-04 12/03 11:55 PM",
		"2012-01-01 12/31 11:55 PM", "2011-12-04 result unknown (?) (track log &amp; graph)", "Dec 04 3:12 PM ON TIME",
	} {
		f.Add(s)
	}
	newYork, err := ParseZone("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	near := time.Date(2011, 12, 1, 17, 0, 0, 0, time.UTC)
	specs := []Spec{
		{Type: DateTime},
		{Type: DateTime, Zone: newYork, Near: near},
		{Type: DateTime, Zone: time.FixedZone("", 14*3600), Near: near, DateOrder: OrderDMY, Tolerance: Tolerance{Abs: 1.0 / 24}},
		{Type: DateTime, Near: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Type: Date},
		{Type: Date, Near: near, DateOrder: OrderYMD, Tolerance: Tolerance{Abs: 2}},
		// A declared zone that decides AST, and declared layouts.
		{Type: DateTime, Zone: time.FixedZone("", -4*3600), Near: near, Layouts: fuzzLayouts(f)},
		{Type: Date, Near: near, Layouts: fuzzLayouts(f)},
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, spec := range specs {
			AmbiguousDate(raw, spec)
			v, err := Parse(raw, spec)
			if err != nil {
				continue
			}
			if math.IsNaN(v.Lo) || math.IsNaN(v.Hi) || v.Lo > v.Hi {
				t.Fatalf("Parse(%q, %v) = set [%v, %v]", raw, spec.Type, v.Lo, v.Hi)
			}
			if v.Approx {
				continue
			}
			s := v.String()
			w, err := Parse(s, spec)
			if err != nil {
				t.Fatalf("Parse(%q, %v) = %s, which does not parse: %v", raw, spec.Type, s, err)
			}
			if !Same(v, w) {
				t.Fatalf("Parse(%q, %v) = %s [%v, %v], which parses back as %s [%v, %v]",
					raw, spec.Type, s, v.Lo, v.Hi, w, w.Lo, w.Hi)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	inputs := []struct {
		raw  string
		spec Spec
	}{
		{"600,000", Spec{Type: Number, Tolerance: Tolerance{Rel: 0.01}}},
		{"about 850,000 troops", Spec{Type: Number}},
		{"between 5 and 10 million", Spec{Type: Number}},
		{"$100B", Spec{Type: Money, Unit: "USD"}},
		{"at least 10 years", Spec{Type: Duration}},
		{"19%", Spec{Type: Percent}},
		{"2025-11-27", Spec{Type: Date}},
		{"2025-11-20T14:40:00+08:00", Spec{Type: DateTime}},
		{"yes", Spec{Type: Bool}},
		{"The G8.", Spec{Type: Text}},
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			if _, err := Parse(in.raw, in.spec); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// fuzzLayouts are layouts of both styles, one that writes its date twice.
func fuzzLayouts(f *testing.F) []Layout {
	var ls []Layout
	for _, s := range []string{"2006-01-02 01/02 3:04 PM", "%d.%m.%y %Hh%M", "Mon Jan _2 15:04:05.000 MST 2006"} {
		l, err := ParseLayout(s)
		if err != nil {
			f.Fatal(err)
		}
		ls = append(ls, l)
	}
	return ls
}

// FuzzLayout holds layouts to what any declaration and any value may
// do: a layout is read or refused with a reason, and a value read by
// one is a set that contains itself.
func FuzzLayout(f *testing.F) {
	for _, s := range [][2]string{
		{"2006-01-02 01/02 3:04 PM", "2011-12-04 12/03 11:55 PM"},
		{"%Y-%m-%d %m/%d %I:%M %p", "2011-12-04 12/3 11:55 PM Delayed"},
		{"20060102 1504", "20111203 2355"},
		{"Mon Jan _2 15:04:05 MST 2006", "Sat Dec  3 23:55:00 AST 2011"},
		{"%d/%m/%Y %H:%M %z", "03/12/2011 23:55 +0100"},
		{"%F %T.%f", "2011-12-03 23:55:00.5"},
		{"%", "5"}, {"2", "2"}, {"Monday", "monday"}, {"PM 3", "pm 13"},
	} {
		f.Add(s[0], s[1])
	}
	near := time.Date(2011, 12, 4, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, layout, raw string) {
		l, err := ParseLayout(layout)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseLayout(%q): empty error", layout)
			}
			return
		}
		for _, spec := range []Spec{
			{Type: DateTime, Near: near, Layouts: []Layout{l}},
			{Type: DateTime, Zone: time.FixedZone("", 3*3600), Layouts: []Layout{l}},
			{Type: Date, Near: near, Layouts: []Layout{l}},
		} {
			v, _, err := ParseNote(raw, spec)
			if err != nil {
				continue
			}
			if math.IsNaN(v.Lo) || math.IsNaN(v.Hi) || v.Lo > v.Hi || !Meets(v, v) {
				t.Fatalf("ParseNote(%q) by %q = set [%v, %v]", raw, layout, v.Lo, v.Hi)
			}
		}
	})
}
