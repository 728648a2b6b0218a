package ledgerfile

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// The canonical layout, which Format writes:
//
//   - top-level keys in the order LEDGER.md gives (ledger, title, the
//     reading settings, then sources, topics, claims, disputes), with a
//     blank line before each of the last four;
//   - sources, topics and disputes as blocks of "id:" entries, and claims
//     as a block list, each entry and claim a block of "key: value" lines
//     in the order LEDGER.md gives, two spaces deeper per level;
//   - every list or mapping below that ([a, b] for via, {k: v} for a
//     context) on one line when it holds only scalars and no comment;
//   - every scalar on one line, plain where that reads the same, else in
//     quotes as Scalar writes them, except | and > block scalars, which
//     stay blocks with their lines as written;
//   - a blank line between two entries or claims only where the file had
//     one (several are one), and none inside an entry;
//   - every comment kept, before or after what it was written at, with
//     comments at the ends of consecutive lines aligned.
//
// That is the built-in example's layout, and exactly what the loader's
// scanner reads without yaml.v3, so a formatted ledger loads fastest.

// ErrCannotFormat says Format left a file as it was, and why.
var ErrCannotFormat = errors.New("cannot format")

// ErrHasErrors says a file was left alone because the ledger has errors
// in it: fmt lays out a ledger that loads, never guesses at one that
// does not.
var ErrHasErrors = errors.New("the file has errors")

// FormatFile is Format for one file of a loaded ledger, given the
// ledger's problems: a file with an error in it is never touched.
func FormatFile(name string, data []byte, problems []diag.Problem) ([]byte, error) {
	return FormatLoaded(name, data, problems, nil)
}

// FormatLoaded is FormatFile for a caller that has already loaded the
// file on its own, with default options: before is that ledger, which the
// check reads instead of loading data again, or nil.
func FormatLoaded(name string, data []byte, problems []diag.Problem, before *claims.Ledger) ([]byte, error) {
	n := 0
	for _, p := range problems {
		if p.Severity == diag.Error && p.Pos.File == name {
			n++
		}
	}
	if n > 0 {
		return nil, fmt.Errorf("%w (%d); run claimdiff lint -f %s", ErrHasErrors, n, name)
	}
	return checkedLayout(name, data, before)
}

func cannot(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrCannotFormat, fmt.Sprintf(format, args...))
}

// Format returns the canonical layout of one YAML ledger file. name is
// what the file is called in messages. It formats only what it can prove
// it kept: the result must load to the same ledger (Meaning), hold the
// same comments, and format to itself; otherwise Format returns an error
// wrapping ErrCannotFormat and the caller leaves the file alone. A file
// that is not valid YAML, or uses anchors, aliases or tags, is refused the
// same way. Callers should not format a file that has ledger errors.
//
// The layout is written in one pass, entry by entry, where the file is of
// the kind the streaming layout reads (stream.go), and from yaml.v3's
// tree of the whole file otherwise; the bytes are the same either way.
func Format(name string, data []byte) ([]byte, error) { return checkedLayout(name, data, nil) }

// checkedLayout is Format, reading before (data loaded) when it is not
// nil.
func checkedLayout(name string, data []byte, before *claims.Ledger) ([]byte, error) {
	out, err := layout(data)
	if err != nil {
		return nil, err
	}
	if bytes.Equal(out, data) {
		return out, nil
	}
	if before == nil {
		before = load.Bytes(name, data)
	}
	if diff, same := sameMeaning(before, load.Bytes(name, out)); !same {
		return nil, cannot("the canonical layout would read differently (%s)", diff)
	}
	again, err := layout(out)
	if err != nil || !bytes.Equal(again, out) {
		return nil, cannot("the layout does not settle (a comment in a place fmt cannot keep it?)")
	}
	return out, nil
}

// firstDiff is the first line where two Meanings differ, for the message.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("%s, not %s", diagClip(bl[i]), diagClip(al[i]))
		}
	}
	return "a part went missing"
}

func diagClip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return s
}

// format lays data out, checking that every comment survived.
func format(data []byte) ([]byte, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		// Both wrapped: callers test for ErrCannotFormat, and may want
		// yaml.v3's error itself.
		return nil, fmt.Errorf("%w: not valid YAML: %w", ErrCannotFormat, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, cannot("the file holds several YAML documents")
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, cannot("the file is not a mapping")
	}
	if n := unusual(&doc); n != nil {
		return nil, cannot("line %d uses an anchor, alias or tag; fmt leaves such files as they are", n.Line)
	}
	comments := commentWords(data, &doc)
	p := &printer{src: bytes.Split(data, []byte{'\n'})}
	p.document(&doc)
	if p.err != nil {
		return nil, p.err
	}
	out := p.bytes()
	if comments != commentWords(out, nil) {
		return nil, cannot("fmt would lose a comment; move comments out of lists and mappings written on one line")
	}
	return out, nil
}

