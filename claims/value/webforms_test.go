package value

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// formCase is a web form: what it reads as (an instant or a span, no
// value, or an error containing err) and the note it leaves.
type formCase struct {
	name    string
	raw     string
	want    set
	noValue bool
	err     string
	note    string
}

func runFormCases(t *testing.T, spec Spec, cases []formCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, note, err := ParseNote(tc.raw, spec)
			switch {
			case tc.noValue:
				if !errors.Is(err, ErrNoValue) {
					t.Fatalf("ParseNote(%q) = %v, %v; want no value", tc.raw, v, err)
				}
			case tc.err != "":
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("ParseNote(%q) = %v, %v; want an error containing %q", tc.raw, v, err, tc.err)
				}
				checkErrorStyle(t, err)
			case err != nil:
				t.Fatalf("ParseNote(%q): %v", tc.raw, err)
			default:
				checkSet(t, v, tc.want)
			}
			if note != tc.note {
				t.Errorf("ParseNote(%q) note %q, want %q", tc.raw, note, tc.note)
			}
		})
	}
}

// TestWebForms: the forms real flight-status pages write, read on a
// datetime topic in New York dated 2011-12-04.
func TestWebForms(t *testing.T) {
	at := func(s string) float64 { return rfc3339(t, s) }
	newYork := mustZone(t, "America/New_York")
	spec := Spec{Type: DateTime, Zone: newYork, Near: time.Date(2011, 12, 4, 12, 0, 0, 0, newYork)}
	dec4 := span(at("2011-12-04T00:00:00-05:00"), at("2011-12-04T23:59:59-05:00"))
	runFormCases(t, spec, []formCase{
		// A placeholder after a date: no value, its words the note.
		{name: "contact airline", raw: "Dec 04 - Contact Airline", noValue: true, note: "Contact Airline"},
		{name: "not available", raw: "Dec 04 - Not Available", noValue: true, note: "Not Available"},
		{name: "cancelled after iso date", raw: "2011-12-04 Cancelled", noValue: true, note: "Cancelled"},
		{name: "canceled", raw: "Dec 04 - Canceled", noValue: true, note: "Canceled"},
		{name: "weekday date cancelled", raw: "Sun, Dec 4 Cancelled", noValue: true, note: "Cancelled"},
		{name: "placeholder and notes", raw: "2011-12-04 result unknown (?) (track log &amp; graph)", noValue: true,
			note: "result unknown; ?; track log & graph"},

		// A status after the time: the time, the status its note.
		{name: "delayed", raw: "Sun, Dec 4 3:12 PM            Delayed", want: pt(at("2011-12-04T15:12:00-05:00")), note: "Delayed"},
		{name: "on time", raw: "Sun, Dec 4 3:12 PM            On Time", want: pt(at("2011-12-04T15:12:00-05:00")), note: "On Time"},
		{name: "status after a zone", raw: "12/4/2011 3:12 PM EST Landed", want: pt(at("2011-12-04T15:12:00-05:00")), note: "Landed"},
		{name: "status in capitals", raw: "3:12 PM ON TIME", want: pt(at("2011-12-04T15:12:00-05:00")), note: "ON TIME"},

		// HTML entities, with or without their semicolon.
		{name: "nbsp without semicolon", raw: "4:12 PM, Dec 04&nbsp", want: pt(at("2011-12-04T16:12:00-05:00"))},
		{name: "nbsp and a note", raw: "4:12 PM, Dec 04&nbsp(Estimated)", want: pt(at("2011-12-04T16:12:00-05:00")), note: "Estimated"},
		{name: "numeric entity", raw: "4:12&#160;PM Dec&#160;04", want: pt(at("2011-12-04T16:12:00-05:00"))},
		{name: "hex entity", raw: "Dec 04&#xA0;4:12 PM", want: pt(at("2011-12-04T16:12:00-05:00"))},
		{name: "date and entity", raw: "Dec 04&nbsp;", want: dec4},

		// A marker after the time.
		{name: "asterisk", raw: "Dec 04 - 4:12pm*", want: pt(at("2011-12-04T16:12:00-05:00")), note: "*"},
		{name: "dagger", raw: "Dec 04 4:12 PM †", want: pt(at("2011-12-04T16:12:00-05:00")), note: "†"},
		{name: "marker then status", raw: "Dec 04 4:12 PM* Delayed", want: pt(at("2011-12-04T16:12:00-05:00")), note: "* Delayed"},

		// A weekday between the date and the time, which must be the date's.
		{name: "weekday between", raw: "2011-12-04 Sun  16:12", want: pt(at("2011-12-04T16:12:00-05:00"))},
		{name: "weekday after time", raw: "11:59 PM  Sun 04-Dec-2011", want: pt(at("2011-12-04T23:59:00-05:00"))},
		{name: "wrong weekday", raw: "2011-12-04 Sat  23:55", err: "says Saturday, but Dec 4, 2011 was a Sunday"},
		{name: "wrong weekday first", raw: "Thu, Dec 4 3:12 PM", err: "says Thursday, but Dec 4, 2011 was a Sunday"},

		// Words after a time that could change the instant: refused.
		{name: "zone name", raw: "Dec 04 3:12 PM Pacific", err: "is not a date and time"},
		{name: "zone words", raw: "Dec 04 3:12 PM Eastern Time", err: "is not a date and time"},
		{name: "next day", raw: "11:55 PM next day", err: "is not a date and time"},
		{name: "part of the day", raw: "3:12 in the evening", err: "is not a date and time"},
		{name: "a bound is no status", raw: "Dec 04 3:12 PM or later", want: atLeastSet(at("2011-12-04T15:12:00-05:00"))},
		{name: "range word", raw: "Dec 04 3:12 PM until late", err: "is not a date and time"},
		{name: "unknown abbreviation", raw: "Dec 04 3:12 PM XYZ", err: "is not a date and time"},
		{name: "ambiguous abbreviation", raw: "Dec 04 3:12 PM IST", err: "IST is ambiguous"},
		{name: "weekday after both", raw: "Dec 04 3:12 PM Sun", err: "is not a date and time"},
		{name: "digits after", raw: "Dec 04 3:12 PM Gate 4", err: "is not a date and time"},
		{name: "crawl date first", raw: "2011-12-04 12/03 11:55 PM", err: "is not a date and time"},
	})
}

