package value

import (
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// Counts written in words that are not digits: "two dozen" is 24, never 2,
// and "thousands" is a range, not a number. A word claimdiff does not read
// is an error, never a guess (see numberHint for the accepted forms).

// groupWords multiply the number before them: "two dozen", "a score".
var groupWords = []struct {
	word string
	n    float64
}{{"dozen", 12}, {"score", 20}}

// scanGroupWord reads " dozen" or " score" after a number.
func scanGroupWord(s string) (float64, string, bool) {
	t := strings.TrimPrefix(s, " ")
	for _, g := range groupWords {
		if rest, ok := lex.CutGlued(t, g.word); ok {
			return g.n, rest, true
		}
	}
	return 0, s, false
}

// halves are the ways of writing half of a dozen, a score or a
// multiplier: "half a dozen", "a half-dozen", "half a million".
var halves = []string{"half a ", "half an ", "a half-", "a half ", "half-"}

// scanHalf reads one of halves when a group word or a multiplier follows
// it, as 0.5 of what follows; "a half" on its own is no count.
func scanHalf(s string) (numLit, string, bool) {
	for _, h := range halves {
		t, ok := strings.CutPrefix(s, h)
		if !ok {
			continue
		}
		rest := " " + t
		if _, _, ok := scanGroupWord(rest); ok {
			return numLit{word: 0.5}, rest, true
		}
		if _, _, ok := scanMultiplier(rest); ok {
			return numLit{word: 0.5}, rest, true
		}
	}
	return numLit{}, s, false
}

// cutAndAHalf cuts " and a half" from the start of s.
func cutAndAHalf(s string) (string, bool) {
	t, ok := strings.CutPrefix(s, " and a half")
	if !ok || t != "" && t[0] != ' ' {
		return s, false
	}
	return t, true
}

// andAHalf adds a half to lit when " and a half" follows it: "two and a
// half million", "a million and a half" (the caller has the million).
func andAHalf(lit numLit, rest string) (numLit, string) {
	r, ok := cutAndAHalf(rest)
	if !ok {
		return lit, rest
	}
	f, ok := (qty{lit: lit}).number()
	if !ok {
		return lit, rest
	}
	return numLit{word: f + 0.5}, r
}

// roughCounts are plural counts: at least two of the unit, and fewer than
// the next order of magnitude ("hundreds" is 200 to 999).
var roughCounts = []struct {
	words  string
	lo, hi float64
}{
	{"hundreds of thousands", 2e5, 999999}, {"tens of thousands", 2e4, 99999},
	{"hundreds of millions", 2e8, 999999999}, {"tens of millions", 2e7, 99999999},
	{"dozens", 24, 99}, {"scores", 40, 99}, {"hundreds", 200, 999}, {"thousands", 2000, 9999},
	{"millions", 2e6, 9999999}, {"billions", 2e9, 9999999999},
}

// roughCount reads a plural count such as "thousands" or "tens of
// thousands of people", for numbers only: a topic's unit may follow it.
func (c *ctx) roughCount(s string) (lo, hi float64, ok bool) {
	if c.typ != Number || !startsWord(s) {
		return 0, 0, false
	}
	for _, r := range roughCounts {
		rest, found := lex.CutGlued(s, r.words)
		if !found {
			continue
		}
		if rest == "" || rest[0] == ' ' && !startsDigit(strings.TrimSpace(rest)) {
			return r.lo, r.hi, true
		}
	}
	return 0, 0, false
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// FormsHint lists the ways of writing a number claimdiff reads, for the
// message that refuses one it does not; "" for types that are not counts.
func FormsHint(t Type) string {
	switch t {
	case Number, Money, Percent:
		return "numbers read: 600,000, 600k, 0.6 million, two dozen, half a dozen, a million and a half, dozens, thousands, tens of thousands; " +
			"about/nearly/closer to N; at least/more than/just over/north of/N-plus; N-odd; " +
			"up to/as many as/as high as/just under N; between N and M, N to M, N if not M"
	}
	return ""
}
