package load

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"go.yaml.in/yaml/v3"
)

// itemScanner turns one claims entry written in the plain block style
// ("- key: value" lines with single-line scalars, [a, b] lists and {k: v}
// maps) into the yaml.Node tree yaml.v3 would give, without yaml.v3's
// cost. It reuses its nodes from one entry to the next (the reader copies
// what it keeps), so reading a million claims allocates little beyond the
// claims' own strings.
type itemScanner struct {
	nodes   []yaml.Node
	content []*yaml.Node
	intern  map[string]string
}

// maxItemNodes bounds one entry; the arena never grows past it, so pointers
// into it stay valid while an entry is read. A bigger entry goes to yaml.v3.
const maxItemNodes = 512

func newItemScanner() *itemScanner {
	return &itemScanner{
		nodes:   make([]yaml.Node, 0, maxItemNodes),
		content: make([]*yaml.Node, 0, maxItemNodes),
		intern:  map[string]string{},
	}
}

// scanResult says what became of an entry.
type scanResult int

const (
	scanned  scanResult = iota // the tree is ready
	fallback                   // a form this scanner does not read: use yaml.v3 on the entry
	abort                      // an anchor or alias: only a whole-file decode is right
)

// scan reads the entry data (starting at its dash, on line) into a mapping
// node whose positions are true for the file.
func (s *itemScanner) scan(data []byte, line int) (*yaml.Node, scanResult) {
	s.nodes, s.content = s.nodes[:0], s.content[:0]
	root := s.node()
	root.Kind, root.Tag = yaml.MappingNode, "!!map"
	mapIndent := -1
	for off := 0; off < len(data); line++ {
		var text []byte
		text, off = lineAt(data, off)
		text = bytes.TrimSuffix(text, []byte{'\r'})
		n := indentOf(text)
		if mapIndent < 0 {
			// The dash line: "- key: value".
			n++
			n += indentOf(text[min(n, len(text)):])
			mapIndent = n
			if n >= len(text) || text[n] == '#' {
				return nil, fallback // "-" alone, the mapping below it
			}
		} else if n == len(text) || text[n] == '#' {
			continue
		} else if n != mapIndent {
			return nil, fallback // a nested block or a continued scalar
		}
		k, v, res := s.field(text, n, line)
		if res != scanned {
			return nil, res
		}
		s.content = append(s.content, k, v)
	}
	if len(s.content) == 0 {
		return nil, fallback
	}
	root.Content = s.content
	root.Line, root.Column = s.content[0].Line, s.content[0].Column
	return root, scanned
}

// node returns a fresh node from the arena, or nil when it is full.
func (s *itemScanner) node() *yaml.Node {
	if len(s.nodes) == cap(s.nodes) {
		return nil
	}
	s.nodes = append(s.nodes, yaml.Node{})
	return &s.nodes[len(s.nodes)-1]
}

// field reads "key: value" starting at byte n of a line.
func (s *itemScanner) field(text []byte, n, line int) (key, val *yaml.Node, res scanResult) {
	i := n
	for i < len(text) && isKeyByte(text[i]) {
		i++
	}
	if i == n || i >= len(text) || text[i] != ':' || i+1 < len(text) && text[i+1] != ' ' {
		return nil, nil, fallback
	}
	k := s.node()
	if k == nil {
		return nil, nil, fallback
	}
	*k = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: knownKey(text[n:i]), Line: line, Column: col(text, n)}
	j := i + 1
	for j < len(text) && text[j] == ' ' {
		j++
	}
	v, j, res := s.value(text, j, line, flowNone, intern(k.Value))
	if res != scanned {
		return nil, nil, res
	}
	if v.Tag == "!!null" && v.Value == "" {
		// yaml.v3 places a value left empty right after the colon,
		// whatever spaces follow.
		v.Column = col(text, i+1)
	}
	if !restIsComment(text, j) {
		return nil, nil, fallback
	}
	return k, v, scanned
}