// unusual finds a node fmt does not lay out: an anchor, an alias, or an
// explicit tag, which plain output would drop.
func unusual(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 {
		return n
	}
	for _, c := range n.Content {
		if u := unusual(c); u != nil {
			return u
		}
	}
	return nil
}

// commentWords is every word of every comment yaml.v3 finds in a file,
// sorted: the same before and after formatting when no comment was lost,
// wherever each one moved. doc is the file's tree if parsed already.
func commentWords(data []byte, doc *yaml.Node) string {
	if doc == nil {
		doc = &yaml.Node{}
		if err := yaml.Unmarshal(data, doc); err != nil {
			return "unparsed"
		}
	}
	var words []string
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			words = append(words, strings.Fields(strings.ReplaceAll(c, "#", " # "))...)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc)
	slices.Sort(words)
	return strings.Join(words, " ")
}

// printer builds the output line by line; comments at line ends are
// aligned once all lines are known.
type printer struct {
	src   [][]byte // the input's lines, to see where it had blank lines
	lines []outLine
	err   error // a structure fmt does not lay out
}

type outLine struct {
	text, comment string
}

func (p *printer) line(text, comment string) {
	p.lines = append(p.lines, outLine{text: text, comment: comment})
}

// blank adds one blank line, never two in a row nor one at the top.
func (p *printer) blank() {
	if n := len(p.lines); n > 0 && (p.lines[n-1].text != "" || p.lines[n-1].comment != "") {
		p.line("", "")
	}
}

// comment writes a head or foot comment at an indentation, keeping the
// blank lines yaml.v3 kept inside it.
func (p *printer) comment(c string, indent int) {
	if c == "" {
		return
	}
	pad := strings.Repeat(" ", indent)
	for _, l := range strings.Split(c, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			p.blank()
		} else {
			p.line(pad+l, "")
		}
	}
}

// hadBlankBefore says whether the input had a blank line just above the
// first line of n, or of the comments before it.
func (p *printer) hadBlankBefore(nodes ...*yaml.Node) bool {
	first := 0
	for _, n := range nodes {
		if n == nil || n.Line == 0 {
			continue
		}
		l := n.Line
		if n.HeadComment != "" {
			l -= strings.Count(n.HeadComment, "\n") + 1
		}
		if first == 0 || l < first {
			first = l
		}
	}
	i := first - 2 // the line above, counted from 0
	return i >= 0 && i < len(p.src) && len(bytes.TrimSpace(p.src[i])) == 0
}

func (p *printer) document(doc *yaml.Node) {
	if doc.HeadComment != "" {
		p.comment(doc.HeadComment, 0)
		p.blank()
	}
	root := doc.Content[0]
	p.comment(root.HeadComment, 0)
	if len(root.Content) > 0 {
		// The comment above the first key opens the file (a schema line,
		// what the file is): it stays at the top when keys move.
		first := root.Content[0]
		p.comment(first.HeadComment, 0)
		first.HeadComment = ""
	}
	for i, kv := range ordered(root, topOrder, false) {
		if i > 0 && childOrder(kv.key.Value) != nil {
			p.blank()
		}
		p.section(kv.key, kv.val)
	}
	p.comment(root.FootComment, 0)
	if doc.FootComment != "" {
		p.blank()
		p.comment(doc.FootComment, 0)
	}
}

// pair is one key and value of a mapping.
type pair struct{ key, val *yaml.Node }

// ordered gives a mapping's pairs in the order of keys (those not in it
// after, as they were), or sorted by key when sortAll.
func ordered(n *yaml.Node, keys []string, sortAll bool) []pair {
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
	}
	rank := func(p pair) int {
		if r := slices.Index(keys, p.key.Value); r >= 0 {
			return r
		}
		return len(keys)
	}
	slices.SortStableFunc(pairs, func(a, b pair) int {
		if sortAll {
			return strings.Compare(a.key.Value, b.key.Value)
		}
		return rank(a) - rank(b)
	})
	return pairs
}

