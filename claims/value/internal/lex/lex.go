// Package lex holds the small lexical rules that value and its
// sub-packages share: how text is cleaned before it is read, where a
// keyword ends, and how a value is quoted in a message.
package lex

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean folds what does not change a value's meaning, so that the parsers
// match plain lower-case keywords: case, runs of (Unicode) white space and
// the Unicode minus sign.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	if b, ok := cleanASCII(s); ok {
		return b
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '\u2212':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cleanASCII is Clean for text of printable ASCII and spaces, the
// commonest kind that needs it ("2:07 PM EST"): runs that need no change
// are copied whole.
func cleanASCII(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	run := 0 // s[run:i] is to be copied as it is
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf || c < ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f':
			return "", false
		case c == ' ' && !space && b.Len()+i-run > 0 && i+1 < len(s) && s[i+1] > ' ':
			continue // a single space inside the text stays
		case c == ' ' || c < ' ':
			b.WriteString(s[run:i])
			run = i + 1
			space = b.Len() > 0
			continue
		case 'A' <= c && c <= 'Z':
			b.WriteString(s[run:i])
			run = i + 1
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c + 'a' - 'A')
			continue
		}
		if space {
			b.WriteString(s[run:i])
			run = i
			b.WriteByte(' ')
			space = false
		}
	}
	b.WriteString(s[run:])
	return b.String(), true
}

// isClean is the allocation-free common case of Clean.
func isClean(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c < ' ' || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// CutWord cuts the keyword w off the start of s if a space or the end
// follows it.
func CutWord(s, w string) (string, bool) {
	rest, ok := strings.CutPrefix(s, w)
	switch {
	case !ok:
		return s, false
	case rest == "":
		return "", true
	case rest[0] == ' ':
		return rest[1:], true
	}
	return s, false
}

// CutSym cuts the symbol sym off the start of s, and a space after it.
func CutSym(s, sym string) (string, bool) {
	rest, ok := strings.CutPrefix(s, sym)
	if !ok {
		return s, false
	}
	return strings.TrimPrefix(rest, " "), true
}

// CutGlued cuts w off the start of s if no letter or digit follows it, so
// that abbreviations may be glued to a number ("600k", "48h") without
// matching the start of a longer word ("km").
func CutGlued(s, w string) (string, bool) {
	rest, ok := strings.CutPrefix(s, w)
	if !ok || !Boundary(rest) {
		return s, false
	}
	return rest, true
}

func Boundary(s string) bool {
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func IsDigit(c byte) bool { return '0' <= c && c <= '9' }

func DigitsEnd(s string, i int) int {
	for i < len(s) && IsDigit(s[i]) {
		i++
	}
	return i
}

// IsUnitText reports whether s names what a number counts ("troops",
// "km/h"): words without digits or signs that would change the number.
func IsUnitText(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !strings.ContainsRune(" -'’./", r) {
			return false
		}
	}
	return true
}

// Quote quotes s for an error message, cut short so that a huge value
// does not drown the report.
func Quote(s string) string {
	const max = 60
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return fmt.Sprintf("%q", s)
}

// Atoi reads s as a non-negative decimal of exactly len(s) digits.
func Atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !IsDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
