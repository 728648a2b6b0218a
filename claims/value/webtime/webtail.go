package webtime

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// Web pages write more than the time into the cell that holds it: a
// status after it ("3:12 PM   Delayed", "On Time"), a footnote marker
// ("4:12pm*"), or, where there is no time, words after the date ("Dec 04
// - Contact Airline", "2011-12-04 Cancelled"). Such a tail is kept as the
// claim's note. After a time, the time is the value; after a date alone,
// on a datetime topic, there is no value, since the time is what the
// words stand in for.
//
// A tail is never read as part of the value, so a word that could change
// which instant is meant must not be taken for one: a zone, a day, a part
// of the day, a bound, a range or an approximation makes the whole value
// unreadable rather than misread ("3:12 PM Pacific", "11:55 PM next
// day", "3:12 in the evening", "3:12 PM or later").

// maxTail bounds a tail: a status is a few words, not a paragraph.
const maxTail = 64

// tailMarkers are the footnote markers pages put after a time.
const tailMarkers = "*†‡"

// timeWords are the words that may change the instant a time names, and
// so are never a note after one (zone abbreviations, month and weekday
// names are found by their own tables).
var timeWords = map[string]bool{
	// zones
	"standard": true, "daylight": true, "summer": true, "winter": true, "local": true, "zone": true,
	"utc": true, "gmt": true, "greenwich": true, "universal": true, "coordinated": true,
	"eastern": true, "central": true, "mountain": true, "pacific": true, "atlantic": true,
	"alaska": true, "alaskan": true, "hawaii": true, "hawaiian": true, "arizona": true,
	"newfoundland": true, "arabia": true, "arabian": true, "india": true, "indian": true,
	"israel": true, "irish": true, "european": true, "british": true,
	// days
	"today": true, "tonight": true, "tomorrow": true, "yesterday": true, "overnight": true,
	"next": true, "previous": true, "prev": true, "prior": true, "following": true,
	"day": true, "days": true, "week": true, "weeks": true,
	// parts of the day
	"am": true, "pm": true, "morning": true, "afternoon": true, "evening": true, "night": true,
	"noon": true, "midnight": true,
	// bounds, ranges, approximations
	"or": true, "and": true, "to": true, "until": true, "till": true, "thru": true, "through": true,
	"before": true, "after": true, "since": true, "by": true, "from": true, "between": true,
	"later": true, "earlier": true, "than": true, "ago": true, "plus": true, "minus": true,
	"about": true, "around": true, "approx": true, "approximately": true, "circa": true, "ca": true,
	"roughly": true, "nearly": true, "almost": true,
}

// cutTail takes s[from:], the rest of a stamp that is no part of one, as
// st's tail if it may be one: after a time, a marker or words none of
// which is a timeWord; after a date alone, a marker, or any words
// (which then stand in for the time). It reports whether st, with that
// tail, is a stamp.
func (c *Reader) cutTail(s string, from int, st *stamp) bool {
	if !st.clock && st.mo == 0 || c.Err != nil {
		return false
	}
	t := strings.TrimLeft(s[from:], " ,|@-–—")
	if t == "" || len(t) > maxTail {
		return false
	}
	words, ok := tailWords(t)
	if !ok {
		return false
	}
	if len(words) > 0 && st.clock {
		for k, w := range words {
			if deniedAfterTime(w, k > 0 && words[k-1] == "on") {
				return false
			}
		}
		// A first word of three to five capitals may be a zone the
		// table does not know ("14:07 XYZ"), not a status.
		if w, _ := tailWords(rawTail(c.Raw, t)); len(w) > 0 && len(w[0]) >= 3 && len(w[0]) <= 5 && w[0] == strings.ToUpper(w[0]) {
			return false
		}
	}
	st.tail, st.placeholder = t, len(words) > 0 && !st.clock
	return true
}

// tailWords splits a tail into its words; ok is false if it holds what
// no status or marker does (a digit, a sign, a bracket) or neither a
// word nor a marker.
func tailWords(t string) ([]string, bool) {
	var words []string
	marker := false
	start := -1
	for i, r := range t {
		letter := unicode.IsLetter(r)
		switch {
		case letter:
			if start < 0 {
				start = i
			}
			continue
		case strings.ContainsRune(tailMarkers, r):
			marker = true
		case r == ' ' || strings.ContainsRune(".,'’?!/&-", r):
		default:
			return nil, false
		}
		if start >= 0 {
			words = append(words, t[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, t[start:])
	}
	return words, marker || len(words) > 0
}

// deniedAfterTime reports whether word w, lower case, may change the
// instant a time names; "time" may not, after "on" ("On Time").
func deniedAfterTime(w string, afterOn bool) bool {
	if timeWords[w] {
		return true
	}
	if w == "time" {
		return !afterOn
	}
	if _, ok := zoneAbbrs[w]; ok {
		return true
	}
	if _, ok := month(w); ok {
		return true
	}
	return isWeekday(w)
}

// rawTail is tail (a suffix of lex.Clean(raw)) as raw writes it, in its own
// case and spacing: the note a reader sees.
func rawTail(raw, tail string) string {
	for p := len(raw) - 1; p >= 0; p-- {
		if !utf8.RuneStart(raw[p]) {
			continue
		}
		if strings.TrimSpace(raw[p:]) != "" && lex.Clean(raw[p:]) == tail {
			return strings.Join(strings.Fields(raw[p:]), " ")
		}
	}
	return tail
}

// stampDone checks what a stamp says beyond its date and time once the
// day is known (day since the epoch): that a weekday written is that
// day's. It keeps the tail as the value's note.
func (c *Reader) stampDone(st *stamp, day int64) bool {
	if st.wday != 0 {
		if got, want := weekdayOfDay(day), time.Weekday(st.wday-1); got != want {
			c.setErr(fmt.Errorf("%s says %s, but %s was a %s",
				lex.Quote(c.Raw), want, time.Unix(day*86400, 0).UTC().Format("Jan 2, 2006"), got))
			return false
		}
	}
	if st.tail != "" {
		c.Note = rawTail(c.Raw, st.tail)
	}
	return true
}
