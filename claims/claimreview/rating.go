package claimreview

import (
	"html"
	"strings"
	"unicode"
)

// Ratings are the normalised verdicts Import maps fact-checkers' wordings
// to; a wording none of them covers is kept as its own choice (see
// NormalizeRating).
var Ratings = []string{"false", "misleading", "mixed", "true", "unproven"}

// ratingWords maps wordings, as normalised by key, to a rating. Beside
// English it holds the common verdicts of the languages fact-checkers
// publish most in (Spanish, Portuguese, French, German, Italian), since
// Google's claims:search answers mix them.
var ratingWords = map[string]string{}

func init() {
	for rating, words := range map[string][]string{
		"false": {"false", "pants on fire", "fake", "incorrect", "wrong", "not true",
			"four pinocchios", "fabricated", "hoax", "baseless", "inaccurate", "untrue",
			"totally false", "completely false", "entirely false",
			"falso", "falsa", "faux", "fausse", "falsch", "bufala", "fake news"},
		"misleading": {"misleading", "mostly false", "missing context", "lacks context",
			"partly false", "partially false", "out of context", "distorted", "exaggerated",
			"three pinocchios", "manipulated", "cherry picked", "distorts the facts",
			"exaggerates", "exaggeration",
			"engañoso", "engañosa", "enganoso", "enganosa", "mayormente falso",
			"parcialmente falso", "sin contexto", "fuera de contexto", "descontextualizado",
			"trompeur", "trompeuse", "irreführend", "fuorviante"},
		"mixed": {"mixed", "mixture", "half true", "half truth", "partly true",
			"partially true", "two pinocchios", "needs context",
			"verdad a medias", "medio verdadero", "parcialmente verdadero", "impreciso",
			"en partie faux", "teilweise falsch", "vero a metà"},
		"true": {"true", "mostly true", "correct", "accurate", "mostly correct",
			"largely accurate", "one pinocchio", "geppetto checkmark", "verified",
			"correct attribution",
			"verdadero", "verdadera", "cierto", "verdadeiro", "vrai", "wahr", "richtig", "vero"},
		"unproven": {"unproven", "unverified", "unsupported", "no evidence",
			"unsubstantiated", "not enough evidence", "insufficient evidence",
			"research in progress", "unclear", "cannot be verified",
			"sin evidencia", "no verificable", "inverificable", "non prouvé", "unbelegt"},
	} {
		for _, w := range words {
			ratingWords[key(w)] = rating
		}
	}
}

// ratingLeads are openings a rating may be worded behind ("This is
// false", "User's claim is false", "The claim is False"), as keys; they
// are dropped one after another until a rating is left.
var ratingLeads = []string{"this is ", "this claim is ", "the claim is ", "claim is ",
	"user s claim is ", "users claim is ", "it is ", "it s ", "rating ", "verdict ",
	"rated ", "es ", "esto es ", "c est ", "é "}

// maxChoice caps a wording kept as its own choice: a rating that is a
// paragraph (339 characters in real data) must not become a topic value.
const maxChoice = 40

// NormalizeRating maps a fact-checker's textual rating to one of Ratings:
// "Pants on Fire!" and "False" to false, "Mostly false" and "Missing
// context" to misleading, "Half true" to mixed, "Mostly true" to true,
// "Unverified" to unproven. Case, punctuation, hyphens and spacing do not
// matter. A wording it does not know is kept as its own choice, its words
// in lower case joined by hyphens ("Satire" is satire, "Not the whole
// story" not-the-whole-story), so no verdict is lost or guessed; an empty
// one is unrated. See ParseRating for ratings that carry an explanation.
func NormalizeRating(text string) string {
	v, _ := ParseRating(text)
	return v
}

// ParseRating splits a textual rating into its normalised value and the
// explanation that follows it: "False. The video shows…" is false with
// the explanation "The video shows…". HTML tags are dropped first, so a
// rating published as a fragment of markup reads as its text. A wording
// it does not know is kept, cut to its first few words, as its own
// choice, and the rest of the text is the explanation.
func ParseRating(text string) (value, explanation string) {
	clean := strings.Join(strings.Fields(html.UnescapeString(stripTags(text))), " ")
	if r, ok := lookup(clean); ok {
		return r, ""
	}
	head, rest := splitHead(clean)
	if r, ok := lookup(head); ok {
		return r, rest
	}
	k := slug(head, maxChoice)
	if k == "" {
		return "unrated", rest
	}
	if len(key(head)) > len(k) {
		// The value is cut, so the whole wording is the explanation.
		rest = clean
	}
	return k, rest
}

// lookup finds the rating text words, after any leading phrases.
func lookup(text string) (string, bool) {
	k := key(text)
	for {
		if r, ok := ratingWords[k]; ok {
			return r, true
		}
		cut := false
		for _, lead := range ratingLeads {
			if rest, ok := strings.CutPrefix(k, lead); ok {
				k, cut = rest, true
				break
			}
		}
		if !cut {
			return "", false
		}
	}
}

// splitHead splits text at the end of its first sentence or clause (". ",
// ": ", "; ", or a dash between spaces); without one, text is all head.
func splitHead(text string) (head, rest string) {
	at, width := -1, 0
	for _, sep := range []string{". ", ": ", "; ", " - ", " – ", " — "} {
		if i := strings.Index(text, sep); i >= 0 && (at < 0 || i < at) {
			at, width = i, len(sep)
		}
	}
	if at < 0 {
		return text, ""
	}
	return text[:at], strings.TrimSpace(text[at+width:])
}

// stripTags drops HTML tags, and a tag left open at the end (a fragment
// cut inside an attribute, as claims:search returns some).
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return b.String()
		}
		b.WriteByte(' ')
		s = s[i+j+1:]
	}
}

// key lowers text and keeps its letters and digits, as words separated by
// single spaces.
func key(text string) string {
	f := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return strings.Join(f, " ")
}
