package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/internal/safetext"
)

// WriteJSON writes v indented, with a final newline, without escaping <>&
// (the output is data, not HTML). Ledger text inside keeps every character,
// but C1 controls and bidi overrides are written as \u escapes, as
// encoding/json already does for C0: JSON piped to a terminal must not
// drive it. Nor may it drive a CI runner: "##[" is written "#\u0023[".
func WriteJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(safetext.JSONWorkflow(EscapeJSONControls(buf.Bytes())))
	return err
}

// EscapeJSONControls rewrites the raw C1 controls and bidi controls in
// encoded JSON as \u escapes. They can only occur inside strings, where
// the escape means the same character.
func EscapeJSONControls(b []byte) []byte {
	if !bytes.ContainsFunc(b, jsonUnsafe) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if jsonUnsafe(r) {
			out = fmt.Appendf(out, "\\u%04x", r)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

func jsonUnsafe(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

// Each converts every element of ts, keeping nil as nil and empty as
// empty, which JSON tells apart. Writers use it to turn engine values
// into their own JSON types.
func Each[T, U any](ts []T, f func(*T) U) []U {
	if ts == nil {
		return nil
	}
	out := make([]U, len(ts))
	for i := range ts {
		out[i] = f(&ts[i])
	}
	return out
}

// Plural is "1 claim", "2 claims".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ey") {
		return fmt.Sprintf("%d %sies", n, noun[:len(noun)-1])
	}
	if strings.HasSuffix(noun, "s") {
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
