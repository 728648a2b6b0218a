package value

import (
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims/value/webtime"
)

func mustZone(t testing.TB, s string) *time.Location {
	t.Helper()
	loc, err := ParseZone(s)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestParseWebDateTime reads times as web pages write them, on a
// datetime topic whose source is in New York and whose claim is dated
// 2011-12-01.
func TestParseWebDateTime(t *testing.T) {
	at := func(s string) float64 { return rfc3339(t, s) }
	newYork := mustZone(t, "America/New_York")
	spec := Spec{Type: DateTime, Zone: newYork, Near: time.Date(2011, 12, 1, 12, 0, 0, 0, newYork)}
	runParseCases(t, spec, []parseCase{
		// The forms of the issue, each at its instant.
		{name: "numeric pm", raw: "12/01/2011 01:55 PM", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "two-digit year offset in parentheses", raw: "12/1/11 2:06 PM (-05:00)", want: pt(at("2011-12-01T14:06:00-05:00"))},
		{name: "glued pm abbreviation", raw: "12/1/2011 2:07PM EST", want: pt(at("2011-12-01T14:07:00-05:00"))},
		{name: "iso date glued pm", raw: "2011-12-01 02:46PM EST", want: pt(at("2011-12-01T14:46:00-05:00"))},
		{name: "iso date 24-hour abbreviation", raw: "2011-12-01 14:07 EST", want: pt(at("2011-12-01T14:07:00-05:00"))},
		{name: "iso date pm offset", raw: "2011-12-01 2:07 PM -05:00", want: pt(at("2011-12-01T14:07:00-05:00"))},
		{name: "weekday and dotted pm", raw: "Thu., Dec.01, 2011 1:55 p.m.", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "no year dash", raw: "Dec 01 - 1:55pm", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "time glued to date", raw: "2:07 PMDec 01", want: pt(at("2011-12-01T14:07:00-05:00"))},
		{name: "p glued to date", raw: "1:55pDec 1", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "day month year words", raw: "1 December 2011 13:55", want: pt(at("2011-12-01T13:55:00-05:00"))},

		// More of the same family.
		{name: "24-hour", raw: "12/01/2011 13:55", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "seconds", raw: "12/01/2011 13:55:30", want: pt(at("2011-12-01T13:55:30-05:00"))},
		{name: "fraction", raw: "2011-12-01 14:07:30.5 EST", want: pt(at("2011-12-01T14:07:30.5-05:00"))},
		{name: "am", raw: "12/01/2011 9:05 am", want: pt(at("2011-12-01T09:05:00-05:00"))},
		{name: "a.m.", raw: "Dec 1, 2011 9:05 a.m.", want: pt(at("2011-12-01T09:05:00-05:00"))},
		{name: "12 am is midnight", raw: "Dec 1, 2011 12:30 AM", want: pt(at("2011-12-01T00:30:00-05:00"))},
		{name: "12 pm is noon", raw: "Dec 1, 2011 12:30 PM", want: pt(at("2011-12-01T12:30:00-05:00"))},
		{name: "hour and pm", raw: "Dec 1, 2011 2 pm", want: pt(at("2011-12-01T14:00:00-05:00"))},
		{name: "at", raw: "December 1, 2011 at 1:55 PM", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "time first", raw: "1:55 PM, Dec 1, 2011", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "time zone date", raw: "1:55 PM ET Dec 1, 2011", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "ordinal and weekday", raw: "Thursday, December 1st, 2011, 1:55 PM", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "dashed words", raw: "01-Dec-2011 13:55", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "year first slashes", raw: "2011/12/01 13:55", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "iso T with pm", raw: "2011-12-01T1:55 PM", want: pt(at("2011-12-01T13:55:00-05:00"))},
		{name: "abbreviation in parentheses", raw: "2011-12-01 14:07 (EST)", want: pt(at("2011-12-01T14:07:00-05:00"))},
		{name: "other zone", raw: "12/01/2011 13:55 CET", want: pt(at("2011-12-01T13:55:00+01:00"))},
		{name: "utc offset", raw: "2011-12-01 14:07 UTC+5", want: pt(at("2011-12-01T14:07:00+05:00"))},
		{name: "pacific generic", raw: "1:55 PM PT Dec 1, 2011", want: pt(at("2011-12-01T13:55:00-08:00"))},
		{name: "noon", raw: "noon", want: pt(at("2011-12-01T12:00:00-05:00"))},
		{name: "12 noon", raw: "Dec 1, 2011 12 noon", want: pt(at("2011-12-01T12:00:00-05:00"))},
		{name: "midnight", raw: "midnight", want: pt(at("2011-12-01T00:00:00-05:00"))},
		{name: "time alone", raw: "14:07", want: pt(at("2011-12-01T14:07:00-05:00"))},

		// ISO as before; without a zone, the topic's.
		{name: "rfc3339", raw: "2011-12-01T14:07:00Z", want: pt(at("2011-12-01T14:07:00Z"))},
		{name: "iso without zone", raw: "2011-12-01 14:07", want: pt(at("2011-12-01T14:07:00-05:00"))},
		{name: "summer", raw: "7/1/2011 1:55 PM", want: pt(at("2011-07-01T13:55:00-04:00"))},

		// A clock that summer time repeats or skips is either reading.
		{name: "repeated hour", raw: "11/6/2011 1:30 AM", want: span(at("2011-11-06T01:30:00-04:00"), at("2011-11-06T01:30:00-05:00"))},
		{name: "skipped hour", raw: "3/13/2011 2:30 AM", want: span(at("2011-03-13T02:30:00-04:00"), at("2011-03-13T02:30:00-05:00"))},

		// A date alone is its whole day in the topic's zone.
		{name: "date alone", raw: "Dec 01, 2011", want: span(at("2011-12-01T00:00:00-05:00"), at("2011-12-01T23:59:59-05:00"))},
		{name: "numeric date alone", raw: "12/01/2011", want: span(at("2011-12-01T00:00:00-05:00"), at("2011-12-01T23:59:59-05:00"))},

		// Ranges and bounds around web forms.
		{name: "range of clocks", raw: "2:00 PM - 3:30 PM", want: span(at("2011-12-01T14:00:00-05:00"), at("2011-12-01T15:30:00-05:00"))},
		{name: "before", raw: "before Dec 1, 2011 1:55 PM", want: lessThanSet(at("2011-12-01T13:55:00-05:00"))},

		{name: "ambiguous zone", raw: "12/1/2011 2:07 PM IST", err: "IST is ambiguous (India +05:30, Ireland +01:00 or Israel +02:00)"},
		{name: "hour 13 pm", raw: "12/1/2011 13:07 PM", err: "is not a date and time"},
		{name: "minute 61", raw: "12/1/2011 1:61 PM", err: "is not a date and time"},
		{name: "hour 24", raw: "12/1/2011 24:00", err: "is not a date and time"},
		{name: "month 13", raw: "13/13/2011 1:55 PM", err: "is not a date and time"},
		{name: "no such day", raw: "Feb 29, 2011 1:55 PM", err: "is not a date and time"},
		{name: "offset off the Earth", raw: "2011-12-01 14:40-16:00", err: "is not a date and time"},
		{name: "unknown zone", raw: "2011-12-01 14:07 XYZ", err: "is not a date and time"},
		{name: "two years", raw: "Dec 1, 2011 2012", err: "is not a date and time"},
	})
}

// TestParseWebDateTimeWithoutZone: without Spec.Zone, a clock written
// without a zone spans every zone, as a date does, and one without a
// date or a year needs Spec.Near.
func TestParseWebDateTimeWithoutZone(t *testing.T) {
	at := func(s string) float64 { return rfc3339(t, s) }
	anyZone := func(wall string) set { w := at(wall); return span(w-webtime.ZoneEast, w+webtime.ZoneWest) }
	runParseCases(t, Spec{Type: DateTime}, []parseCase{
		{name: "numeric pm", raw: "12/01/2011 01:55 PM", want: anyZone("2011-12-01T13:55:00Z")},
		{name: "iso without zone", raw: "2011-12-01 14:07", want: anyZone("2011-12-01T14:07:00Z")},
		{name: "zone written", raw: "12/1/2011 2:07PM EST", want: pt(at("2011-12-01T14:07:00-05:00"))},
		{name: "date alone", raw: "Dec 01, 2011", want: span(at("2011-11-30T10:00:00Z"), at("2011-12-02T11:59:59Z"))},

		{name: "no year", raw: "Dec 01 - 1:55pm", err: `"Dec 01 - 1:55pm" has no year: write one (as in "Dec 1, 2011"), or date the claim`},
		{name: "no date", raw: "1:55 PM", err: `"1:55 PM" has no date: write one`},
		{name: "noon", raw: "noon", err: "has no date"},
	})
}

// TestNear: a value without a year or a date takes the one nearest the
// claim's date; a tie goes to the earlier.
func TestNear(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	for _, tc := range []struct {
		name, raw string
		typ       Type
		near      string
		want      string // RFC 3339 for datetimes, a day for dates
	}{
		{"previous year", "Dec 01", Date, "2012-01-03T00:00:00Z", "2011-12-01"},
		{"next year", "Jan 2", Date, "2011-12-30T00:00:00Z", "2012-01-02"},
		{"same year", "June 5", Date, "2011-09-30T00:00:00Z", "2011-06-05"},
		{"nearer next year", "June 5", Date, "2011-12-30T00:00:00Z", "2012-06-05"},
		{"leap day", "Feb 29", Date, "2011-06-01T00:00:00Z", "2012-02-29"},
		{"day first", "5 June", Date, "2011-06-01T00:00:00Z", "2011-06-05"},
		{"previous day", "11:50 PM", DateTime, "2011-12-02T00:10:00Z", "2011-12-01T23:50:00Z"},
		{"next day", "12:10 AM", DateTime, "2011-12-01T23:55:00Z", "2011-12-02T00:10:00Z"},
		{"same day", "1:55 PM", DateTime, "2011-12-01T12:00:00Z", "2011-12-01T13:55:00Z"},
		{"tie earlier", "midnight", DateTime, "2011-12-01T12:00:00Z", "2011-12-01T00:00:00Z"},
		{"zone written", "11:50 PM EST", DateTime, "2011-12-02T05:00:00Z", "2011-12-02T04:50:00Z"},
		{"year from near", "Dec 31 11:50 PM", DateTime, "2012-01-01T00:30:00Z", "2011-12-31T23:50:00Z"},
		{"two-digit year near", "12/1/11", Date, "1911-06-01T00:00:00Z", "1911-12-01"},
		{"two-digit year far", "12/1/99", Date, "2011-06-01T00:00:00Z", "1999-12-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := Spec{Type: tc.typ, Near: at(tc.near)}
			if tc.typ == DateTime {
				spec.Zone = time.UTC
			}
			v := mustParse(t, tc.raw, spec)
			got := fmtDay(v.Lo)
			if tc.typ == DateTime {
				got = time.Unix(int64(v.Lo), 0).UTC().Format(time.RFC3339)
			}
			if got != tc.want || v.Lo != v.Hi {
				t.Errorf("%q near %s = %v, want %s", tc.raw, tc.near, v, tc.want)
			}
		})
	}
	// Without Near, a two-digit year falls in 1969–2068.
	for raw, want := range map[string]string{"12/1/11": "2011-12-01", "1/1/68": "2068-01-01", "1/1/69": "1969-01-01"} {
		if v := mustParse(t, raw, Spec{Type: Date}); fmtDay(v.Lo) != want {
			t.Errorf("%q = %v, want %s", raw, v, want)
		}
	}
}

