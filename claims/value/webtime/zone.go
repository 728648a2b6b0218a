package webtime

import (
	"fmt"
	"strings"
	"sync"
	"time"

	// The zone database travels with the binary: CI machines and
	// containers often have no /usr/share/zoneinfo, and a ledger that
	// says `zone: America/Chicago` must read the same everywhere.
	_ "time/tzdata"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// ParseZone reads a `zone:` declaration: an IANA name
// ("America/Chicago", "Europe/Kyiv"), UTC, or a fixed offset ("-06:00",
// "+0530", "+8", "UTC-5"). Values written without a zone are then read
// in it, with its daylight-saving rules for an IANA name. Abbreviations
// such as EST are refused here, since a fixed "EST" declared for a
// source that writes summer times as well would be an hour off half the
// year: declare America/New_York instead.
func ParseZone(s string) (*time.Location, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return nil, fmt.Errorf("zone is empty: give an IANA name such as America/Chicago, or an offset such as -06:00")
	}
	if off, ok := zone(strings.ToLower(t)); ok {
		if off == 0 {
			return time.UTC, nil
		}
		return time.FixedZone(offsetName(off), off), nil
	}
	if _, found := zoneAbbrs[strings.ToLower(t)]; found {
		return nil, fmt.Errorf("zone %s is an abbreviation: declare the place's IANA name (such as America/New_York), "+
			"so that summer time is right, or a fixed offset such as -05:00", lex.Quote(t))
	}
	// "Local" would make a ledger read differently on every machine.
	if t != "Local" && !strings.Contains(t, "..") {
		if loc, err := time.LoadLocation(t); err == nil {
			return loc, nil
		}
	}
	return nil, fmt.Errorf("%s is not a time zone: give an IANA name such as America/Chicago, or an offset such as -06:00", lex.Quote(t))
}

// offsetName is how a fixed zone shows its offset: "+05:30".
func offsetName(off int) string {
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d:%02d", sign, off/3600, off/60%60)
}

// abbr is what a zone abbreviation means: a fixed offset east of UTC in
// seconds, or, for the North American generic names (ET, CT, MT, PT), a
// place whose rules say whether summer time applies. ambiguous, when set,
// lists the meanings of an abbreviation that claimdiff refuses to guess,
// and offs their offsets: the topic's or the source's declared zone
// decides between them.
type abbr struct {
	off       int
	place     string
	ambiguous string
	offs      []int
}

// zoneAbbrs is the table of zone abbreviations, documented in LEDGER.md
// ("Times, zones and placeholders"). Where an abbreviation has several
// meanings, the one that English-language feeds use most is taken (CST
// is US Central, not China; BST is British Summer Time, not Bangladesh)
// and the others must be written as offsets; where no meaning dominates
// (IST, AST, SST), it is refused.
var zoneAbbrs = map[string]abbr{
	"z": {}, "ut": {}, "utc": {}, "gmt": {},
	// North America
	"est": {off: -5 * 3600}, "edt": {off: -4 * 3600},
	"cst": {off: -6 * 3600}, "cdt": {off: -5 * 3600},
	"mst": {off: -7 * 3600}, "mdt": {off: -6 * 3600},
	"pst": {off: -8 * 3600}, "pdt": {off: -7 * 3600},
	"akst": {off: -9 * 3600}, "akdt": {off: -8 * 3600},
	"hst": {off: -10 * 3600}, "hdt": {off: -9 * 3600},
	"adt": {off: -3 * 3600},
	"nst": {off: -(3*3600 + 1800)}, "ndt": {off: -(2*3600 + 1800)},
	"et": {place: "America/New_York"}, "ct": {place: "America/Chicago"},
	"mt": {place: "America/Denver"}, "pt": {place: "America/Los_Angeles"},
	// Europe
	"wet": {}, "west": {off: 3600}, "bst": {off: 3600},
	"cet": {off: 3600}, "cest": {off: 2 * 3600},
	"eet": {off: 2 * 3600}, "eest": {off: 3 * 3600},
	"msk": {off: 3 * 3600},
	// Asia and the Pacific
	"pkt": {off: 5 * 3600}, "ict": {off: 7 * 3600}, "wib": {off: 7 * 3600},
	"hkt": {off: 8 * 3600}, "sgt": {off: 8 * 3600}, "pht": {off: 8 * 3600}, "awst": {off: 8 * 3600},
	"kst": {off: 9 * 3600}, "jst": {off: 9 * 3600},
	"acst": {off: 9*3600 + 1800}, "acdt": {off: 10*3600 + 1800},
	"aest": {off: 10 * 3600}, "aedt": {off: 11 * 3600},
	"nzst": {off: 12 * 3600}, "nzdt": {off: 13 * 3600},
	// Refused.
	"ist": {ambiguous: "India +05:30, Ireland +01:00 or Israel +02:00", offs: []int{5*3600 + 1800, 3600, 2 * 3600}},
	"ast": {ambiguous: "Atlantic -04:00 or Arabia +03:00", offs: []int{-4 * 3600, 3 * 3600}},
	"sst": {ambiguous: "Samoa -11:00 or Singapore +08:00", offs: []int{-11 * 3600, 8 * 3600}},
}

