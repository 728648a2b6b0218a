package value

import (
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// Fractions as recipes, odds and distances write them: "1/4", a mixed
// "2 1/2", and the vulgar fraction characters, glued or not ("2½",
// "2 ½"). Only a proper fraction (numerator below denominator) of whole
// numbers is one, so that "24/7" and "12/31" are never read as numbers.

// vulgar are the fraction characters and their values.
var vulgar = map[rune]float64{
	'½': 1.0 / 2, '⅓': 1.0 / 3, '⅔': 2.0 / 3, '¼': 1.0 / 4, '¾': 3.0 / 4,
	'⅕': 1.0 / 5, '⅖': 2.0 / 5, '⅗': 3.0 / 5, '⅘': 4.0 / 5, '⅙': 1.0 / 6, '⅚': 5.0 / 6,
	'⅛': 1.0 / 8, '⅜': 3.0 / 8, '⅝': 5.0 / 8, '⅞': 7.0 / 8,
}

// scanFraction continues a literal that scanNumber read: a whole number
// followed by "/d" is a fraction ("1/4"), and one followed by a space and
// a fraction is a mixed number ("2 1/2", "2 ½", "2½"). Anything else is
// left as it was.
func scanFraction(lit numLit, rest string) (numLit, string) {
	whole, neg, ok := wholeLiteral(lit.text)
	if !ok || lit.commas {
		return lit, rest
	}
	sign := 1.0
	if neg {
		sign = -1
	}
	if n, d, r, ok := properFraction(rest, whole); ok {
		return numLit{word: sign * float64(n) / float64(d), signed: lit.signed}, r
	}
	if f, r, ok := scanVulgar(rest, 0); ok {
		return numLit{word: sign * (float64(whole) + f.word), signed: lit.signed}, r
	}
	if strings.HasPrefix(rest, " ") {
		t := rest[1:]
		if n, d, r, ok := properFraction(t, 0); ok && lex.DigitsEnd(t, 0) > 0 {
			return numLit{word: sign * (float64(whole) + float64(n)/float64(d)), signed: lit.signed}, r
		}
		if f, r, ok := scanVulgar(t, 0); ok {
			return numLit{word: sign * (float64(whole) + f.word), signed: lit.signed}, r
		}
	}
	return lit, rest
}

// properFraction reads "/d" after the numerator num, or, with num 0 and
// s starting with digits, "n/d": n below d, neither with a leading zero,
// and no digit or slash after it.
func properFraction(s string, num int) (n, d int, rest string, ok bool) {
	i := 0
	if num == 0 {
		i = lex.DigitsEnd(s, 0)
		if i == 0 || i > 6 || s[0] == '0' {
			return 0, 0, s, false
		}
		num, _ = lex.Atoi(s[:i])
	}
	slash := 0
	switch {
	case strings.HasPrefix(s[i:], "/"):
		slash = 1
	case strings.HasPrefix(s[i:], "⁄"):
		slash = len("⁄")
	default:
		return 0, 0, s, false
	}
	j := lex.DigitsEnd(s, i+slash)
	if j == i+slash || j-i-slash > 6 || s[i+slash] == '0' {
		return 0, 0, s, false
	}
	den, _ := lex.Atoi(s[i+slash : j])
	if num < 1 || num >= den || j < len(s) && (s[j] == '/' || s[j] == '.' && j+1 < len(s) && lex.IsDigit(s[j+1])) {
		return 0, 0, s, false
	}
	return num, den, s[j:], true
}

// wholeLiteral is the whole number a literal writes, without grouping,
// decimals or exponent, and whether it is negative.
func wholeLiteral(t string) (int, bool, bool) {
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimLeft(t, "+-")
	if t == "" || len(t) > 9 || lex.DigitsEnd(t, 0) != len(t) {
		return 0, false, false
	}
	n, ok := lex.Atoi(t)
	return n, neg, ok
}

// scanVulgar reads a vulgar fraction character at s[i:].
func scanVulgar(s string, i int) (numLit, string, bool) {
	if i >= len(s) || s[i] < utf8.RuneSelf {
		return numLit{}, s, false
	}
	for r, f := range vulgar {
		if rest, ok := strings.CutPrefix(s[i:], string(r)); ok && !strings.HasPrefix(rest, "/") {
			return numLit{word: f}, rest, true
		}
	}
	return numLit{}, s, false
}