// knownKey returns the ledger's own field names without allocating.
func knownKey(b []byte) string {
	for _, k := range claims.ClaimFields {
		if string(b) == k {
			return k
		}
	}
	return string(b)
}

type flowContext int

const (
	flowNone flowContext = iota
	flowSeq
	flowMap
)

// intern says whether values of a key repeat enough across claims to share
// one string (sources, dates, kinds) rather than copy each time. Topics
// repeat too, but so many of them that the lookups cost more than they save.
func intern(key string) bool {
	switch key {
	case "source", "via", "date", "as_of", "kind", "type", "status":
		return true
	}
	return false
}

// value reads a scalar, [list] or {map} at text[j:], returning its node
// and where it ended.
func (s *itemScanner) value(text []byte, j, line int, ctx flowContext, share bool) (*yaml.Node, int, scanResult) {
	nd := s.node()
	if nd == nil {
		return nil, 0, fallback
	}
	nd.Line, nd.Column = line, col(text, j)
	if j >= len(text) || text[j] == '#' && text[j-1] == ' ' {
		if ctx != flowNone {
			return nil, 0, fallback
		}
		nd.Kind, nd.Tag = yaml.ScalarNode, "!!null"
		return nd, j, scanned
	}
	switch c := text[j]; c {
	case '&', '*':
		return nil, 0, abort
	case '!', '|', '>', '%', '@', '`', '?', ',', ']', '}', '#':
		return nil, 0, fallback
	case '"', '\'':
		quote := doubleQuoted
		style := yaml.DoubleQuotedStyle
		if c == '\'' {
			quote, style = singleQuoted, yaml.SingleQuotedStyle
		}
		v, end, ok := quote(text, j)
		if !ok {
			return nil, 0, fallback
		}
		nd.Kind, nd.Tag, nd.Style, nd.Value = yaml.ScalarNode, "!!str", style, s.share(v, share)
		return nd, end, scanned
	case '[', '{':
		if ctx != flowNone {
			return nil, 0, fallback // nested flow: rare, leave it to yaml.v3
		}
		return s.flow(text, j, nd, share)
	case '-', ':':
		if j+1 >= len(text) || text[j+1] == ' ' {
			return nil, 0, fallback
		}
	}
	end := plainEnd(text, j, ctx)
	if end < 0 {
		return nil, 0, fallback
	}
	raw := bytes.TrimRight(text[j:end], " ")
	nd.Kind, nd.Tag = yaml.ScalarNode, "!!str"
	switch string(raw) {
	case "~", "null", "Null", "NULL":
		nd.Tag = "!!null"
	}
	nd.Value = s.str(raw, share)
	return nd, end, scanned
}

// flow reads a one-line [a, b] or {k: v, k2: v2} into nd.
func (s *itemScanner) flow(text []byte, j int, nd *yaml.Node, share bool) (*yaml.Node, int, scanResult) {
	seq := text[j] == '['
	closer, ctx := byte('}'), flowMap
	nd.Kind, nd.Tag, nd.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
	if seq {
		closer, ctx = ']', flowSeq
		nd.Kind, nd.Tag = yaml.SequenceNode, "!!seq"
	}
	var content []*yaml.Node
	i := j + 1
	skip := func() {
		for i < len(text) && text[i] == ' ' {
			i++
		}
	}
	for {
		skip()
		if i >= len(text) {
			return nil, 0, fallback // continues on the next line
		}
		if text[i] == closer {
			i++
			break
		}
		if !seq {
			k, end, res := s.value(text, i, nd.Line, ctx, false)
			if res != scanned {
				return nil, 0, res
			}
			if end >= len(text) || text[end] != ':' || end+1 < len(text) && text[end+1] != ' ' {
				return nil, 0, fallback
			}
			content = append(content, k)
			i = end + 1
			skip()
		}
		v, end, res := s.value(text, i, nd.Line, ctx, share)
		if res != scanned {
			return nil, 0, res
		}
		content = append(content, v)
		i = end
		skip()
		if i < len(text) && text[i] == ',' {
			i++
			continue
		}
		if i < len(text) && text[i] == closer {
			i++
			break
		}
		return nil, 0, fallback
	}
	nd.Content = content
	return nd, i, scanned
}

