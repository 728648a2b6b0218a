package value

import (
	"strings"
	"testing"
	"time"
)

func TestParseZone(t *testing.T) {
	summer := time.Date(2011, 7, 1, 12, 0, 0, 0, time.UTC)
	winter := time.Date(2011, 12, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, in       string
		summer, winter int // offsets east of UTC, in hours
		err            string
	}{
		{name: "iana", in: "America/Chicago", summer: -5, winter: -6},
		{name: "iana europe", in: "Europe/Kyiv", summer: 3, winter: 2},
		{name: "iana spaced", in: "  Asia/Tokyo ", summer: 9, winter: 9},
		{name: "offset", in: "-06:00", summer: -6, winter: -6},
		{name: "compact offset", in: "+0530", summer: 5, winter: 5}, // hours only: see below
		{name: "hour offset", in: "+8", summer: 8, winter: 8},
		{name: "utc", in: "UTC", summer: 0, winter: 0},
		{name: "utc lower", in: "utc", summer: 0, winter: 0},
		{name: "utc offset", in: "UTC-5", summer: -5, winter: -5},

		{name: "empty", in: " ", err: "zone is empty"},
		{name: "abbreviation", in: "EST", err: `zone "EST" is an abbreviation`},
		{name: "ambiguous abbreviation", in: "IST", err: "is an abbreviation"},
		{name: "local", in: "Local", err: "is not a time zone"},
		{name: "unknown place", in: "Mars/Olympus_Mons", err: "is not a time zone"},
		{name: "path", in: "../../etc/passwd", err: "is not a time zone"},
		{name: "lower-case place", in: "america/chicago", err: "is not a time zone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			loc, err := ParseZone(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("ParseZone(%q) = %v, %v; want error containing %q", tc.in, loc, err, tc.err)
				}
				checkErrorStyle(t, err)
				return
			}
			if err != nil {
				t.Fatalf("ParseZone(%q): %v", tc.in, err)
			}
			for _, c := range []struct {
				at   time.Time
				want int
			}{{summer, tc.summer}, {winter, tc.winter}} {
				if _, off := c.at.In(loc).Zone(); off/3600 != c.want {
					t.Errorf("ParseZone(%q) at %v: offset %ds, want %dh", tc.in, c.at, off, c.want)
				}
			}
		})
	}
	if loc, _ := ParseZone("+0530"); loc != nil {
		if _, off := winter.In(loc).Zone(); off != 5*3600+1800 {
			t.Errorf("+0530 is %ds east", off)
		}
	}
}

// TestZoneTable holds every abbreviation of the table LEDGER.md
// documents to its offset, and refuses the ambiguous ones.
func TestZoneTable(t *testing.T) {
	h := func(x float64) int { return int(x * 3600) }
	want := map[string]int{
		"Z": 0, "UT": 0, "UTC": 0, "GMT": 0,
		"EST": h(-5), "EDT": h(-4), "CST": h(-6), "CDT": h(-5), "MST": h(-7), "MDT": h(-6),
		"PST": h(-8), "PDT": h(-7), "AKST": h(-9), "AKDT": h(-8), "HST": h(-10), "HDT": h(-9),
		"ADT": h(-3), "NST": h(-3.5), "NDT": h(-2.5),
		"WET": 0, "WEST": h(1), "BST": h(1), "CET": h(1), "CEST": h(2), "EET": h(2), "EEST": h(3), "MSK": h(3),
		"PKT": h(5), "ICT": h(7), "WIB": h(7), "HKT": h(8), "SGT": h(8), "PHT": h(8), "AWST": h(8),
		"KST": h(9), "JST": h(9), "ACST": h(9.5), "ACDT": h(10.5), "AEST": h(10), "AEDT": h(11),
		"NZST": h(12), "NZDT": h(13),
	}
	base := float64(time.Date(2011, 12, 1, 12, 0, 0, 0, time.UTC).Unix())
	for abbr, off := range want {
		v, err := Parse("2011-12-01 12:00 "+abbr, Spec{Type: DateTime})
		if err != nil {
			t.Errorf("%s: %v", abbr, err)
			continue
		}
		if v.Lo != base-float64(off) || v.Hi != v.Lo {
			t.Errorf("%s: %v, want offset %ds", abbr, v, off)
		}
	}
	// The generic North American names follow summer time.
	for _, tc := range []struct {
		raw  string
		want string
	}{
		{"2011-12-01 12:00 ET", "2011-12-01T17:00:00Z"},
		{"2011-07-01 12:00 ET", "2011-07-01T16:00:00Z"},
		{"2011-12-01 12:00 CT", "2011-12-01T18:00:00Z"},
		{"2011-12-01 12:00 MT", "2011-12-01T19:00:00Z"},
		{"2011-07-01 12:00 PT", "2011-07-01T19:00:00Z"},
	} {
		v := mustParse(t, tc.raw, Spec{Type: DateTime})
		if w := rfc3339(t, tc.want); v.Lo != w || v.Hi != w {
			t.Errorf("%s = %v, want %s", tc.raw, v, tc.want)
		}
	}
	for _, abbr := range []string{"IST", "AST", "SST"} {
		_, err := Parse("2011-12-01 12:00 "+abbr, Spec{Type: DateTime})
		if err == nil || !strings.Contains(err.Error(), abbr+" is ambiguous") {
			t.Errorf("%s: %v, want it refused as ambiguous", abbr, err)
		}
	}
	if _, err := Parse("2011-12-01 12:00 XYZ", Spec{Type: DateTime}); err == nil {
		t.Error("an unknown abbreviation was read")
	}
}

func rfc3339(t testing.TB, s string) float64 {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return float64(tm.UnixNano()) / 1e9
}

func TestZoneless(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		spec Spec
		want bool
	}{
		{"12/01/2011 01:55 PM", Spec{Type: DateTime}, true},
		{"2011-12-01 14:07", Spec{Type: DateTime}, true},
		{"about 2011-12-01 14:07", Spec{Type: DateTime}, true},
		{"12/01/2011 01:55 PM EST", Spec{Type: DateTime}, false},
		{"2011-12-01T14:07:00Z", Spec{Type: DateTime}, false},
		{"2011-12-01", Spec{Type: DateTime}, false},
		{"12/01/2011 01:55 PM", Spec{Type: DateTime, Zone: time.UTC}, false},
		{"12/01/2011 01:55 PM", Spec{Type: Date}, false},
		{"1:55 PM", Spec{Type: DateTime}, false}, // no date: an error, not a warning
	} {
		if got := Zoneless(tc.raw, tc.spec); got != tc.want {
			t.Errorf("Zoneless(%q, %v, zone %v) = %v", tc.raw, tc.spec.Type, tc.spec.Zone, got)
		}
	}
}
