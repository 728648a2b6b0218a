// Package ledgerfile writes YAML ledger files as text: where a new claim,
// source or topic goes in a file and how it is written (for claimdiff add),
// and the one canonical layout of a file (for claimdiff fmt).
//
// Both keep what they do not mean to change. Insertion splices new lines
// into the file's bytes at a place the fast loader found, so comments,
// order, blank lines and quoting elsewhere stay byte for byte; formatting
// keeps every comment and refuses a file it could not lay out without
// changing what it means. Every string is written so that yaml.v3 and the
// loader's own scanner read back exactly that string.
package ledgerfile

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Context says where a scalar is written, which decides what may stand
// unquoted: inside [a, b] or {k: v} commas and brackets end a plain
// scalar, in a block they do not.
type Context int

const (
	Block Context = iota // a block mapping's value, or a key
	Flow                 // an item or value in a one-line [a, b] or {k: v}
)

// Scalar writes s as a YAML scalar that reads back as s: plain when that
// is safe, else in double quotes, or in single quotes when s holds a
// double quote or a backslash and nothing that needs an escape (as the
// example writes 'as "de facto Russian,"'). A string that would read as
// null unquoted (~, null) is quoted, as the loader would read it as no
// value at all.
func Scalar(s string, ctx Context) string {
	switch {
	case plainOK(s, ctx):
		return s
	case !needsEscape(s) && strings.ContainsAny(s, "\"\\"):
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return doubleQuoted(s)
}

// plainOK says whether s may be written unquoted. It is deliberately
// stricter than YAML: a plain scalar the loader's fast scanner would hand
// to yaml.v3 (": " inside, a tab) is quoted too, so that what claimdiff
// writes is read at full speed.
func plainOK(s string, ctx Context) bool {
	if s == "" || needsEscape(s) {
		return false
	}
	switch s {
	case "~", "null", "Null", "NULL":
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return false
	}
	switch first {
	case '-':
		// A negative number reads as itself; "- x" or "--" is safer quoted.
		if len(s) < 2 || s[1] < '0' || s[1] > '9' {
			return false
		}
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '~':
		return false
	}
	if strings.Contains(s, "\"") || strings.Contains(s, "\\") {
		return false // quoted, so a reader sees where the text ends
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\t':
			return false
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' {
				return false
			}
			if ctx == Flow && strings.IndexByte(",[]{}", s[i+1]) >= 0 {
				return false
			}
		case '#':
			if s[i-1] == ' ' {
				return false
			}
		case ',', '[', ']', '{', '}', '?':
			// yaml.v3 reads a "?" in a flow plain scalar as the start of a
			// key; the others end it there.
			if ctx == Flow {
				return false
			}
		}
	}
	return true
}

// needsEscape says whether s holds a character that only an escape in
// double quotes can carry: line breaks, control characters, and those
// yaml.v3 refuses in a file at all.
func needsEscape(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if !printable(r) {
			return true
		}
	}
	return false
}

// printable is a character written as itself in a quoted scalar: one
// yaml.v3 allows in a file that is not a line break, a BOM or a control.
func printable(r rune) bool {
	switch {
	case r >= 0x20 && r < 0x7f:
		return true
	case r < 0xa0, unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp):
		// Controls, and the invisible ones too: a bidi override or a
		// zero-width space written raw makes a line read otherwise than
		// it is (Trojan Source), so fmt spells them out.
		return false
	}
	return r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}

// doubleQuoted writes s in double quotes, escaping with the escapes the
// fast scanner reads itself.
func doubleQuoted(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError:
			// Invalid UTF-8 cannot be in a ledger, and callers check for
			// it; a real U+FFFD is written as itself.
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				b.WriteString(`\uFFFD`)
			} else {
				b.WriteRune(r)
			}
		case printable(r):
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x`)
			b.WriteString(hex(uint64(r), 2))
		case r <= 0xffff:
			b.WriteString(`\u`)
			b.WriteString(hex(uint64(r), 4))
		default:
			b.WriteString(`\U`)
			b.WriteString(hex(uint64(r), 8))
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hex(v uint64, width int) string {
	s := strings.ToUpper(strconv.FormatUint(v, 16))
	return strings.Repeat("0", width-len(s)) + s
}

// ID writes an id (of a source, a topic or a claim) as Scalar does, but
// quoted also when a YAML reader would take it plain for anything but a
// string: null, a boolean in YAML 1.1 or 1.2 (yes, off, True) or a number
// (2024, 1e3, 0x1F). A fact-checker named "Null" must stay a name to every
// tool that reads the file, not only to claimdiff.
func ID(s string, ctx Context) string {
	if typedPlain(s) {
		return doubleQuoted(s)
	}
	return Scalar(s, ctx)
}

// typedPlain says whether s, written plain, would read as null, a boolean
// or a number to some YAML reader.
func typedPlain(s string) bool {
	switch strings.ToLower(s) {
	case "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n":
		return true
	}
	if _, err := strconv.ParseInt(s, 0, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		return true
	}
	_, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	return err == nil || errors.Is(err, strconv.ErrRange)
}
