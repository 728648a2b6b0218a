package bulk

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/suggest"
)

// JSON Lines claim files hold one claim object per line:
//
//	{"topic": "plan.army-cap", "value": "600,000", "source": "reuters", "via": ["ap"], "context": {"draft": "28-point"}}
//
// Values are flat: strings (numbers and booleans are taken as written),
// via a string or a list of strings, context an object of strings. The
// scanner below reads exactly that shape without building a generic
// value, several times faster than encoding/json, which still words the
// message when a line is not JSON at all.

// readJSONL reads one claim per non-blank line.
func (bf *bulkFile) readJSONL() error {
	s := &jsonScanner{}
	for {
		if bf.stop {
			return nil
		}
		line, tooLong, err := bf.lr.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if tooLong {
			bf.tooLong(bf.lr.line)
			continue
		}
		s.data, s.i = line, 0
		s.skipSpace()
		if s.i == len(line) {
			continue // blank lines separate nothing, but are harmless
		}
		if !bf.checkText(line) {
			continue
		}
		bf.jsonClaim(s)
	}
}

// jsonClaim reads the object on the scanner's line as a claim.
func (bf *bulkFile) jsonClaim(s *jsonScanner) {
	line := bf.lr.line
	at := func(off int) diag.Pos { return bf.pos(line, bf.cols.at(off)) }
	if s.data[s.i] != '{' {
		bf.jsonError(s, at)
		return
	}
	bf.row.reset(at(s.i))
	s.i++
	s.skipSpace()
	seen := [numFields]bool{}
	if s.peek() == '}' {
		s.i++
	} else {
		for {
			key, keyAt, ok := s.key()
			if !ok {
				bf.jsonError(s, at)
				return
			}
			f := claimFieldIndex(string(key))
			switch {
			case f < 0 && !diag.Plain(string(key)):
				// Perhaps not a claim file at all: its text stays unquoted.
				bf.problem(diag.Errorf(at(keyAt), "unknown-field", "a claim has a field that is not a claim field, nor a plain name"))
			case f < 0:
				bf.problem(diag.Problem{Pos: at(keyAt), Severity: diag.Error, Code: "unknown-field",
					Message: fmt.Sprintf("unknown field %q in a claim", string(key)), Hint: suggest.Field(string(key), claims.ClaimFields)})
			case seen[f]:
				// Reported once; the first value stands, as in YAML.
				bf.problem(diag.Errorf(at(keyAt), "duplicate-key", "duplicate key %q in a claim", claims.ClaimFields[f]))
				f = -1
			default:
				seen[f] = true
			}
			if !bf.jsonField(s, f, at) {
				return
			}
			more, ok := s.next('}')
			if !ok {
				bf.jsonError(s, at)
				return
			}
			if !more {
				break
			}
		}
	}
	s.skipSpace()
	if s.i != len(s.data) {
		bf.jsonError(s, at)
		return
	}
	bf.endRow()
}

// jsonField reads the value of field f (-1: read and drop). It returns false
// when the line has been reported and is no longer worth reading.
func (bf *bulkFile) jsonField(s *jsonScanner, f int, at func(int) diag.Pos) bool {
	start := s.i
	switch s.peek() {
	case '[':
		if f != fVia {
			break
		}
		s.i++
		s.skipSpace()
		if s.peek() == ']' {
			s.i++
			bf.row.has[fVia] = true
			return true
		}
		for {
			itemAt := s.i
			text, kind, ok := s.scalar(&s.vbuf)
			if !ok {
				return bf.notFlat(s, f, itemAt, at, "via entry")
			}
			if kind != jsonNull {
				bf.addVia(text, at(itemAt))
			}
			more, ok := s.next(']')
			if !ok {
				bf.jsonError(s, at)
				return false
			}
			if !more {
				return true
			}
		}
	case '{':
		if f != fContext {
			break
		}
		s.i++
		s.skipSpace()
		bf.row.has[fContext] = true
		if s.peek() == '}' {
			s.i++
			return true
		}
		for {
			key, keyAt, ok := s.key()
			if !ok {
				bf.jsonError(s, at)
				return false
			}
			valAt := s.i
			val, _, ok := s.scalar(&s.vbuf)
			if !ok {
				return bf.notFlat(s, f, valAt, at, "context value")
			}
			bf.addContext(key, val, at(keyAt))
			more, ok := s.next('}')
			if !ok {
				bf.jsonError(s, at)
				return false
			}
			if !more {
				return true
			}
		}
	}
	text, kind, ok := s.scalar(&s.vbuf)
	if !ok {
		return bf.notFlat(s, f, start, at, "")
	}
	switch {
	case f < 0, kind == jsonNull:
	case f == fVia:
		bf.addVia(text, at(start))
	case f == fContext:
		bf.problem(diag.Errorf(at(start), "wrong-type", "context must be an object of qualifiers, as in {\"draft\": \"28-point\"}"))
		bf.row.badField = true
	default:
		bf.set(f, text, at(start))
	}
	return true
}

