package value

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// NormalizeText folds what does not change the meaning of a short text:
// case, white space, typographic quotes and dashes, and punctuation. It
// keeps what does: digits with their decimal points ("1.5" is not "15"),
// hyphens and apostrophes inside words, symbols and percent signs.
// Thousands commas go ("600,000" is "600000") and so do the dots of
// abbreviations ("U.S." is "us").
func NormalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	prev := ' '
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		r = fold(r)
		next, _ := utf8.DecodeRuneInString(s[i:])
		next = fold(next)
		keep := true
		switch {
		case unicode.IsSpace(r):
			keep = false
		case r == '-' || r == '\'':
			keep = isAlnum(prev) && isAlnum(next)
		case r == '.' && isDigitRune(prev) && isDigitRune(next):
		case r == '.' && unicode.IsLetter(prev) && unicode.IsLetter(next),
			r == ',' && isDigitRune(prev) && isDigitRune(next):
			prev = r
			continue // dropped without a space
		case r == '%':
		case unicode.IsPunct(r) || unicode.IsControl(r) || r == utf8.RuneError:
			keep = false
		}
		prev = r
		if !keep {
			space = b.Len() > 0
			prev = ' '
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func fold(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', '`', '´':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	}
	return r
}

func isAlnum(r rune) bool     { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func isDigitRune(r rune) bool { return '0' <= r && r <= '9' }

func parseText(raw string) Value {
	a := NormalizeText(raw)
	if a == "" {
		// Only punctuation: keep it rather than make all such values equal.
		a = strings.Join(strings.Fields(raw), " ")
	}
	return Value{Raw: raw, Type: Text, Atom: a}
}

func parseBool(raw string) (Value, error) {
	v := Value{Raw: raw, Type: Bool}
	switch NormalizeText(raw) {
	case "yes", "y", "true":
		v.Atom = "yes"
	case "no", "n", "false":
		v.Atom = "no"
	default:
		return v, fmt.Errorf("%s is not yes or no", lex.Quote(raw))
	}
	return v, nil
}

func parseChoice(raw string, spec Spec) (Value, error) {
	v := Value{Raw: raw, Type: Choice}
	a := NormalizeText(raw)
	choices := spec.Choices
	if spec.choiceIndex != nil {
		if name, ok := spec.choiceIndex[a]; ok {
			v.Atom = name
			return v, nil
		}
	} else {
		for _, c := range choices {
			if NormalizeText(c.Name) == a {
				v.Atom = c.Name
				return v, nil
			}
			for _, alias := range c.Aliases {
				if NormalizeText(alias) == a {
					v.Atom = c.Name
					return v, nil
				}
			}
		}
	}
	if len(choices) == 0 {
		return v, fmt.Errorf("%s is not one of the choices: the topic lists none", lex.Quote(raw))
	}
	// The message names the first few choices: a topic of 20,000 choices
	// and as many claims would otherwise print 20,000 names 20,000 times.
	names := make([]string, 0, min(len(choices), maxChoicesNamed)+1)
	for _, c := range choices[:min(len(choices), maxChoicesNamed)] {
		names = append(names, c.Name)
	}
	if more := len(choices) - maxChoicesNamed; more > 0 {
		names = append(names, fmt.Sprintf("and %d more", more))
	}
	return v, fmt.Errorf("%s is not one of the choices %s", lex.Quote(raw), strings.Join(names, ", "))
}

// maxChoicesNamed is how many choices a message names.
const maxChoicesNamed = 20

// IndexChoices makes finding a value among the choices one lookup, not a
// search of every choice and alias: call it once the choices are set.
// The first choice a way of writing names wins, as in a search.
func (s *Spec) IndexChoices() {
	idx := make(map[string]string, len(s.Choices))
	for _, c := range s.Choices {
		for _, w := range append([]string{c.Name}, c.Aliases...) {
			k := NormalizeText(w)
			if _, ok := idx[k]; !ok {
				idx[k] = c.Name
			}
		}
	}
	s.choiceIndex = idx
}
