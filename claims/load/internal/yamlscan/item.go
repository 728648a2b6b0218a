package yamlscan

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A Scanner turns one list item or mapping entry written in the plain
// block style ("key: value" lines with single-line scalars, [a, b] lists
// and {k: v} maps) into the yaml.Node tree yaml.v3 would give, without
// yaml.v3's cost. It reuses its nodes from one call to the next (the
// caller copies what it keeps), so reading a million claims allocates
// little beyond the claims' own strings. A Scanner is not safe for
// concurrent use; give each goroutine its own.
type Scanner struct {
	nodes   []yaml.Node
	content []*yaml.Node // the top mapping's keys and values
	flows   []*yaml.Node // the children of its [a, b] and {k: v} values
	keys    []knownKey
	intern  map[string]string
}

// knownKey is a mapping key the scanner expects, and whether the values
// under it are interned.
type knownKey struct {
	name  string
	share bool
}

// maxNodes bounds one item or entry; the arena never grows past it, so
// pointers into it stay valid while one is read. A bigger one falls back.
const maxNodes = 512

// An Option tunes a Scanner to the file it reads.
type Option func(*Scanner)

// Keys names the mapping keys the scanner will meet often, such as a
// claim's fields: it hands out these very strings for them rather than a
// new copy of each.
func Keys(names ...string) Option {
	return func(s *Scanner) {
		for _, n := range names {
			s.addKey(n)
		}
	}
}

// Shared names the keys whose values repeat across entries (sources,
// dates, kinds): their scalar values are interned, one string for all the
// entries that hold it. Values that rarely repeat are better copied, as
// the lookups would cost more than they save.
func Shared(names ...string) Option {
	return func(s *Scanner) {
		for _, n := range names {
			s.keys[s.addKey(n)].share = true
		}
	}
}

func (s *Scanner) addKey(name string) int {
	for i, k := range s.keys {
		if k.name == name {
			return i
		}
	}
	s.keys = append(s.keys, knownKey{name: name})
	return len(s.keys) - 1
}

// NewScanner returns a Scanner with its arena ready.
func NewScanner(opts ...Option) *Scanner {
	s := &Scanner{
		nodes:   make([]yaml.Node, 0, maxNodes),
		content: make([]*yaml.Node, 0, maxNodes),
		flows:   make([]*yaml.Node, 0, maxNodes),
		intern:  map[string]string{},
	}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Result says what became of an item or entry.
type Result int

const (
	// Scanned: the tree is ready, and equal to yaml.v3's.
	Scanned Result = iota
	// Fallback: a form the scanner does not read; decode this piece
	// with yaml.v3.
	Fallback
	// Abort: an anchor or alias, which may reach across the file; only
	// decoding the whole file with yaml.v3 reads it right.
	Abort
)

// Item reads one block list item, text from the start of its dash line
// (which is line of the file) to the end of its last, into a mapping node
// whose positions are true for the file. Its nodes last until the next call.
func (s *Scanner) Item(text []byte, line int) (*yaml.Node, Result) {
	s.reset()
	root := s.node()
	root.Kind, root.Tag = yaml.MappingNode, "!!map"
	mapIndent := -1
	for off := 0; off < len(text); line++ {
		var t []byte
		t, off = lineAt(text, off)
		t = bytes.TrimSuffix(t, []byte{'\r'})
		n := indentOf(t)
		if mapIndent < 0 {
			// The dash line: "- key: value".
			n++
			n += indentOf(t[min(n, len(t)):])
			mapIndent = n
			if n >= len(t) || t[n] == '#' {
				return nil, Fallback // "-" alone, the mapping below it
			}
		} else if n == len(t) || t[n] == '#' {
			if hasBreak(t[n:]) {
				return nil, Fallback
			}
			continue
		} else if n != mapIndent {
			return nil, Fallback // a nested block or a continued scalar
		}
		k, v, res := s.field(t, n, line)
		if res != Scanned {
			return nil, res
		}
		s.content = append(s.content, k, v)
	}
	if len(s.content) == 0 {
		return nil, Fallback
	}
	root.Content = s.content
	root.Line, root.Column = s.content[0].Line, s.content[0].Column
	return root, Scanned
}

// reset empties the arena for the next item or entry.
func (s *Scanner) reset() {
	s.nodes, s.content, s.flows = s.nodes[:0], s.content[:0], s.flows[:0]
}

// node returns a fresh node from the arena, or nil when it is full.
func (s *Scanner) node() *yaml.Node {
	if len(s.nodes) == cap(s.nodes) {
		return nil
	}
	s.nodes = append(s.nodes, yaml.Node{})
	return &s.nodes[len(s.nodes)-1]
}

// maxKey is the longest key yaml.v3 reads without a "?": YAML wants the
// colon at most 1024 characters past the start of an implicit key. The
// scanner counts bytes, so it may fall back on a key yaml.v3 would read,
// never the other way.
const maxKey = 1024

// field reads "key: value" starting at byte n of a line.
func (s *Scanner) field(text []byte, n, line int) (key, val *yaml.Node, res Result) {
	i := n
	for i < len(text) && isKeyByte(text[i]) {
		i++
	}
	if i == n || i-n > maxKey || i >= len(text) || text[i] != ':' || i+1 < len(text) && text[i+1] != ' ' {
		return nil, nil, Fallback
	}
	if isNull(text[n:i]) {
		return nil, nil, Fallback // a null key, which no ledger has
	}
	k := s.node()
	if k == nil {
		return nil, nil, Fallback
	}
	name, share := s.key(text[n:i])
	*k = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name, Line: line, Column: col(text, n)}
	j := i + 1
	for j < len(text) && text[j] == ' ' {
		j++
	}
	v, j, res := s.value(text, j, line, flowNone, share)
	if res != Scanned {
		return nil, nil, res
	}
	if v.Tag == "!!null" && v.Value == "" {
		// yaml.v3 places a value left empty right after the colon,
		// whatever spaces follow.
		v.Column = col(text, i+1)
	}
	if !restIsComment(text, j) {
		return nil, nil, Fallback
	}
	return k, v, Scanned
}

