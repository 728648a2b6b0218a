package webtime

import (
	"errors"
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// A Layout is a form of date and time that a source or a topic declares
// (`layout:`) because no general rule should guess it: a page that
// prints the day it was crawled before the real month and day
// ("2011-12-04 12/03 11:55 PM"), say. It is written as Go writes the
// reference time (2006-01-02 15:04:05 -07:00 MST, Monday, January) or in
// strftime's %-fields (%Y-%m-%d %H:%M); text between the fields must be
// there as written, ignoring case and runs of spaces.
//
// A layout that names a field of the date again starts a new date, and
// the value's date is the last one: "2006-01-02 01/02 3:04 PM" reads the
// month and day after the crawl date, and, since that date has no year,
// takes the year that puts it nearest the claim's date.
type Layout struct {
	src  string
	toks []layoutTok
}

// String is the layout as declared.
func (l Layout) String() string { return l.src }

type fieldKind uint8

const (
	fLiteral   fieldKind = iota
	fYear                // four digits
	fYear2               // two digits, in the century nearest Near
	fMonth               // 1 or 2 digits
	fMonthName           // Jan or January
	fDay                 // 1 or 2 digits, perhaps after a space
	fWeekday             // Mon or Monday
	fHour                // 0-23
	fHour12              // 1-12, with PM
	fMinute              // 2 digits
	fSecond              // 2 digits
	fFrac                // .000: a decimal fraction of the second
	fPM                  // AM or PM, a.m. or p.m.
	fZone                // an abbreviation (MST, %Z)
	fOffset              // -07:00, -0700, -07, Z07:00 (%z)
)

type layoutTok struct {
	kind fieldKind
	lit  string // fLiteral: cleaned text to match
}

// goFields are Go's reference-time elements, longest first where one is
// a prefix of another.
var goFields = []struct {
	text string
	kind fieldKind
}{
	{"January", fMonthName}, {"Jan", fMonthName}, {"Monday", fWeekday}, {"Mon", fWeekday},
	{"MST", fZone}, {"2006", fYear}, {"06", fYear2}, {"01", fMonth}, {"02", fDay}, {"_2", fDay},
	{"15", fHour}, {"03", fHour12}, {"04", fMinute}, {"05", fSecond},
	{"Z07:00", fOffset}, {"-07:00", fOffset}, {"-0700", fOffset}, {"-07", fOffset},
	{".000000000", fFrac}, {".000000", fFrac}, {".000", fFrac}, {".999999999", fFrac}, {".999999", fFrac}, {".999", fFrac},
	{"PM", fPM}, {"pm", fPM}, {"1", fMonth}, {"2", fDay}, {"3", fHour12}, {"4", fMinute}, {"5", fSecond},
}

// strftimeFields are the %-fields read, with the GNU "-" for no padding.
var strftimeFields = map[byte][]fieldKind{
	'Y': {fYear}, 'y': {fYear2}, 'm': {fMonth}, 'b': {fMonthName}, 'B': {fMonthName}, 'h': {fMonthName},
	'd': {fDay}, 'e': {fDay}, 'a': {fWeekday}, 'A': {fWeekday},
	'H': {fHour}, 'k': {fHour}, 'I': {fHour12}, 'l': {fHour12}, 'M': {fMinute}, 'S': {fSecond},
	'p': {fPM}, 'P': {fPM}, 'Z': {fZone}, 'z': {fOffset}, 'f': {fFrac},
	'F': {fYear, fLiteral, fMonth, fLiteral, fDay}, 'D': {fMonth, fLiteral, fDay, fLiteral, fYear2},
	'R': {fHour, fLiteral, fMinute}, 'T': {fHour, fLiteral, fMinute, fLiteral, fSecond},
}

// strftimeSeps are the literals between the fields of the compound
// %-fields above, in order.
var strftimeSeps = map[byte][]string{'F': {"-", "-"}, 'D': {"/", "/"}, 'R': {":"}, 'T': {":", ":"}}

// ParseLayout reads a `layout:` declaration: strftime's style if it has
// a %, else Go's reference time. It must name a field of a date or a
// time of day.
func ParseLayout(s string) (Layout, error) {
	if strings.TrimSpace(s) == "" {
		return Layout{}, errors.New("layout is empty: write one as Go writes the reference time (2006-01-02 3:04 PM) or with strftime's fields (%Y-%m-%d %I:%M %p)")
	}
	if len(s) > 128 {
		return Layout{}, fmt.Errorf("layout %s is too long", lex.Quote(s))
	}
	var toks []layoutTok
	var err error
	if strings.Contains(s, "%") {
		toks, err = strftimeLayout(s)
	} else {
		toks = goLayout(s)
	}
	if err != nil {
		return Layout{}, err
	}
	dateOrTime := false
	for _, t := range toks {
		switch t.kind {
		case fYear, fYear2, fMonth, fMonthName, fDay, fHour, fHour12, fMinute:
			dateOrTime = true
		}
	}
	if !dateOrTime {
		return Layout{}, fmt.Errorf("layout %s names no field of a date or a time: write one as Go writes the reference time (2006-01-02 3:04 PM) or with strftime's fields (%%Y-%%m-%%d %%I:%%M %%p)", lex.Quote(s))
	}
	return Layout{src: s, toks: toks}, nil
}

func goLayout(s string) []layoutTok {
	var toks []layoutTok
	lit := 0
	for i := 0; i < len(s); {
		found := false
		for _, f := range goFields {
			if strings.HasPrefix(s[i:], f.text) {
				toks = appendLiteral(toks, s[lit:i])
				toks = append(toks, layoutTok{kind: f.kind})
				i += len(f.text)
				lit, found = i, true
				break
			}
		}
		if !found {
			i++
		}
	}
	return appendLiteral(toks, s[lit:])
}

func strftimeLayout(s string) ([]layoutTok, error) {
	var toks []layoutTok
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '_' || s[i] == '0') {
			i++ // padding flags: the fields read either way
		}
		if i >= len(s) {
			return nil, fmt.Errorf("layout %s ends in a %% with no field after it", lex.Quote(s))
		}
		switch s[i] {
		case '%':
			b.WriteByte('%')
			continue
		case 'n', 't':
			b.WriteByte(' ')
			continue
		}
		kinds, ok := strftimeFields[s[i]]
		if !ok {
			return nil, fmt.Errorf("layout %s has %%%c, which claimdiff does not read: use %%Y %%y %%m %%b %%B %%d %%e %%a %%A %%H %%I %%M %%S %%f %%p %%Z %%z %%F %%D %%R %%T", lex.Quote(s), s[i])
		}
		toks = appendLiteral(toks, b.String())
		b.Reset()
		seps := strftimeSeps[s[i]]
		for _, k := range kinds {
			if k == fLiteral {
				toks = appendLiteral(toks, seps[0])
				seps = seps[1:]
				continue
			}
			toks = append(toks, layoutTok{kind: k})
		}
	}
	return appendLiteral(toks, b.String()), nil
}

// appendLiteral adds text to match as written, cleaned as values are;
// a space alone stays a space.
func appendLiteral(toks []layoutTok, text string) []layoutTok {
	if text == "" {
		return toks
	}
	lit := lex.Clean(text)
	if lit == "" {
		lit = " "
	} else {
		if text[0] == ' ' {
			lit = " " + lit
		}
		if text[len(text)-1] == ' ' && lit != " " {
			lit += " "
		}
	}
	return append(toks, layoutTok{kind: fLiteral, lit: lit})
}