// TestWebFormsOnDates: on a date topic, a marker or a status after the
// date is a note, but words in place of a time are not read.
func TestWebFormsOnDates(t *testing.T) {
	dec4 := float64(dayNumber(2011, 12, 4))
	runFormCases(t, Spec{Type: Date, Near: time.Date(2011, 12, 4, 12, 0, 0, 0, time.UTC)}, []formCase{
		{name: "marker", raw: "Dec 04*", want: pt(dec4), note: "*"},
		{name: "status after time", raw: "Dec 4, 2011 3:12 PM Delayed", want: pt(dec4), note: "Delayed"},
		{name: "words after date", raw: "Dec 04 - Contact Airline", err: "is not a date"},
		{name: "entity", raw: "Dec&nbsp;4, 2011", want: pt(dec4)},
	})
}

// TestShortPlaceholders: NA, n/a, --, - and * alone are no value, NA not
// on topics whose values may be names.
func TestShortPlaceholders(t *testing.T) {
	for _, raw := range []string{"NA", "na", " NA ", "n/a", "--", "-", "*", "**", "NA (site down)"} {
		for _, spec := range []Spec{{Type: Number}, {Type: Percent}, {Type: Money}, {Type: DateTime}, {Type: Date}, {Type: Bool}} {
			if _, err := Parse(raw, spec); !errors.Is(err, ErrNoValue) {
				t.Errorf("Parse(%q, %s) = %v, want no value", raw, spec.Type, err)
			}
		}
	}
	for _, spec := range []Spec{{Type: Text}, {Type: Names}, {Type: Choice, Choices: []ChoiceDef{{Name: "NA"}, {Name: "EU"}}}} {
		if _, err := Parse("NA", spec); errors.Is(err, ErrNoValue) {
			t.Errorf("Parse(NA, %s) is no value, want a value", spec.Type)
		}
	}
	if _, err := Parse("*", Spec{Type: Text}); !errors.Is(err, ErrNoValue) {
		t.Errorf("Parse(*, text) = %v, want no value", err)
	}
}