// childOrder is the order of the fields of each entry or claim of a
// section, nil for a key that is not a section of entries or claims.
func childOrder(section string) []string {
	switch section {
	case "sources":
		return sourceOrder
	case "topics":
		return topicOrder
	case "disputes":
		return disputeOrder
	case "claims":
		return claimOrder
	}
	return nil
}

// section writes a top-level key: sources, topics and disputes as blocks
// of entries, claims as a block list of claims, anything else as a field.
func (p *printer) section(key, val *yaml.Node) {
	order := childOrder(key.Value)
	entries := order != nil && key.Value != "claims" && val.Kind == yaml.MappingNode && len(val.Content) > 0
	claims := key.Value == "claims" && val.Kind == yaml.SequenceNode && len(val.Content) > 0
	if !entries && !claims {
		p.field(key, val, 0, "", true)
		return
	}
	p.comment(key.HeadComment, 0)
	p.line(Scalar(key.Value, Block)+":", joinComments(key.LineComment, val.LineComment))
	p.comment(val.HeadComment, 2)
	if entries {
		for i, kv := range ordered(val, nil, false) {
			if i > 0 && p.hadBlankBefore(kv.key) {
				p.blank()
			}
			p.entry(kv.key, kv.val, 2, order)
		}
	} else {
		for i, it := range val.Content {
			if i > 0 && p.hadBlankBefore(it, firstKey(it)) {
				p.blank()
			}
			p.item(it, 2, order)
		}
	}
	p.comment(val.FootComment, 2)
	p.comment(key.FootComment, 0)
}

// entry writes one "id:" entry of sources, topics or disputes as a block
// of its fields in order.
func (p *printer) entry(key, val *yaml.Node, indent int, order []string) {
	if val.Kind != yaml.MappingNode || len(val.Content) == 0 {
		p.field(key, val, indent, "", true)
		return
	}
	p.comment(key.HeadComment, indent)
	p.line(strings.Repeat(" ", indent)+ID(key.Value, Block)+":", joinComments(key.LineComment, val.LineComment))
	p.comment(val.HeadComment, indent+2)
	foot := lastFoot(val)
	for _, kv := range ordered(val, order, false) {
		p.field(kv.key, kv.val, indent+2, "", true)
	}
	p.comment(foot, indent+2)
	p.comment(val.FootComment, indent+2)
	p.comment(key.FootComment, indent)
}

// field writes "key: value" at indent (after prefix, when given, in place
// of the indentation), on one line when the value fits on one, with the
// comments of both. withHead is false when the key's head comment was
// written already.
func (p *printer) field(key, val *yaml.Node, indent int, prefix string, withHead bool) {
	if prefix == "" {
		prefix = strings.Repeat(" ", indent)
	}
	if withHead {
		p.comment(key.HeadComment, indent)
	}
	k := Scalar(key.Value, Block)
	if val.Kind == yaml.ScalarNode && val.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 &&
		p.blockScalar(key, val, indent, prefix, joinComments(key.LineComment, val.LineComment)) {
		p.comment(val.FootComment, indent)
		p.comment(key.FootComment, indent)
		return
	}
	if text, ok := inline(val, key.Value == "context"); ok {
		sep := ": "
		if text == "" {
			sep = ":"
		}
		p.line(prefix+k+sep+text, joinComments(key.LineComment, val.LineComment))
		p.comment(val.FootComment, indent)
		p.comment(key.FootComment, indent)
		return
	}
	p.line(prefix+k+":", joinComments(key.LineComment, val.LineComment))
	p.comment(val.HeadComment, indent+2)
	switch val.Kind {
	case yaml.MappingNode:
		for _, kv := range ordered(val, nil, false) {
			p.field(kv.key, kv.val, indent+2, "", true)
		}
		// Kept in its order, so its last key's foot comment stays last.
	case yaml.SequenceNode:
		for _, it := range val.Content {
			p.item(it, indent+2, nil)
		}
	}
	p.comment(val.FootComment, indent+2)
	p.comment(key.FootComment, indent)
}