// TestParseWebDate: date topics read the date of every web form.
func TestParseWebDate(t *testing.T) {
	dec1, jan12 := pt(dayOf(2011, 12, 1)), pt(dayOf(2011, 1, 12))
	near := time.Date(2011, 12, 1, 12, 0, 0, 0, time.UTC)
	runParseCases(t, Spec{Type: Date, Near: near}, []parseCase{
		{name: "numeric", raw: "12/01/2011", want: dec1},
		{name: "month first by default", raw: "01/12/2011", want: jan12},
		{name: "only day first possible", raw: "13/01/2011", want: pt(dayOf(2011, 1, 13))},
		{name: "dots", raw: "12.01.2011", want: dec1},
		{name: "dashes", raw: "12-01-2011", want: dec1},
		{name: "one-digit parts", raw: "12/1/2011", want: dec1},
		{name: "two-digit year", raw: "12/1/11", want: dec1},
		{name: "year first", raw: "2011/12/01", want: dec1},
		{name: "iso with a web time", raw: "2011-12-01 02:46PM EST", want: dec1},
		{name: "date of a web datetime", raw: "Thu., Dec.01, 2011 1:55 p.m.", want: dec1},
		{name: "no year", raw: "Dec 01 - 1:55pm", want: dec1},
		{name: "glued", raw: "2:07 PMDec 01", want: dec1},
		{name: "day month", raw: "1 December 2011", want: dec1},
		{name: "range", raw: "12/01/2011 to 12/05/2011", want: span(dayOf(2011, 12, 1), dayOf(2011, 12, 5))},

		{name: "time alone", raw: "1:55 PM", err: `"1:55 PM" is not a date`},
		{name: "month 13", raw: "13/13/2011", err: "is not a date"},
		{name: "one-digit year", raw: "12/1/1", err: "is not a date"},
		{name: "five parts", raw: "1.2.3.4", err: "is not a date"},
	})
	runParseCases(t, Spec{Type: Date}, []parseCase{
		{name: "no year without near", raw: "Dec 01", err: `"Dec 01" has no year`},
	})
	runParseCases(t, Spec{Type: Date, DateOrder: OrderDMY}, []parseCase{
		{name: "dmy", raw: "01/12/2011", want: dec1},
		{name: "dmy dots", raw: "01.12.2011", want: dec1},
		{name: "dmy two-digit year", raw: "1/12/11", want: dec1},
		{name: "year first whatever the order", raw: "2011/12/01", want: dec1},
		{name: "words whatever the order", raw: "Dec 1, 2011", want: dec1},
		{name: "impossible in dmy", raw: "12/13/2011", err: `"12/13/2011" is not a date in day/month/year order`},
	})
	runParseCases(t, Spec{Type: Date, DateOrder: OrderMDY}, []parseCase{
		{name: "mdy", raw: "12/01/2011", want: dec1},
		{name: "impossible in mdy", raw: "13/01/2011", err: `"13/01/2011" is not a date in month/day/year order`},
	})
	runParseCases(t, Spec{Type: Date, DateOrder: OrderYMD}, []parseCase{
		{name: "ymd", raw: "11/12/01", want: dec1},
		{name: "four-digit year", raw: "2011/12/01", want: dec1},
		{name: "year last", raw: "12/01/2011", err: "is not a date in year/month/day order"},
	})
}