// plainEnd finds where a plain scalar ends: at " #", at the end of the
// line, or in a flow at "," or the closing bracket. It gives -1 for a
// plain scalar holding ": ", which only yaml.v3 should judge.
func plainEnd(text []byte, j int, ctx flowContext) int {
	for i := j; i < len(text); i++ {
		switch c := text[i]; c {
		case '#':
			if text[i-1] == ' ' {
				return i
			}
		case ':':
			if i+1 >= len(text) || text[i+1] == ' ' {
				if ctx == flowMap {
					return i
				}
				return -1
			}
			if ctx != flowNone && (text[i+1] == ',' || text[i+1] == ']' || text[i+1] == '}') {
				return -1
			}
		case ',', ']', '}', '[', '{':
			if ctx != flowNone {
				if c == '[' || c == '{' {
					return -1
				}
				return i
			}
		}
	}
	return len(text)
}

func restIsComment(text []byte, j int) bool {
	for ; j < len(text); j++ {
		switch text[j] {
		case ' ':
		case '#':
			return text[j-1] == ' '
		default:
			return false
		}
	}
	return true
}

// col is the 1-based column of byte j, counted in characters as yaml.v3
// counts them.
func col(text []byte, j int) int { return 1 + utf8.RuneCount(text[:j]) }

func (s *itemScanner) str(b []byte, share bool) string {
	if !share {
		return string(b)
	}
	if v, ok := s.intern[string(b)]; ok {
		return v
	}
	v := string(b)
	s.intern[v] = v
	return v
}

func (s *itemScanner) share(v string, share bool) string {
	if !share {
		return v
	}
	if w, ok := s.intern[v]; ok {
		return w
	}
	s.intern[v] = v
	return v
}

// doubleQuoted reads a "..." scalar that closes on the same line.
func doubleQuoted(text []byte, j int) (string, int, bool) {
	i := j + 1
	plain := true
	for ; i < len(text); i++ {
		if text[i] == '\\' {
			plain = false
			i++
			continue
		}
		if text[i] == '"' {
			break
		}
	}
	if i >= len(text) {
		return "", 0, false
	}
	body := text[j+1 : i]
	if plain {
		return string(body), i + 1, true
	}
	v, ok := unescape(body)
	return v, i + 1, ok
}

// unescape handles YAML's double-quoted escapes; an unusual one sends the
// entry to yaml.v3, which knows them all.
func unescape(b []byte) (string, bool) {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' {
			out = append(out, b[i])
			continue
		}
		i++
		if i >= len(b) {
			return "", false
		}
		switch c := b[i]; c {
		case '\\', '"', '/':
			out = append(out, c)
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case '0':
			out = append(out, 0)
		case 'a':
			out = append(out, 7)
		case 'e':
			out = append(out, 0x1b)
		case 'x', 'u', 'U':
			width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			if i+1+width > len(b) {
				return "", false
			}
			r, err := strconv.ParseUint(string(b[i+1:i+1+width]), 16, 32)
			if err != nil || !utf8.ValidRune(rune(r)) {
				return "", false
			}
			out = utf8.AppendRune(out, rune(r))
			i += width
		default:
			return "", false
		}
	}
	return string(out), true
}

// singleQuoted reads a '...' scalar that closes on the same line.
func singleQuoted(text []byte, j int) (string, int, bool) {
	var out []byte
	start := j + 1
	for i := start; i < len(text); i++ {
		if text[i] != '\'' {
			continue
		}
		if i+1 < len(text) && text[i+1] == '\'' {
			out = append(out, text[start:i+1]...)
			start = i + 2
			i++
			continue
		}
		if out == nil {
			return string(text[start:i]), i + 1, true
		}
		return string(append(out, text[start:i]...)), i + 1, true
	}
	return "", 0, false
}
