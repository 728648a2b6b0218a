package value

import (
	"strings"
	"testing"
	"time"
)

func mustLayouts(t *testing.T, srcs ...string) []Layout {
	t.Helper()
	var ls []Layout
	for _, s := range srcs {
		l, err := ParseLayout(s)
		if err != nil {
			t.Fatalf("ParseLayout(%q): %v", s, err)
		}
		ls = append(ls, l)
	}
	return ls
}

// TestLayouts: a declared layout reads the forms no rule should guess,
// in Go's reference time or in strftime's fields, before the rules.
func TestLayouts(t *testing.T) {
	at := func(s string) float64 { return rfc3339(t, s) }
	chicago := mustZone(t, "America/Chicago")
	near := time.Date(2011, 12, 4, 12, 0, 0, 0, chicago)
	for _, tc := range []struct {
		name    string
		layouts []string
		raw     string
		want    set
		note    string
		err     string
	}{
		{name: "crawl date first, go", layouts: []string{"2006-01-02 01/02 3:04 PM"}, raw: "2011-12-04 12/03 11:55 PM", want: pt(at("2011-12-03T23:55:00-06:00"))},
		{name: "crawl date first, strftime", layouts: []string{"%Y-%m-%d %m/%d %I:%M %p"}, raw: "2011-12-04 12/3 11:55 PM", want: pt(at("2011-12-03T23:55:00-06:00"))},
		{name: "the real day after the crawl day", layouts: []string{"2006-01-02 01/02 3:04 PM"}, raw: "2011-12-04 12/5 12:10 AM", want: pt(at("2011-12-05T00:10:00-06:00"))},
		{name: "across new year", layouts: []string{"2006-01-02 01/02 3:04 PM"}, raw: "2012-01-01 12/31 11:55 PM", want: pt(at("2011-12-31T23:55:00-06:00"))},
		{name: "second layout", layouts: []string{"2006-01-02 01/02 3:04 PM", "02.01.2006 15h04"}, raw: "03.12.2011 23h55", want: pt(at("2011-12-03T23:55:00-06:00"))},
		{name: "glued fields", layouts: []string{"20060102 1504"}, raw: "20111203 2355", want: pt(at("2011-12-03T23:55:00-06:00"))},
		{name: "month name and zone", layouts: []string{"Mon Jan _2 15:04:05 MST 2006"}, raw: "Sat Dec  3 23:55:00 EST 2011", want: pt(at("2011-12-03T23:55:00-05:00"))},
		{name: "offset", layouts: []string{"%d/%m/%Y %H:%M %z"}, raw: "03/12/2011 23:55 +0100", want: pt(at("2011-12-03T23:55:00+01:00"))},
		{name: "fraction", layouts: []string{"2006-01-02 15:04:05.000"}, raw: "2011-12-03 23:55:00.500", want: pt(at("2011-12-03T23:55:00.5-06:00"))},
		{name: "status after", layouts: []string{"2006-01-02 01/02 3:04 PM"}, raw: "2011-12-04 12/03 11:55 PM Delayed", want: pt(at("2011-12-03T23:55:00-06:00")), note: "Delayed"},
		{name: "no match falls back to the rules", layouts: []string{"2006-01-02 01/02 3:04 PM"}, raw: "12/03/2011 11:55 PM", want: pt(at("2011-12-03T23:55:00-06:00"))},
		{name: "wrong weekday", layouts: []string{"Mon 2006-01-02 15:04"}, raw: "Sun 2011-12-03 23:55", err: "says Sunday, but Dec 3, 2011 was a Saturday"},
		{name: "no match and no rule", layouts: []string{"2006-01-02 01/02 3:04 PM"}, raw: "2011-12-04 12/33 11:55 PM", err: `and matches no declared layout ("2006-01-02 01/02 3:04 PM")`},
		{name: "hour out of range", layouts: []string{"2006-01-02 3:04 PM"}, raw: "2011-12-04 13:55 PM", err: "is not a date and time"},
		{name: "without a layout", raw: "2011-12-04 12/03 11:55 PM", err: "is not a date and time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := Spec{Type: DateTime, Zone: chicago, Near: near, Layouts: mustLayouts(t, tc.layouts...)}
			v, note, err := ParseNote(tc.raw, spec)
			switch {
			case tc.err != "":
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("ParseNote(%q) = %v, %v; want an error containing %q", tc.raw, v, err, tc.err)
				}
				checkErrorStyle(t, err)
				return
			case err != nil:
				t.Fatalf("ParseNote(%q): %v", tc.raw, err)
			}
			checkSet(t, v, tc.want)
			if note != tc.note {
				t.Errorf("note %q, want %q", note, tc.note)
			}
		})
	}
	// On a date topic, a layout reads the date.
	v := mustParse(t, "2011-12-04 12/03 11:55 PM", Spec{Type: Date, Near: near, Layouts: mustLayouts(t, "%Y-%m-%d %m/%d %I:%M %p")})
	if want := float64(dayNumber(2011, 12, 3)); v.Lo != want || v.Hi != want {
		t.Errorf("date by layout = %v, want Dec 3", v)
	}
}