// key returns the name of a key, without allocating for one of the
// scanner's [Keys], and whether its values are [Shared].
func (s *Scanner) key(b []byte) (string, bool) {
	for _, k := range s.keys {
		if string(b) == k.name {
			return k.name, k.share
		}
	}
	return string(b), false
}

type flowContext int

const (
	flowNone flowContext = iota
	flowSeq
	flowMap
)

// value reads a scalar, [list] or {map} at text[j:], returning its node
// and where it ended.
func (s *Scanner) value(text []byte, j, line int, ctx flowContext, share bool) (*yaml.Node, int, Result) {
	nd := s.node()
	if nd == nil {
		return nil, 0, Fallback
	}
	nd.Line, nd.Column = line, col(text, j)
	if j >= len(text) || text[j] == '#' && text[j-1] == ' ' {
		if ctx != flowNone {
			return nil, 0, Fallback
		}
		nd.Kind, nd.Tag = yaml.ScalarNode, "!!null"
		return nd, j, Scanned
	}
	switch c := text[j]; c {
	case '&', '*':
		return nil, 0, Abort
	case '!', '|', '>', '%', '@', '`', '?', ',', ']', '}', '#':
		return nil, 0, Fallback
	case '"', '\'':
		quote := doubleQuoted
		style := yaml.DoubleQuotedStyle
		if c == '\'' {
			quote, style = singleQuoted, yaml.SingleQuotedStyle
		}
		v, end, ok := quote(text, j)
		if !ok {
			return nil, 0, Fallback
		}
		nd.Kind, nd.Tag, nd.Style, nd.Value = yaml.ScalarNode, "!!str", style, s.share(v, share)
		return nd, end, Scanned
	case '[', '{':
		if ctx != flowNone {
			return nil, 0, Fallback // nested flow: rare, leave it to yaml.v3
		}
		return s.flow(text, j, nd, share)
	case '-', ':':
		// "- " and ": " are indicators, and yaml.v3 starts no plain
		// scalar in a flow with ":".
		if j+1 >= len(text) || text[j+1] == ' ' || c == ':' && ctx != flowNone {
			return nil, 0, Fallback
		}
	}
	end := plainEnd(text, j, ctx)
	if end < 0 {
		return nil, 0, Fallback
	}
	raw := bytes.TrimRight(text[j:end], " ")
	nd.Kind, nd.Tag = yaml.ScalarNode, "!!str"
	if isNull(raw) {
		nd.Tag = "!!null"
	}
	nd.Value = s.str(raw, share)
	return nd, end, Scanned
}