func TestParseDateOrder(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want DateOrder
		ok   bool
	}{
		{"mdy", OrderMDY, true}, {" DMY ", OrderDMY, true}, {"y-m-d", OrderYMD, true}, {"d/m/y", OrderDMY, true},
		{"", OrderUnset, false}, {"dym", OrderUnset, false}, {"day first", OrderUnset, false},
	} {
		got, ok := ParseDateOrder(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseDateOrder(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		if ok && got.String() != map[DateOrder]string{OrderMDY: "mdy", OrderDMY: "dmy", OrderYMD: "ymd"}[got] {
			t.Errorf("%v.String() = %q", got, got.String())
		}
	}
}

func TestAmbiguousDate(t *testing.T) {
	near := time.Date(2011, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, raw string
		spec      Spec
		want      [2]string
		ok        bool
	}{
		{"day and month swap", "01/12/2011", Spec{Type: Date}, [2]string{"2011-01-12", "2011-12-01"}, true},
		{"datetime", "12/01/2011 01:55 PM", Spec{Type: DateTime}, [2]string{"2011-12-01", "2011-01-12"}, true},
		{"two-digit year", "12/1/11", Spec{Type: Date, Near: near}, [2]string{"2011-12-01", "2011-01-12"}, true},
		{"dots", "01.12.2011", Spec{Type: Date}, [2]string{"2011-01-12", "2011-12-01"}, true},
		{"in a range", "from 12/20/2011 to 01/02/2012", Spec{Type: Date}, [2]string{"2012-01-02", "2012-02-01"}, true},

		{"day past 12", "13/01/2011", Spec{Type: Date}, [2]string{}, false},
		{"month past 12 second", "01/13/2011", Spec{Type: Date}, [2]string{}, false},
		{"same both ways", "05/05/2011", Spec{Type: Date}, [2]string{}, false},
		{"year first", "2011/12/01", Spec{Type: Date}, [2]string{}, false},
		{"iso", "2011-12-01", Spec{Type: Date}, [2]string{}, false},
		{"words", "Dec 1, 2011", Spec{Type: Date}, [2]string{}, false},
		{"order declared", "01/12/2011", Spec{Type: Date, DateOrder: OrderMDY}, [2]string{}, false},
		{"not a date topic", "01/12/2011", Spec{Type: Text}, [2]string{}, false},
		{"does not parse", "01/12/2011 99:00", Spec{Type: DateTime}, [2]string{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := AmbiguousDate(tc.raw, tc.spec)
			if got != tc.want || ok != tc.ok {
				t.Errorf("AmbiguousDate(%q) = %q, %v; want %q, %v", tc.raw, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestDateOnDateTimeIsVague: a date alone on a datetime topic is its
// whole day, so it meets every time of that day and conflicts with none
// of them, while two different days still conflict.
func TestDateOnDateTimeIsVague(t *testing.T) {
	newYork := mustZone(t, "America/New_York")
	for _, tc := range []struct {
		name string
		spec Spec
		a, b string
		want bool
	}{
		{"any zone, morning", Spec{Type: DateTime}, "2011-12-01", "2011-12-01 08:00 EST", true},
		{"any zone, late", Spec{Type: DateTime}, "Dec 1, 2011", "2011-12-01 23:30 PST", true},
		{"any zone, another day", Spec{Type: DateTime}, "2011-12-01", "2011-12-03 10:00 UTC", false},
		{"any zone, two days apart", Spec{Type: DateTime}, "2011-12-01", "2011-12-03", true}, // UTC+14 and UTC-12
		{"any zone, three days apart", Spec{Type: DateTime}, "2011-12-01", "2011-12-04", false},
		{"topic zone, late", Spec{Type: DateTime, Zone: newYork}, "12/01/2011", "2011-12-01 23:30 EST", true},
		{"topic zone, next day", Spec{Type: DateTime, Zone: newYork}, "12/01/2011", "2011-12-02 05:30 UTC", false},
		{"clock without zone meets zoned", Spec{Type: DateTime}, "12/01/2011 1:55 PM", "2011-12-01 13:55 EST", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := mustParse(t, tc.a, tc.spec), mustParse(t, tc.b, tc.spec)
			if got := Meets(a, b); got != tc.want {
				t.Errorf("Meets(%v, %v) = %v, want %v", a, b, got, tc.want)
			}
			if tc.want && !Meets(b, a) {
				t.Errorf("Meets is not symmetric for %v, %v", a, b)
			}
			if !tc.want && Gap(a, b) == 0 {
				t.Errorf("Gap(%v, %v) = 0 for values that do not meet", a, b)
			}
		})
	}
}

// webForms and isoForms are the values BenchmarkParseDatetime reads.
var (
	webForms = []string{
		"12/01/2011 01:55 PM", "12/1/11 2:06 PM (-05:00)", "12/1/2011 2:07PM EST", "2011-12-01 02:46PM EST",
		"2011-12-01 14:07 EST", "2011-12-01 2:07 PM -05:00", "Thu., Dec.01, 2011 1:55 p.m.", "Dec 01 - 1:55pm",
		"2:07 PMDec 01", "1:55pDec 1", "1 December 2011 13:55",
	}
	isoForms = []string{"2011-12-01T14:07:00-05:00", "2011-12-01T19:07:00Z", "2011-12-01 14:07 UTC"}
)

// BenchmarkParseDatetime compares the web forms with the ISO ones, per
// value: "iso" and "web" read each list in turn (ns/value is the figure
// to compare: a web form may cost at most 1.5 times an ISO one), and
// the sub-benchmarks each value alone. The topic has a zone and the
// claim a date, as a feed's would.
func BenchmarkParseDatetime(b *testing.B) {
	spec := Spec{Type: DateTime, Zone: mustZone(b, "America/New_York"), Near: time.Date(2011, 12, 1, 17, 0, 0, 0, time.UTC)}
	for _, set := range []struct {
		name string
		raws []string
	}{{"iso", isoForms}, {"web", webForms}} {
		b.Run(set.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, raw := range set.raws {
					if _, err := Parse(raw, spec); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(set.raws)), "ns/value")
		})
		for _, raw := range set.raws {
			b.Run(set.name+"/"+raw, func(b *testing.B) {
				for b.Loop() {
					Parse(raw, spec)
				}
			})
		}
	}
}
