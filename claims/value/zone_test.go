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
