package extract

import (
	"regexp"
	"sort"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value"
)

// Kind says what a proposal's value is.
type Kind string

const (
	Figure Kind = "figure" // a number, with its hedge and unit
	Date   Kind = "date"
	Denial Kind = "denial" // a sentence that denies, with no figure
)

// figure is one value found in a sentence, as the text writes it.
type figure struct {
	kind Kind
	at   span // within the sentence
}

const (
	month = `(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|march|apr(?:il|\.)?|may|june|july|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)`
	day   = `\d{1,2}(?:st|nd|rd|th)?`
	// hedge is the lexicon of words that bound or soften a figure; they
	// are part of the value, since "at least 340" and "340" differ.
	hedge  = `(?:(?:at least|at most|up to|as many as|as few as|more than|less than|fewer than|no more than|no fewer than|no less than|not more than|nearly|almost|about|around|approximately|roughly|some|over|under|an estimated|estimated|close to|just over|just under|well over|upwards of|in excess of|as high as|as much as|below|above|north of|south of)\s+)?`
	digits = `\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?|\$?\d+(?:\.\d+)?`
	words  = `(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a|half a|several|a few)[ -](?:dozen|hundred|thousand|million|billion)|dozens|hundreds|thousands|millions|tens of thousands|hundreds of thousands|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred`
	scale  = `(?:\s?(?:million|billion|trillion|thousand|k|bn|m)\b)?`
	unit   = `(?:\s?(?:%|percent|per cent))?`
)

var (
	dateRE = lazyRE(`(?i)\b(?:` + month + `\s+` + day + `(?:,?\s+\d{4})?|` + day + `\s+` + month + `(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2})\b`)
	num    = `(?:` + digits + `)` + scale
	wordN  = `(?:` + words + `)`
	// past is what may follow a figure and belongs to it: "600-odd" is
	// somewhat more than 600, "500-plus" and "500 or more" at least 500,
	// "hundreds if not thousands" reaches the thousands.
	past = `(?:-odd|\s+odd|-plus|\s+plus|\s+or\s+(?:more|above|higher|over)|,?\s+if not\s+(?:more|` + num + `|` + wordN + `))\b`
	// A figure is a range or a single number, either in digits or in
	// words; words alone count only behind a hedge or before "of" or a
	// plural, so "one of the" is no figure.
	figureRE = lazyRE(`(?i)(?:\bbetween\s+` + num + unit + `\s+and\s+` + num + unit +
		`|(?:\b` + hedge + `)?` + num + unit + `(?:\s?(?:to|-|–)\s?` + num + unit + `|` + past + `)?` +
		`|\b` + hedge + `(?:` + wordN + `)` + scale + unit + `(?:` + past + `|\b))`)
	denialRE = lazyRE(`(?i)\b(?:did not|didn't|does not|doesn't|do not|never|denied|denies|deny|is not true|was not true|false|untrue|no evidence|rejected|not the case)\b`)
)

// numberWords are words that state a figure on their own, with no hedge.
var numberWords = map[string]bool{
	"dozens": true, "hundreds": true, "thousands": true, "millions": true,
	"tens of thousands": true, "hundreds of thousands": true,
}

// figures finds the dates and figures of a sentence, dates first so that
// a date's day and year are not read as figures.
func figures(s string) []figure {
	var out []figure
	taken := func(a, b int) bool {
		for _, f := range out {
			if a < f.at.end && f.at.start < b {
				return true
			}
		}
		return false
	}
	for _, m := range dateRE().FindAllStringIndex(s, -1) {
		out = append(out, figure{kind: Date, at: span{m[0], m[1]}})
	}
	for _, m := range figureRE().FindAllStringIndex(s, -1) {
		a, b := m[0], m[1]
		for b > a && strings.ContainsRune(" -–", rune(s[b-1])) {
			b--
		}
		if taken(a, b) || !aFigure(s, a, b) {
			continue
		}
		out = append(out, figure{kind: Figure, at: span{a, b}})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at.start < out[j].at.start })
	return out
}

