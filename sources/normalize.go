package sources

import (
	"unicode"
	"unicode/utf8"
)

// Normalize folds what typography changes between a quote and its text:
// case, runs of white space (trimmed at the ends), quotation marks of every
// style (dropped, so ’ and ' and nothing all agree: "Ukraine’s" matches
// "Ukraines"), dashes (– — ‒ − become -), the ellipsis (… becomes ...),
// and invisible characters such as soft hyphens, zero-width spaces and
// bidi controls (dropped). Invalid UTF-8 becomes U+FFFD.
//
// It does not apply Unicode normalisation forms: a precomposed é and an e
// with a combining accent stay different.
func Normalize(s string) string {
	var f folder
	out := make([]byte, 0, len(s))
	for _, r := range s {
		out = f.fold(out, r)
	}
	return string(out)
}

// folder normalises text one rune at a time, so that the archive can map
// any point of the normalised text back to the original.
type folder struct {
	started bool // something has been written
	pending bool // white space seen since the last write
}

// fold appends r's normalised form to dst. A pending space is written only
// before the next visible character, which trims both ends.
func (f *folder) fold(dst []byte, r rune) []byte {
	switch class(r) {
	case dropped:
		return dst
	case space:
		f.pending = f.started
		return dst
	}
	if f.pending {
		dst = append(dst, ' ')
		f.pending = false
	}
	f.started = true
	switch {
	case isDash(r):
		return append(dst, '-')
	case r == '…':
		return append(dst, "..."...)
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

type runeClass int

const (
	visible runeClass = iota
	space
	dropped
)

func class(r rune) runeClass {
	switch {
	case isQuote(r):
		return dropped
	case unicode.IsSpace(r):
		return space
	case r == '\u00ad', r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060', r == '\ufeff',
		r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f', r == '\u061c':
		// Soft hyphen, zero-width characters, BOM, bidi controls.
		return dropped
	case unicode.IsControl(r):
		return space
	}
	return visible
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '`', '´', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '«', '»', '‹', '›',
		'′', '″', 'ʼ', '＂', '＇', '〝', '〞':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '‐', '‑', '‒', '–', '—', '―', '−', '﹣', '－':
		return true
	}
	return false
}

// isWordRune reports the characters words are made of, for the archive's
// word index and for reading source names.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