// item writes one list item at indent: a claim's fields in order with
// the first on the dash's line, or a mapping the same way in its own
// order, or a value.
func (p *printer) item(n *yaml.Node, indent int, order []string) {
	pad := strings.Repeat(" ", indent)
	p.comment(n.HeadComment, indent)
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 || order == nil && isFlowable(n) {
		text, ok := inline(n, false)
		if !ok {
			p.err = cannot("line %d: a list inside a list", n.Line)
		}
		p.line(pad+"- "+text, n.LineComment)
		p.comment(n.FootComment, indent)
		return
	}
	foot := lastFoot(n)
	pairs := ordered(n, order, false)
	// The first key's comment cannot sit between the dash and the key:
	// it goes above the dash, where yaml.v3 then gives it to the item.
	p.comment(pairs[0].key.HeadComment, indent)
	for i, kv := range pairs {
		if i > 0 {
			p.field(kv.key, kv.val, indent+2, "", true)
			continue
		}
		first := len(p.lines)
		p.field(kv.key, kv.val, indent+2, pad+"- ", false)
		if l := &p.lines[first]; n.LineComment != "" {
			l.comment = joinComments(n.LineComment, l.comment)
		}
	}
	// Under the item's keys, where yaml.v3 reads it back as the last
	// key's: at the dash's indentation it would take it for the next
	// item's.
	p.comment(joinLines(foot, n.FootComment), indent+2)
}

// lastFoot takes the foot comment yaml.v3 gave the last key of a mapping
// (and its value), which closes the whole mapping as written: it stays at
// the end when the keys are reordered, rather than move with that key.
func lastFoot(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode || len(n.Content) < 2 {
		return ""
	}
	k, v := n.Content[len(n.Content)-2], n.Content[len(n.Content)-1]
	c := joinLines(v.FootComment, k.FootComment)
	k.FootComment, v.FootComment = "", ""
	return c
}

func joinLines(cs ...string) string {
	var parts []string
	for _, c := range cs {
		if c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, "\n")
}

func firstKey(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.MappingNode && len(n.Content) > 0 {
		return n.Content[0]
	}
	return nil
}

// isFlowable says whether a collection goes on one line: it holds only
// scalars, and no comments.
func isFlowable(n *yaml.Node) bool {
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || c.HeadComment != "" || c.LineComment != "" || c.FootComment != "" {
			return false
		}
	}
	return n.HeadComment == "" && n.FootComment == ""
}

// inline writes a scalar, or a collection of scalars as [a, b] or
// {k: v} (keys sorted when sortKeys); ok is false for a collection that
// must be a block.
func inline(n *yaml.Node, sortKeys bool) (string, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "", true
		}
		return Scalar(n.Value, Block), true
	case yaml.SequenceNode:
		if !isFlowable(n) {
			return "", false
		}
		parts := make([]string, len(n.Content))
		for i, c := range n.Content {
			parts[i] = flowScalar(c)
		}
		return "[" + strings.Join(parts, ", ") + "]", true
	case yaml.MappingNode:
		if !isFlowable(n) {
			return "", false
		}
		var parts []string
		for _, kv := range ordered(n, nil, sortKeys) {
			parts = append(parts, flowScalar(kv.key)+": "+flowScalar(kv.val))
		}
		return "{" + strings.Join(parts, ", ") + "}", true
	}
	return "", false
}

func flowScalar(n *yaml.Node) string {
	if n.Tag == "!!null" {
		return "~"
	}
	return Scalar(n.Value, Flow)
}

func joinComments(cs ...string) string {
	var parts []string
	for _, c := range cs {
		if c = strings.TrimSpace(c); c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, " ")
}

// bytes joins the lines, aligning the comments at the ends of
// consecutive lines two spaces after the longest of them.
func (p *printer) bytes() []byte {
	for i := 0; i < len(p.lines); {
		if p.lines[i].comment == "" || p.lines[i].text == "" {
			i++
			continue
		}
		j, width := i, 0
		for ; j < len(p.lines) && p.lines[j].comment != "" && p.lines[j].text != ""; j++ {
			width = max(width, runeLen(p.lines[j].text))
		}
		for k := i; k < j; k++ {
			l := &p.lines[k]
			l.text += strings.Repeat(" ", width-runeLen(l.text)+2) + l.comment
			l.comment = ""
		}
		i = j
	}
	// Drop blank lines at the end.
	for len(p.lines) > 0 && p.lines[len(p.lines)-1].text == "" && p.lines[len(p.lines)-1].comment == "" {
		p.lines = p.lines[:len(p.lines)-1]
	}
	var b bytes.Buffer
	for _, l := range p.lines {
		text := l.text
		if l.comment != "" {
			text = l.comment // a comment on a line of its own
		}
		b.WriteString(strings.TrimRight(text, " "))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func runeLen(s string) int { return len([]rune(s)) }