// aFigure rejects what the pattern finds but is no claim: a bare year, a
// clock time, an ordinal, a number word with no hedge, a figure inside a
// word or a code.
func aFigure(s string, a, b int) bool {
	v := strings.ToLower(s[a:b])
	if a > 0 && (isAlnum(s[a-1]) || s[a-1] == '/' || s[a-1] == ':' || s[a-1] == '#') {
		return false
	}
	if b < len(s) && (isAlnum(s[b]) || s[b] == ':' || s[b] == '/') {
		return false
	}
	rest := strings.ToLower(strings.TrimLeft(s[b:], " "))
	// "500 more died" adds to another figure; it is no count to propose.
	if next, _, _ := strings.Cut(rest, " "); value.IncreaseWord(strings.TrimSuffix(next, ",")) {
		return false
	}
	for _, t := range []string{"a.m", "p.m", "am ", "pm ", "o'clock", "gmt", "utc", "st ", "nd ", "rd ", "th "} {
		if strings.HasPrefix(rest, t) {
			return false
		}
	}
	if !strings.ContainsAny(v, "0123456789") {
		// A number word needs a hedge, a plural of its own, "of", or what
		// only follows a figure ("forty-odd").
		return numberWords[v] || scaleWord(v) || hedgeRE().FindString(v) != "" || compound(s[b:]) ||
			pastRE().MatchString(v)
	}
	plain := strings.TrimLeft(v, "$")
	if len(plain) == 4 && (strings.HasPrefix(plain, "19") || strings.HasPrefix(plain, "20")) && strings.Trim(plain, "0123456789") == "" {
		return false // a year
	}
	return true
}

var (
	hedgeRE = lazyRE(`(?i)^` + hedge)
	// pastRE finds what follows a figure and belongs to it at a match's end.
	pastRE = lazyRE(`(?i)` + past + `$`)
)

// scaleWord reports whether a phrase of number words ends in a scale
// ("two dozen", "three million"), which makes it a figure on its own.
func scaleWord(v string) bool {
	for _, w := range []string{"dozen", "hundred", "thousand", "million", "billion"} {
		if strings.HasSuffix(v, w) {
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// compound reports whether a number word is the first half of a compound
// adjective ("eight-storey", "nine-story"), which states a figure, but not
// of a fraction ("one-third"), whose figure is relative.
func compound(rest string) bool {
	if len(rest) < 2 || rest[0] != '-' || !isAlnum(rest[1]) {
		return false
	}
	for _, f := range []string{"half", "third", "quarter", "fourth", "fifth", "tenth"} {
		if strings.HasPrefix(strings.ToLower(rest[1:]), f) {
			return false
		}
	}
	return true
}

// verbHedges are verbs that bound the figure after them, as a hedge
// would: "the toll exceeds 4,700" says "more than 4,700", "could reach
// 630" says "up to 630". The proposal writes the hedge the value types
// read, since the verb is not part of a value.
var verbHedges = []struct {
	re    func() *regexp.Regexp
	hedge string
}{
	{lazyRE(`(?i)\b(?:exceed(?:s|ed|ing)?|top(?:s|ped|ping)|surpass(?:es|ed|ing)?|higher than(?: the)?|greater than(?: the)?)\s+$`), "more than "},
	{lazyRE(`(?i)\b(?:lower than(?: the)?|smaller than(?: the)?)\s+$`), "less than "},
	{lazyRE(`(?i)\b(?:could|may|might|would|will|to)\s+(?:reach|hit|top|rise to|climb to)\s+$`), "up to "},
}

// verbHedge is the hedge the words before a figure give it, or "".
func verbHedge(before string) string {
	if len(before) > 40 {
		before = before[len(before)-40:] // the longest verb phrase is far shorter
	}
	for _, v := range verbHedges {
		if v.re().MatchString(before) {
			return v.hedge
		}
	}
	return ""
}
