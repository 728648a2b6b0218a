package value

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
	"github.com/claimdiff/claimdiff/claims/value/webtime"
)

// ErrNoValue is what Parse returns, wrapped, for a placeholder that says
// a source gave no value ("N/A", "unknown", "--"): not a value that
// conflicts with others, nor a mistake in the ledger. Test for it with
// errors.Is.
var ErrNoValue = errors.New("no value")

// noValues are the placeholders every feed uses for a missing value,
// as placeholderText folds them ("n a" is N/A). A lone dash (any of - – —) is one too, and so is
// a run of them, or of asterisks. "NA" (shortWords) is one only where a
// value cannot be a name: on text and names topics it may be North
// America, Namibia or a surname.
var noValues = []string{
	"n a", "not available", "not applicable", "not provided", "not known", "not disclosed",
	"undisclosed", "unknown", "unk", "tbd", "tba", "tbc", "to be determined", "to be announced",
}

// textPlaceholders are the words, folded by NormalizeText, that a text
// or names value may hold but that name nothing a source could be right
// about ("none", "null", "?"): Parse keeps them as text, since a claim
// may mean them, and IsPlaceholder tells the resolver they support no
// candidate. Every built-in placeholder of noValues is one too.
var textPlaceholders = func() map[string]bool {
	m := map[string]bool{
		"na": true, "n.a": true, "none": true, "null": true, "nil": true, "unavailable": true,
		"no data": true, "not given": true, "not stated": true, "not specified": true, "unspecified": true,
		"-": true, "--": true, "?": true, "—": true,
	}
	for _, w := range noValues {
		m[w] = true
	}
	return m
}()

// IsPlaceholder reports whether v, a text or names value (or a value of
// no type), is a placeholder for no value ("not available", "n/a",
// "unknown", "none", "-"), which supports nothing. Values of the other
// types are never placeholders here: IsNoValue finds theirs before they
// are parsed.
func IsPlaceholder(v Value) bool {
	switch v.Type {
	case Bool, Choice:
		return false
	}
	if v.Type.Numeric() {
		return false
	}
	a := v.Atom
	if a == "" {
		a = NormalizeText(v.Raw)
	}
	return a == "" || textPlaceholders[a]
}

// IsNoValue reports whether raw, without its note, is a placeholder for
// no value rather than a value: one of "N/A", "n/a", "NA" (not on text
// or names topics), "not
// available", "not applicable", "not provided", "not known", "not
// disclosed", "undisclosed", "unknown", "unk", "TBD", "TBA", "TBC", "to
// be determined", "to be announced", a run of dashes ("-", "--", "—")
// or of asterisks ("*", a footnote marker with nothing to mark),
// or one of spec.NoValue; case, space and punctuation do not count. On a
// choice topic, a declared choice or alias of that name is a value.
func IsNoValue(raw string, spec Spec) bool {
	v, _ := SplitNote(raw, spec)
	return noValue(v, spec)
}

// noValue is IsNoValue for a value without its notes.
func noValue(v string, spec Spec) bool {
	if len(v) > 64 {
		return false
	}
	if dashes(v) {
		return true
	}
	if spec.Type != Text && spec.Type != Names && strings.EqualFold(strings.TrimSpace(v), "na") {
		return !choiceNamed(v, spec)
	}
	if !mayBeNoValue(v) && len(spec.NoValue) == 0 {
		return false
	}
	if choiceNamed(v, spec) {
		return false
	}
	var buf [32]byte
	if n, ok := foldPlaceholder(v, buf[:0]); ok {
		for _, w := range noValues {
			if string(n) == w {
				return true
			}
		}
		if len(spec.NoValue) == 0 {
			return false
		}
	}
	// A figure or a time is no placeholder unless a declared word has a
	// digit too; most values of a feed end here.
	if strings.ContainsAny(v, "0123456789") && !anyDigit(spec.NoValue) {
		return false
	}
	n := placeholderText(v)
	for _, w := range noValues {
		if n == w {
			return true
		}
	}
	for _, w := range spec.NoValue {
		if p := placeholderText(w); p != "" && n == p || strings.TrimSpace(w) == strings.TrimSpace(v) {
			return true
		}
	}
	return false
}