// notFlat reports a value nested where a single value belongs, or a JSON
// syntax error there.
func (bf *bulkFile) notFlat(s *jsonScanner, f, off int, at func(int) diag.Pos, what string) bool {
	if c := s.byteAt(off); (c == '[' || c == '{') && json.Valid(s.data) {
		if f < 0 {
			return false // an unknown or repeated field, already reported
		}
		if what == "" {
			what = claims.ClaimFields[f]
		}
		kind := "a list"
		if c == '{' {
			kind = "an object"
		}
		bf.problem(diag.Errorf(at(off), "wrong-type", "%s must be a single value, not %s", what, kind))
		bf.row.badField = true
		return false
	}
	bf.jsonError(s, at)
	return false
}

// jsonError reports a line that is not a JSON object, in encoding/json's
// words and at its offset.
func (bf *bulkFile) jsonError(s *jsonScanner, at func(int) diag.Pos) {
	var v any
	err := json.Unmarshal(s.data, &v)
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		off := max(int(syn.Offset)-1, 0)
		bf.problem(diag.Errorf(at(off), "json", "invalid JSON: %s", syn.Error()))
	case err != nil:
		bf.problem(diag.Errorf(at(s.i), "json", "invalid JSON: %v", err))
	default:
		if _, obj := v.(map[string]any); obj {
			// encoding/json took what the scanner refused: say where the
			// scanner stopped rather than nothing.
			bf.problem(diag.Errorf(at(s.i), "json", "invalid JSON"))
			return
		}
		bf.problem(diag.Errorf(at(0), "wrong-type", "each line must hold one claim, a JSON object, not %s", jsonKind(v)))
	}
}

func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "a list"
	case string:
		return "a string"
	case nil:
		return "null"
	}
	return fmt.Sprintf("the value %v", v)
}

// jsonScanner reads flat JSON values out of one line.
type jsonScanner struct {
	data []byte
	i    int
	// kbuf and vbuf hold a key and a value whose escapes had to be
	// decoded, so both stay valid until the next pair.
	kbuf, vbuf []byte
}

type jsonKindOf int

const (
	jsonString jsonKindOf = iota
	jsonLiteral
	jsonNull
)

func (s *jsonScanner) peek() byte { return s.byteAt(s.i) }

func (s *jsonScanner) byteAt(i int) byte {
	if i < len(s.data) {
		return s.data[i]
	}
	return 0
}

// key reads an object's key, its colon and the space around them; at is
// where the key starts. ok is false, with the scanner where it stopped,
// when they are not there.
func (s *jsonScanner) key() (key []byte, at int, ok bool) {
	if s.peek() != '"' {
		return nil, 0, false
	}
	at = s.i
	if key, ok = s.str(&s.kbuf); !ok {
		return nil, 0, false
	}
	s.skipSpace()
	if s.peek() != ':' {
		return nil, 0, false
	}
	s.i++
	s.skipSpace()
	return key, at, true
}

// next reads what follows a member or an element: a comma and the space
// after it (more), or the closing bracket. ok is false for anything else.
func (s *jsonScanner) next(close byte) (more, ok bool) {
	s.skipSpace()
	switch s.peek() {
	case ',':
		s.i++
		s.skipSpace()
		return true, true
	case close:
		s.i++
		return false, true
	}
	return false, false
}

