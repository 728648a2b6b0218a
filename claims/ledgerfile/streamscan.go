package ledgerfile

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The streaming layout reads only a strict subset of YAML, one line at a
// time: keys and values on one line, plain or quoted, and one-line flow
// collections of such values. What it reads it reads exactly as yaml.v3
// does, and anything else (a value running on over lines, a block
// scalar, an anchor, a tag, an empty value) makes it decline, so that the
// tree layout, which knows all of YAML, takes the file.

// maxKey is below yaml.v3's limit of 1024 characters on a key written
// on one line without "? ".
const maxKey = 1000

// sval is one value read from a line: a scalar, or a flow list or
// mapping of scalars (items holds a mapping's keys and values in turn).
type sval struct {
	kind  byte // 0 for a scalar, '[' or '{'
	s     string
	items []string
}

// inline writes v as the tree layout's inline does.
func (v *sval) inline(sortKeys bool) string {
	switch v.kind {
	case '[':
		parts := make([]string, len(v.items))
		for i, it := range v.items {
			parts[i] = Scalar(it, Flow)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case '{':
		n := len(v.items) / 2
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		if sortKeys {
			// Stable, as the tree layout sorts, so that repeated keys keep
			// their order.
			for i := 1; i < n; i++ {
				for j := i; j > 0 && v.items[2*idx[j]] < v.items[2*idx[j-1]]; j-- {
					idx[j], idx[j-1] = idx[j-1], idx[j]
				}
			}
		}
		parts := make([]string, n)
		for i, k := range idx {
			parts[i] = Scalar(v.items[2*k], Flow) + ": " + Scalar(v.items[2*k+1], Flow)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return Scalar(v.s, Block)
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// lineComment reads what follows a value on its line: nothing, or a
// comment after at least one space. ok is false for anything else.
func lineComment(s string, i int) (string, bool) {
	j := skipSpaces(s, i)
	if j == len(s) {
		return "", true
	}
	if s[j] != '#' || j == i {
		return "", false
	}
	return strings.TrimSpace(s[j:]), true
}

// key reads a block mapping key at s[i:] and the ": " or ":" at the end
// of the line after it; j is where the value starts.
func key(s string, i int) (k string, j int, ok bool) {
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		k, j, ok = quoted(s, i)
		if !ok || j >= len(s) || s[j] != ':' {
			return "", 0, false
		}
	} else {
		j = i
		for j < len(s) && !(s[j] == ':' && (j+1 == len(s) || s[j+1] == ' ')) {
			j++
		}
		if j == len(s) {
			return "", 0, false
		}
		k = s[i:j]
		if !plainOK(k, Block) {
			return "", 0, false
		}
	}
	if len(k) > maxKey || k == "<<" {
		return "", 0, false
	}
	j++ // the colon
	if j < len(s) && s[j] != ' ' {
		return "", 0, false
	}
	return k, j, true
}

// blockValue reads the value of a block mapping key, on the rest of its
// line, and the comment after it.
func blockValue(s string, i int) (v sval, comment string, ok bool) {
	i = skipSpaces(s, i)
	if i == len(s) || s[i] == '#' {
		return v, "", false // an empty value, or one on the lines below
	}
	var j int
	switch s[i] {
	case '[', '{':
		v, j, ok = flowCollection(s, i)
	case '"', '\'':
		v.s, j, ok = quoted(s, i)
	default:
		j = i
		for j < len(s) && !(s[j] == '#' && s[j-1] == ' ') {
			j++
		}
		v.s, ok = strings.TrimRight(s[i:j], " "), true
		if !plainOK(v.s, Block) {
			return v, "", false
		}
		j = i + len(v.s)
	}
	if !ok {
		return v, "", false
	}
	comment, ok = lineComment(s, j)
	return v, comment, ok
}

// flowCollection reads a one-line [a, b] or {k: v} of scalars at s[i:].
func flowCollection(s string, i int) (v sval, j int, ok bool) {
	v.kind = s[i]
	closer := byte(']')
	if v.kind == '{' {
		closer = '}'
	}
	j = skipSpaces(s, i+1)
	if j < len(s) && s[j] == closer {
		return v, 0, false // empty: rare, and left to the tree layout
	}
	for {
		var item string
		item, j, ok = readFlowScalar(s, j)
		if !ok {
			return v, 0, false
		}
		v.items = append(v.items, item)
		j = skipSpaces(s, j)
		if v.kind == '{' {
			if len(item) > maxKey || item == "<<" || j+1 >= len(s) || s[j] != ':' || s[j+1] != ' ' {
				return v, 0, false
			}
			if item, j, ok = readFlowScalar(s, j+2); !ok {
				return v, 0, false
			}
			v.items = append(v.items, item)
			j = skipSpaces(s, j)
		}
		if j >= len(s) {
			return v, 0, false
		}
		if s[j] == closer {
			return v, j + 1, true
		}
		if s[j] != ',' {
			return v, 0, false
		}
		j = skipSpaces(s, j+1)
	}
}

// readFlowScalar reads one scalar inside a flow collection, where commas and
// brackets end a plain one.
func readFlowScalar(s string, i int) (string, int, bool) {
	i = skipSpaces(s, i)
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		return quoted(s, i)
	}
	j := i
	for j < len(s) && strings.IndexByte(",[]{}?#", s[j]) < 0 && !(s[j] == ':' && (j+1 == len(s) || s[j+1] == ' ')) {
		j++
	}
	v := strings.TrimRight(s[i:j], " ")
	if !plainOK(v, Flow) {
		return "", 0, false
	}
	return v, j, true
}

// quoted reads a quoted scalar that ends on its line, at s[i].
func quoted(s string, i int) (string, int, bool) {
	if s[i] == '\'' {
		var b strings.Builder
		start := i + 1
		for j := start; j < len(s); j++ {
			if s[j] != '\'' {
				continue
			}
			if j+1 < len(s) && s[j+1] == '\'' {
				b.WriteString(s[start : j+1]) // one of the two quotes
				j++
				start = j + 1
				continue
			}
			b.WriteString(s[start:j])
			return b.String(), j + 1, true
		}
		return "", 0, false
	}
	j := i + 1
	for j < len(s) && s[j] != '"' && s[j] != '\\' {
		j++
	}
	if j < len(s) && s[j] == '"' {
		return s[i+1 : j], j + 1, true // no escapes: the common case
	}
	var b strings.Builder
	b.WriteString(s[i+1 : j])
	for j < len(s) {
		c := s[j]
		switch {
		case c == '"':
			return b.String(), j + 1, true
		case c != '\\':
			b.WriteByte(c)
			j++
			continue
		}
		if j+1 >= len(s) {
			return "", 0, false
		}
		e := s[j+1]
		j += 2
		if r, ok := simpleEscapes[e]; ok {
			b.WriteRune(r)
			continue
		}
		width := 0
		switch e {
		case 'x':
			width = 2
		case 'u':
			width = 4
		case 'U':
			width = 8
		}
		if width == 0 || j+width > len(s) {
			return "", 0, false
		}
		n, err := strconv.ParseUint(s[j:j+width], 16, 32)
		if err != nil || !utf8.ValidRune(rune(n)) {
			return "", 0, false
		}
		b.WriteRune(rune(n))
		j += width
	}
	return "", 0, false
}

// simpleEscapes are YAML's one-letter escapes in double quotes.
var simpleEscapes = map[byte]rune{
	'0': 0, 'a': 7, 'b': 8, 't': 9, 'n': 10, 'v': 11, 'f': 12, 'r': 13, 'e': 27,
	' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029,
}

// plainText says whether data holds only what the streaming layout
// reads: printable characters and line feeds, no tab, no carriage return,
// no byte order mark, and valid UTF-8.
func plainText(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || !printable(r) {
			return false
		}
		i += size
	}
	return true
}
