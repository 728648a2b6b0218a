package claimreview

import (
	"strings"
	"unicode"
)

// Ratings are the normalised verdicts Import maps fact-checkers' wordings
// to; a wording none of them covers is kept as its own choice (see
// NormalizeRating).
var Ratings = []string{"false", "misleading", "mixed", "true", "unproven"}

// ratingWords maps wordings, as normalised by key, to a rating.
var ratingWords = map[string]string{}

func init() {
	for rating, words := range map[string][]string{
		"false": {"false", "pants on fire", "fake", "incorrect", "wrong", "not true",
			"four pinocchios", "fabricated", "hoax", "baseless"},
		"misleading": {"misleading", "mostly false", "missing context", "lacks context",
			"partly false", "partially false", "out of context", "distorted", "exaggerated",
			"three pinocchios", "manipulated", "cherry picked"},
		"mixed": {"mixed", "mixture", "half true", "half truth", "partly true",
			"partially true", "two pinocchios", "needs context"},
		"true": {"true", "mostly true", "correct", "accurate", "mostly correct",
			"largely accurate", "one pinocchio", "geppetto checkmark", "verified"},
		"unproven": {"unproven", "unverified", "unsupported", "no evidence",
			"unsubstantiated", "not enough evidence", "insufficient evidence",
			"research in progress", "unclear", "cannot be verified"},
	} {
		for _, w := range words {
			ratingWords[key(w)] = rating
		}
	}
}

// NormalizeRating maps a fact-checker's textual rating to one of Ratings:
// "Pants on Fire!" and "False" to false, "Mostly false" and "Missing
// context" to misleading, "Half true" to mixed, "Mostly true" to true,
// "Unverified" to unproven. Case, punctuation, hyphens and spacing do not
// matter. A wording it does not know is kept as its own choice, its words
// in lower case joined by hyphens ("Satire" is satire, "Not the whole
// story" not-the-whole-story), so no verdict is lost or guessed; an empty
// one is unrated.
func NormalizeRating(text string) string {
	k := key(text)
	if r, ok := ratingWords[k]; ok {
		return r
	}
	if k == "" {
		return "unrated"
	}
	return strings.ReplaceAll(k, " ", "-")
}

// key lowers text and keeps its letters and digits, as words separated by
// single spaces.
func key(text string) string {
	f := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return strings.Join(f, " ")
}