func (s *jsonScanner) skipSpace() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// scalar reads a string, number, true, false or null. Numbers and booleans
// come back as written.
func (s *jsonScanner) scalar(buf *[]byte) ([]byte, jsonKindOf, bool) {
	start := s.i
	switch c := s.peek(); {
	case c == '"':
		b, ok := s.str(buf)
		return b, jsonString, ok
	case c == '-' || c >= '0' && c <= '9':
		ok := s.number()
		return s.data[start:s.i], jsonLiteral, ok
	case c == 't':
		return s.literal("true"), jsonLiteral, s.i > start
	case c == 'f':
		return s.literal("false"), jsonLiteral, s.i > start
	case c == 'n':
		return nil, jsonNull, s.literal("null") != nil
	}
	return nil, jsonNull, false
}

func (s *jsonScanner) literal(word string) []byte {
	if len(s.data)-s.i >= len(word) && string(s.data[s.i:s.i+len(word)]) == word {
		s.i += len(word)
		return s.data[s.i-len(word) : s.i]
	}
	return nil
}

// number checks the JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *jsonScanner) number() bool {
	digits := func() int {
		n := 0
		for s.i < len(s.data) && s.data[s.i] >= '0' && s.data[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	if s.peek() == '-' {
		s.i++
	}
	switch {
	case s.peek() == '0':
		s.i++
	case digits() == 0:
		return false
	}
	if s.peek() == '.' {
		s.i++
		if digits() == 0 {
			return false
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}

// str reads a string. Without escapes it returns a slice of the line;
// with them it decodes into buf, as encoding/json does (a lone surrogate
// becomes U+FFFD).
func (s *jsonScanner) str(buf *[]byte) ([]byte, bool) {
	s.i++ // the opening quote
	start := s.i
	// Most strings hold no escape and no control character: find the
	// closing quote and check the text between eight bytes at a time.
	if q := bytes.IndexByte(s.data[start:], '"'); q >= 0 {
		text := s.data[start : start+q]
		if bytes.IndexByte(text, '\\') < 0 && !hasControl(text) {
			s.i += q + 1
			return text, true
		}
	}
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '"':
			s.i++
			return s.data[start : s.i-1], true
		case c == '\\':
			return s.escaped(start, buf)
		case c < 0x20:
			return nil, false
		}
		s.i++
	}
	return nil, false
}

func (s *jsonScanner) escaped(start int, buf *[]byte) ([]byte, bool) {
	out := append((*buf)[:0], s.data[start:s.i]...)
	defer func() { *buf = out[:0] }()
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '"':
			s.i++
			return out, true
		case c < 0x20:
			return nil, false
		case c != '\\':
			out = append(out, c)
			s.i++
			continue
		}
		if s.i+1 >= len(s.data) {
			return nil, false
		}
		e := s.data[s.i+1]
		s.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := s.hex4()
			if !ok {
				return nil, false
			}
			if utf16.IsSurrogate(r) {
				// A high surrogate pairs with a \u low surrogate after it.
				save := s.i
				if s.i+1 < len(s.data) && s.data[s.i] == '\\' && s.data[s.i+1] == 'u' {
					s.i += 2
					if r2, ok := s.hex4(); ok {
						if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
							out = utf8.AppendRune(out, d)
							continue
						}
					}
				}
				s.i = save
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
		default:
			return nil, false
		}
	}
	return nil, false
}

func (s *jsonScanner) hex4() (rune, bool) {
	if s.i+4 > len(s.data) {
		return 0, false
	}
	var r rune
	for _, c := range s.data[s.i : s.i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	s.i += 4
	return r, true
}

// hasControl reports whether b holds a byte below 0x20, which a JSON
// string may not hold raw. It tests eight bytes at a time: subtracting
// 0x20 from each byte borrows into its top bit exactly when the byte is
// below 0x20 (bytes of 0x80 and up are masked out by ^x).
func hasControl(b []byte) bool {
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		if (x-0x2020202020202020)&^x&0x8080808080808080 != 0 {
			return true
		}
		b = b[8:]
	}
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}