// TestAmbiguousZoneDecided: an ambiguous abbreviation takes the meaning
// whose offset the declared zone has at that moment; it is an error
// when nothing is declared, or when the declared zone has neither.
func TestAmbiguousZoneDecided(t *testing.T) {
	at := func(s string) float64 { return rfc3339(t, s) }
	near := time.Date(2011, 12, 4, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		zone, raw string
		want      set
		err       string
	}{
		{"-04:00", "12/4/2011 4:12PM AST", pt(at("2011-12-04T16:12:00-04:00")), ""},
		{"America/Puerto_Rico", "12/4/2011 4:12PM AST", pt(at("2011-12-04T16:12:00-04:00")), ""},
		{"Asia/Riyadh", "12/4/2011 4:12PM AST", pt(at("2011-12-04T16:12:00+03:00")), ""},
		{"Asia/Kolkata", "Dec 4, 2011 4:12 PM IST", pt(at("2011-12-04T16:12:00+05:30")), ""},
		{"Europe/Dublin", "Jul 4, 2011 4:12 PM IST", pt(at("2011-07-04T16:12:00+01:00")), ""},
		{"Asia/Jerusalem", "2011-12-04 16:12 IST", pt(at("2011-12-04T16:12:00+02:00")), ""},
		// The zone at that moment decides: Dublin is at +00:00 in December.
		{"Europe/Dublin", "Dec 4, 2011 4:12 PM IST", set{}, "the declared zone Europe/Dublin, at +00:00 then, is neither"},
		{"-05:00", "12/4/2011 4:12PM AST", set{}, "AST is ambiguous (Atlantic -04:00 or Arabia +03:00), and the declared zone -05:00"},
		{"", "12/4/2011 4:12PM AST", set{}, "or declare `zone:` on the source or the topic"},
	} {
		spec := Spec{Type: DateTime, Near: near}
		if tc.zone != "" {
			spec.Zone = mustZone(t, tc.zone)
		}
		v, err := Parse(tc.raw, spec)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s in %s: %v, %v; want an error containing %q", tc.raw, tc.zone, v, err, tc.err)
			}
		case err != nil:
			t.Errorf("%s in %s: %v", tc.raw, tc.zone, err)
		default:
			checkSet(t, v, tc.want)
		}
	}
}

// TestEntitiesInAmounts: entities are decoded on every type that is read,
// and kept on text, which is compared as written.
func TestEntitiesInAmounts(t *testing.T) {
	runParseCases(t, Spec{Type: Number}, []parseCase{
		{name: "no-break space groups", raw: "600&nbsp;000", want: pt(600000)},
		{name: "without semicolon", raw: "600&nbsp000", want: pt(600000)},
		{name: "numeric", raw: "600&#160;000", want: pt(600000)},
		{name: "trailing", raw: "5&nbsp", want: pt(5)},
		{name: "ampersand alone", raw: "&amp;", err: "is not a number"},
	})
	runParseCases(t, Spec{Type: Money, Unit: "USD"}, []parseCase{
		{name: "money", raw: "$5&nbsp;million", want: pt(5e6)},
	})
	if v := mustParse(t, "AT&amp;T", Spec{Type: Text}); v.Atom == mustParse(t, "AT&T", Spec{Type: Text}).Atom {
		t.Errorf("text decoded its entity: %q", v.Atom)
	}
}