// TestLayoutSettlesOrder: a value a layout reads has its day and month
// where the layout says, so it is not an ambiguous date.
func TestLayoutSettlesOrder(t *testing.T) {
	spec := Spec{Type: DateTime, Near: time.Date(2011, 12, 4, 12, 0, 0, 0, time.UTC)}
	if _, ok := AmbiguousDate("03.12.2011 23:55", spec); !ok {
		t.Fatal("03.12.2011 is ambiguous without a layout")
	}
	spec.Layouts = mustLayouts(t, "%d.%m.%Y %H:%M")
	if r, ok := AmbiguousDate("03.12.2011 23:55", spec); ok {
		t.Errorf("03.12.2011 read by a layout is ambiguous: %v", r)
	}
	if _, ok := AmbiguousDate("03/12/2011 23:55", spec); !ok {
		t.Error("a value no layout reads is ambiguous as before")
	}
}

func TestParseLayoutErrors(t *testing.T) {
	for _, tc := range []struct{ layout, err string }{
		{"", "layout is empty"},
		{"   ", "layout is empty"},
		{"hello", "names no field of a date or a time"},
		{"%Y-%m-%d %Q", "has %Q, which claimdiff does not read"},
		{"%Y-%m-%", "ends in a %"},
		{strings.Repeat("2006", 40), "too long"},
	} {
		_, err := ParseLayout(tc.layout)
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ParseLayout(%q) = %v, want an error containing %q", tc.layout, err, tc.err)
			continue
		}
		checkErrorStyle(t, err)
	}
	if l, err := ParseLayout("2006-01-02 01/02 3:04 PM"); err != nil || l.String() != "2006-01-02 01/02 3:04 PM" {
		t.Errorf("ParseLayout = %v, %v", l, err)
	}
}

// TestFormErrorHint: a refused date or time lists the forms read, and
// says how to declare another.
func TestFormErrorHint(t *testing.T) {
	for _, spec := range []Spec{{Type: DateTime}, {Type: Date}} {
		_, err := Parse("2011-12-04 12/03 11:55 PM", spec)
		h := Hint(err)
		if !strings.Contains(h, `accepted forms include "2011-12-04T16:12:00-05:00"`) || !strings.Contains(h, "declare `layout:` on the source or the topic") {
			t.Errorf("%s: hint %q", spec.Type, h)
		}
	}
	if _, err := Parse("12/4/2011 4:12PM AST", Spec{Type: DateTime}); Hint(err) != "" {
		t.Errorf("an ambiguous zone has its own advice, got hint %q", Hint(err))
	}
	near := time.Date(2011, 12, 4, 12, 0, 0, 0, time.UTC)
	for _, f := range acceptedForms {
		if _, err := Parse(f, Spec{Type: DateTime, Near: near}); err != nil {
			t.Errorf("the accepted form %q: %v", f, err)
		}
	}
	if _, err := Parse("lots", Spec{Type: Number}); err == nil || Hint(err) != "" {
		t.Errorf("number: %v, hint %q", err, Hint(err))
	}
}
