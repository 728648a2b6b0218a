package resolveout

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// A million values are too many for encoding/json's reflection and
// re-indenting: records are written by hand, byte for byte as
// encoding/json (without HTML escaping) and render.EscapeJSONControls
// would write them. TestRecordWriterMatchesEncodingJSON holds it to that,
// so the struct tags of Record stay the contract.

// jsonWriter appends JSON, compact or indented by two spaces after a
// prefix, to b.
type jsonWriter struct {
	b      []byte
	indent bool
	prefix string
	first  []bool // per open container: nothing written in it yet
}

func (w *jsonWriter) newline() {
	if !w.indent {
		return
	}
	w.b = append(w.b, '\n')
	w.b = append(w.b, w.prefix...)
	for range len(w.first) {
		w.b = append(w.b, ' ', ' ')
	}
}

// next separates an element from the one before it.
func (w *jsonWriter) next() {
	top := len(w.first) - 1
	if !w.first[top] {
		w.b = append(w.b, ',')
	}
	w.first[top] = false
	w.newline()
}

func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.first = append(w.first, true)
}

func (w *jsonWriter) close(c byte) {
	empty := w.first[len(w.first)-1]
	w.first = w.first[:len(w.first)-1]
	if !empty {
		w.newline()
	}
	w.b = append(w.b, c)
}

func (w *jsonWriter) key(k string) {
	w.next()
	w.b = appendJSONString(w.b, k)
	w.b = append(w.b, ':')
	if w.indent {
		w.b = append(w.b, ' ')
	}
}

func (w *jsonWriter) str(s string)    { w.b = appendJSONString(w.b, s) }
func (w *jsonWriter) int(n int)       { w.b = strconv.AppendInt(w.b, int64(n), 10) }
func (w *jsonWriter) float(x float64) { w.b = appendJSONFloat(w.b, x) }

func (w *jsonWriter) field(k, v string) {
	w.key(k)
	w.str(v)
}

func (w *jsonWriter) strings(v []string) {
	w.open('[')
	for _, s := range v {
		w.next()
		w.str(s)
	}
	w.close(']')
}

// record writes one Record with the keys and omissions its tags say.
func (w *jsonWriter) record(r *Record) {
	w.open('{')
	w.field("topic", r.Topic)
	if len(r.Context) > 0 {
		w.key("context")
		w.open('{')
		keys := make([]string, 0, len(r.Context))
		for k := range r.Context {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			w.field(k, r.Context[k])
		}
		w.close('}')
	}
	if r.AsOf != "" {
		w.field("as_of", r.AsOf)
	}
	if r.Currency != "" {
		w.field("currency", r.Currency)
	}
	w.field("value", r.Value)
	w.field("canonical", r.Canonical)
	w.key("confidence")
	w.float(r.Confidence)
	if r.TooLittleEvidence {
		w.key("too_little_evidence")
		w.b = append(w.b, "true"...)
	}
	w.key("claims")
	w.strings(r.Claims)
	w.key("origins")
	w.int(r.Origins)
	if len(r.Alternatives) > 0 {
		w.key("alternatives")
		w.open('[')
		for i := range r.Alternatives {
			a := &r.Alternatives[i]
			w.next()
			w.open('{')
			w.field("value", a.Value)
			w.field("canonical", a.Canonical)
			w.key("probability")
			w.float(a.Probability)
			w.key("claims")
			w.strings(a.Claims)
			w.key("origins")
			w.int(a.Origins)
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
}

// appendJSONFloat writes x as encoding/json does.
func appendJSONFloat(b []byte, x float64) []byte {
	abs := x
	if abs < 0 {
		abs = -abs
	}
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		b = strconv.AppendFloat(b, x, 'e', -1, 64)
		// encoding/json writes e-07, not e-7's padded form: clean it up
		// as it does.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
		return b
	}
	return strconv.AppendFloat(b, x, 'f', -1, 64)
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does without HTML escaping,
// and, as render.EscapeJSONControls does, writes C1 controls and bidi
// controls as \u escapes so that JSON piped to a terminal cannot drive it.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029' || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e ||
			r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c:
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