// flow reads a one-line [a, b] or {k: v, k2: v2} into nd.
func (s *Scanner) flow(text []byte, j int, nd *yaml.Node, share bool) (*yaml.Node, int, Result) {
	seq := text[j] == '['
	closer, ctx := byte('}'), flowMap
	nd.Kind, nd.Tag, nd.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
	if seq {
		closer, ctx = ']', flowSeq
		nd.Kind, nd.Tag = yaml.SequenceNode, "!!seq"
	}
	start := len(s.flows) // flows do not nest, so children go on the end
	i := j + 1
	skip := func() {
		for i < len(text) && text[i] == ' ' {
			i++
		}
	}
	for {
		skip()
		if i >= len(text) {
			return nil, 0, Fallback // continues on the next line
		}
		if text[i] == closer {
			i++
			break
		}
		if !seq {
			k, end, res := s.value(text, i, nd.Line, ctx, false)
			if res != Scanned {
				return nil, 0, res
			}
			if end-i > maxKey || end >= len(text) || text[end] != ':' || end+1 < len(text) && text[end+1] != ' ' {
				return nil, 0, Fallback
			}
			s.flows = append(s.flows, k)
			i = end + 1
			skip()
		}
		v, end, res := s.value(text, i, nd.Line, ctx, share)
		if res != Scanned {
			return nil, 0, res
		}
		s.flows = append(s.flows, v)
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
		return nil, 0, Fallback
	}
	nd.Content = s.flows[start:len(s.flows):len(s.flows)]
	return nd, i, Scanned
}

// plainEnd finds where a plain scalar ends: at " #", at the end of the
// line, or in a flow at "," or the closing bracket. It gives -1 for a
// plain scalar holding ": ", which only yaml.v3 should judge, a tab, which
// yaml.v3 counts as space around it and as a comment's lead, or in a flow
// an opening bracket or "?", where yaml.v3 ends the scalar and reads on.
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
		case ',', ']', '}', '[', '{', '?':
			if ctx != flowNone {
				if c == '[' || c == '{' || c == '?' {
					return -1
				}
				return i
			}
		case '\t':
			return -1
		case '\r', 0xC2, 0xE2:
			if breakAt(text, i) {
				return -1
			}
		}
	}
	return len(text)
}

// isNull says whether a plain scalar is null to yaml.v3.
func isNull(b []byte) bool {
	switch string(b) {
	case "~", "null", "Null", "NULL":
		return true
	}
	return false
}

// restIsComment says whether the rest of a line from j is blank or a
// comment.
func restIsComment(text []byte, j int) bool {
	for ; j < len(text); j++ {
		switch text[j] {
		case ' ':
		case '#':
			return text[j-1] == ' ' && !hasBreak(text[j:])
		default:
			return false
		}
	}
	return true
}

// yaml.v3 breaks lines not only at "\n" but also at a lone "\r" and at NEL
// (U+0085), LS (U+2028) and PS (U+2029), where the scanner's lines go on.
// Wherever the scanner walks the bytes of a line it looks out for them,
// and a piece that holds one falls back.

// breakAt says whether a line break other than "\n" starts at text[i].
func breakAt(text []byte, i int) bool {
	switch text[i] {
	case '\r':
		return true
	case 0xC2:
		return i+1 < len(text) && text[i+1] == 0x85
	case 0xE2:
		return i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9)
	}
	return false
}

// hasBreak says whether text holds a line break other than "\n".
func hasBreak(text []byte) bool {
	for i, c := range text {
		if (c == '\r' || c == 0xC2 || c == 0xE2) && breakAt(text, i) {
			return true
		}
	}
	return false
}

// col is the 1-based column of byte j, counted in characters as yaml.v3
// counts them.
func col(text []byte, j int) int { return 1 + utf8.RuneCount(text[:j]) }

func (s *Scanner) str(b []byte, share bool) string {
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

func (s *Scanner) share(v string, share bool) string {
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
		if breakAt(text, i) {
			return "", 0, false
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

// unescape handles the double-quoted escapes ledgers use; any other sends
// the entry to yaml.v3, which knows its own set (YAML 1.2's "\/" is not in
// it).
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
		case '\\', '"':
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
			if breakAt(text, i) {
				return "", 0, false
			}
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