// choiceNamed reports whether v is a declared choice of a choice topic,
// which wins over the placeholder it is named like.
func choiceNamed(v string, spec Spec) bool {
	if spec.Type != Choice {
		return false
	}
	_, err := parseChoice(v, spec)
	return err == nil
}

// foldPlaceholder is placeholderText for short ASCII text, into buf
// without allocating; ok is false for other text.
func foldPlaceholder(s string, buf []byte) ([]byte, bool) {
	if len(s) > cap(buf) {
		return nil, false
	}
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return nil, false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '\'' || c == '-':
			return nil, false // NormalizeText keeps them inside words
		default:
			space = len(buf) > 0
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = append(buf, c)
	}
	return buf, true
}

// placeholderText folds a placeholder for comparison: "N/A", "n.a." and
// "N / A" are all "n a".
func placeholderText(s string) string {
	return NormalizeText(placeholderSeps.Replace(s))
}

// placeholderSeps are the separators placeholders are written with
// (n/a, n.a.), made once: a feed asks for every value.
var placeholderSeps = strings.NewReplacer("/", " ", ".", " ")

// anyDigit reports whether some word holds a digit.
func anyDigit(words []string) bool {
	for _, w := range words {
		if strings.ContainsAny(w, "0123456789") {
			return true
		}
	}
	return false
}

// mayBeNoValue is the cheap test that lets most values skip IsNoValue's
// work: every built-in placeholder starts with n and then / . a o or a
// space, with un, or with tb or to.
func mayBeNoValue(s string) bool {
	s = strings.TrimLeft(s, " \t")
	if len(s) < 2 {
		return false
	}
	switch c := s[1] | 0x20; s[0] | 0x20 {
	case 'n':
		return c == '/' || c == '.' || c == ' ' || c == 'a' || c == 'o'
	case 'u':
		return c == 'n'
	case 't':
		return c == 'b' || c == 'o'
	}
	return false
}

// dashes reports whether s is one or more dashes or asterisks, perhaps
// spaced.
func dashes(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r == '-' || r == '–' || r == '—' || r == '‒' || r == '―' || r == '−' || r == '*':
			n++
		case !unicode.IsSpace(r):
			return false
		}
	}
	return n > 0
}

// SplitNote cuts the notes off the end of raw: what a writer adds in
// parentheses or brackets after a value ("600,000 (estimated)", "$5m
// [2]"). The value parses without them, and the loader keeps note on
// the claim; several notes are joined with "; ". On a date or datetime
// topic, a zone in parentheses ("2:06 PM (-05:00)", "(EST)") is part of
// the value, not a note. A value that is nothing but parentheses
// ("(5)") keeps them. Text topics keep everything: there, parentheses
// are part of what is said. On a choice topic, a value that is a choice
// as written ("G8 (Group of Eight)") keeps its parentheses too.
func SplitNote(raw string, spec Spec) (val, note string) {
	val = strings.TrimRightFunc(raw, unicode.IsSpace)
	if spec.Type == Text || val == "" || val[len(val)-1] != ')' && val[len(val)-1] != ']' {
		return raw, ""
	}
	if spec.Type == Choice {
		if _, err := parseChoice(raw, spec); err == nil {
			return raw, ""
		}
	}
	var notes []string
	for range 4 {
		if val == "" {
			break
		}
		closer := val[len(val)-1]
		opener := byte('(')
		if closer == ']' {
			opener = '['
		} else if closer != ')' {
			break
		}
		open := matchingOpen(val, opener, closer)
		if open <= 0 {
			break
		}
		inner := strings.TrimSpace(val[open+1 : len(val)-1])
		if (spec.Type == Date || spec.Type == DateTime) && closer == ')' && webtime.IsZoneText(lex.Clean(inner)) {
			break
		}
		rest := strings.TrimRightFunc(val[:open], unicode.IsSpace)
		if strings.TrimSpace(rest) == "" {
			break
		}
		val = rest
		notes = append(notes, inner)
	}
	if len(notes) == 0 {
		return raw, ""
	}
	for i, j := 0, len(notes)-1; i < j; i, j = i+1, j-1 {
		notes[i], notes[j] = notes[j], notes[i]
	}
	return val, strings.Join(notes, "; ")
}

// matchingOpen finds the opener that the closer ending s closes, or -1.
func matchingOpen(s string, opener, closer byte) int {
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case closer:
			depth++
		case opener:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