// fixedAbbr is the offset of a lower-case abbreviation of a fixed
// offset in the table ("est"); ok is false for any other text.
func fixedAbbr(s string) (int, bool) {
	if len(s) < 1 || len(s) > 4 || s[0] < 'a' || s[0] > 'z' {
		return 0, false
	}
	a, found := zoneAbbrs[s]
	return a.off, found && a.place == "" && a.ambiguous == ""
}

// places caches the locations the generic abbreviations stand for:
// loading one from the embedded database costs far more than a value.
var places sync.Map // string -> *time.Location

func placeZone(name string) *time.Location {
	if l, ok := places.Load(name); ok {
		return l.(*time.Location)
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil // cannot happen with the embedded database
	}
	places.Store(name, l)
	return l
}

// tz is the zone a value was written in, or is read in: a fixed offset
// east of UTC, a location with rules, or none (set false). An ambiguous
// abbreviation (abbr.ambiguous) has no offset until the declared zone
// picks one of its offs; name is the abbreviation then.
type tz struct {
	set  bool
	off  int
	loc  *time.Location
	offs []int
	name string
}

// instant turns a wall clock (seconds since the epoch as if it were UTC)
// into the instants it names in z: one, or two when summer time repeats
// or skips that clock, in which case the value is the span between them.
func (z tz) instant(wall int64) (lo, hi int64) {
	if z.loc == nil {
		return wall - int64(z.off), wall - int64(z.off)
	}
	before := offsetAt(z.loc, wall-86400)
	after := offsetAt(z.loc, wall+86400)
	if before == after {
		// No change of offset within a day of the clock: the only
		// reading, and the commonest case by far.
		return wall - int64(before), wall - int64(before)
	}
	a, b := wall-int64(before), wall-int64(after)
	okA := offsetAt(z.loc, a) == before
	okB := offsetAt(z.loc, b) == after
	switch {
	case okA && !okB:
		return a, a
	case okB && !okA:
		return b, b
	}
	// Both readings hold (a clock repeated when summer time ends) or
	// neither does (one skipped when it starts): either could be meant.
	return min(a, b), max(a, b)
}

// wallOf is the wall clock in z at instant t, as seconds since the epoch
// as if it were UTC; with no zone, t's own location's.
func (z tz) wallOf(t time.Time) int64 {
	switch {
	case z.loc != nil:
		return t.Unix() + int64(offsetAt(z.loc, t.Unix()))
	case z.set:
		return t.Unix() + int64(z.off)
	}
	_, off := t.Zone()
	return t.Unix() + int64(off)
}

func offsetAt(loc *time.Location, unix int64) int {
	_, off := time.Unix(unix, 0).In(loc).Zone()
	return off
}

// readZone reads a zone written after a clock: an abbreviation from the
// table, Z, UTC or GMT with or without an offset, or an offset alone
// (+08:00, +0800, +08, -5). err is set for an abbreviation that is
// refused as ambiguous.
func readZone(s string) (tz, bool, error) {
	if off, ok := zone(s); ok {
		return tz{set: true, off: off}, true, nil
	}
	if len(s) > 4 || len(s) == 0 || s[0] < 'a' || s[0] > 'z' {
		return tz{}, false, nil
	}
	a, found := zoneAbbrs[s]
	switch {
	case !found:
		return tz{}, false, nil
	case a.ambiguous != "":
		first := a.ambiguous[strings.IndexAny(a.ambiguous, "+-"):]
		return tz{}, false, fmt.Errorf("%s is ambiguous (%s): write the offset instead, as in %s, or declare `zone:` on the source or the topic to decide",
			strings.ToUpper(s), a.ambiguous, first[:6])
	case a.place != "":
		l := placeZone(a.place)
		return tz{set: l != nil, loc: l}, l != nil, nil
	}
	return tz{set: true, off: a.off}, true, nil
}

// IsZoneText reports whether s, lower case, names a zone, even one that
// is refused as ambiguous: "(-05:00)" and "(IST)" after a time belong to
// the value, not to a note.
func IsZoneText(s string) bool {
	_, ok, err := readZone(s)
	return ok || err != nil
}
