// Package safetext makes untrusted ledger text safe for each place it is
// printed. Everything a ledger says is untrusted: it may come from a pull
// request, and a source name that carries an escape sequence, a bidi
// override or a CI workflow command must not be able to rewrite a
// terminal, disguise a report or steer a build.
//
// Each function returns its input unchanged, without allocating, when there
// is nothing to change: the common case is plain text.
package safetext

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Terminal makes s safe to print to a terminal or a CI log. It removes C0
// and C1 control characters except \n and \t, whole escape sequences (CSI,
// OSC, DCS and the other ESC forms, and their 8-bit C1 introducers such as
// U+009B), Unicode bidi controls and the noncharacters U+FFFE and U+FFFF,
// and replaces invalid UTF-8 with U+FFFD. It also defuses CI workflow
// commands: a line that starts with "::" (after white space) starts with
// ": :" instead, and "##[" becomes "# #[".
//
// A stray byte 0x80–0x9F is invalid UTF-8 and becomes U+FFFD like any
// other; only the encoded runes U+0080–U+009F are read as C1 controls.
// Reading raw bytes as C1 would make a Windows-1252 "Ÿ" (0x9F, APC)
// swallow the rest of the text.
func Terminal(s string) string { return defuse(strip(s, false)) }

// Line is Terminal plus folding each run of \n, \r, \t, U+2028 and U+2029
// into a single space: for table cells and one-line messages.
func Line(s string) string { return defuse(strip(s, true)) }

// Clean is Terminal for machine formats that have their own escaping
// (JSON, XML): it strips control and bidi characters and invalid UTF-8 but
// leaves "::" and "##[" alone, since they are only data there.
func Clean(s string) string { return strip(s, false) }

// Commands neutralises CI workflow commands only, as Terminal does, in text
// that is already clean: for a writer that arranges clean text into new
// lines (a table that wraps a cell at a space can put "::" from the middle
// of a cell at the start of a line).
func Commands(s string) string { return defuse(s) }

// strip does the character-level work of Terminal, Line and Clean. When
// fold is set, line and tab characters become single spaces.
func strip(s string, fold bool) string {
	i := firstUnsafe(s, fold)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	// folded says the last thing written is a space that stands for a run
	// of line characters, so the rest of the run adds nothing.
	folded := false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		next := i + size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
			folded = false
		case fold && isFoldable(r):
			if !folded {
				b.WriteByte(' ')
				folded = true
			}
		case r == '\n' || r == '\t':
			b.WriteByte(byte(r))
			folded = false
		case r == 0x1b:
			next = skipEscape(s, next)
		case r >= 0x80 && r <= 0x9f:
			next = skipC1(s, r, next)
		case isDropped(r):
			// Removed without trace.
		default:
			b.WriteString(s[i:next])
			folded = false
		}
		i = next
	}
	return b.String()
}

// firstUnsafe returns the index of the first byte strip would change, or
// len(s).
func firstUnsafe(s string, fold bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (fold && (c == '\n' || c == '\t')) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r <= 0x9f || isDropped(r) || (fold && isFoldable(r)) {
			return i
		}
		i += size
	}
	return len(s)
}

func isFoldable(r rune) bool {
	return r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029'
}

// isDropped reports control characters, bidi controls and the
// noncharacters XML forbids; the caller has handled \n, \t and ESC.
func isDropped(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0xfffe, r == 0xffff:
		return true
	}
	return false
}

// skipEscape returns the index just past the escape sequence whose ESC
// ended just before i. A sequence cut short ends where the text stops
// looking like one; what follows is then ordinary text.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC
		return skipString(s, i+1)
	}
	// Other forms: intermediates 0x20–0x2F, then a final byte 0x30–0x7E,
	// as in ESC ( B or ESC 7.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipC1 returns the index past the sequence that the C1 control r (ending
// just before i) introduces; most C1 controls stand alone.
func skipC1(s string, r rune, i int) int {
	switch r {
	case 0x9b:
		return skipCSI(s, i)
	case 0x90, 0x98, 0x9d, 0x9e, 0x9f:
		return skipString(s, i)
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte of a
// control sequence.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips the body of an OSC, DCS or similar string up to and
// including its terminator (BEL, ESC \ or U+009C; CAN and SUB abort one).
// An unterminated string runs to the end, as a terminal would hide it.
func skipString(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == 0x07, c == 0x18, c == 0x1a:
			return i + 1
		case c == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			// Any other ESC starts a new sequence; let the caller see it.
			return i
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if r == 0x9c {
				return i
			}
		}
	}
	return i
}

// defuse neutralises GitHub Actions workflow commands: "::name::" at the
// start of a line (the runner trims white space first) and the older
// "##[name]" anywhere in a line. The replacements are visible on purpose:
// a zero-width character would hide that the text was altered.
func defuse(s string) string {
	hasOld := strings.Contains(s, "##[")
	if !hasOld && !hasCommandLine(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for n, line := range strings.Split(s, "\n") {
		if n > 0 {
			b.WriteByte('\n')
		}
		if j := commandStart(line); j >= 0 {
			b.WriteString(line[:j])
			b.WriteString(": :")
			line = line[j+2:]
		}
		b.WriteString(line)
	}
	if !hasOld {
		return b.String()
	}
	return strings.ReplaceAll(b.String(), "##[", "# #[")
}

func hasCommandLine(s string) bool {
	if !strings.Contains(s, "::") {
		return false
	}
	for line := range strings.SplitSeq(s, "\n") {
		if commandStart(line) >= 0 {
			return true
		}
	}
	return false
}

// commandStart returns the index of the "::" that opens line after
// leading white space, or -1.
func commandStart(line string) int {
	rest := strings.TrimLeftFunc(line, unicode.IsSpace)
	if strings.HasPrefix(rest, "::") {
		return len(line) - len(rest)
	}
	return -1
}

// ASCII reports whether b is all ASCII, eight bytes at a time: readers
// of large feeds check it first, since text that is can skip the UTF-8
// and control-character work.
func ASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
