package load

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// entry is one "id: ..." of a section such as sources or topics.
type entry struct {
	start, end int // bytes within the file
	line       int
	indent     int
}

// splitEntries finds the entries of a section that maps ids to small
// mappings, and checks that the scanner reads every one of them. A big
// ledger can have hundreds of thousands of topics, which yaml.v3 reads
// slowly. Anything else gives fallback, and the section goes to yaml.v3.
func splitEntries(data []byte, sec section, s *itemScanner) ([]entry, scanResult) {
	entries, ok := entryBounds(data, sec)
	if !ok {
		return nil, fallback
	}
	for _, e := range entries {
		if _, _, res := s.scanEntry(data[e.start:e.end], e.line, e.indent); res != scanned {
			return nil, res
		}
	}
	return entries, scanned
}

// entryBounds finds where each entry of a section starts and ends, without
// reading them. ok is false for a section laid out other than one entry
// per indented id.
func entryBounds(data []byte, sec section) ([]entry, bool) {
	lines, ok := valueLines(data, sec)
	if !ok {
		return nil, false
	}
	var entries []entry
	indent := -1
	for l := range lines {
		switch {
		case len(l.rest) == 0 || l.rest[0] == '#' || l.rest[0] == '\r':
		case l.rest[0] == '\t':
			return nil, false
		case indent < 0 || l.indent == indent:
			indent = l.indent
			if k := len(entries); k > 0 {
				entries[k-1].end = l.off
			}
			entries = append(entries, entry{start: l.off, line: l.line, indent: l.indent})
		case l.indent < indent:
			return nil, false
		}
	}
	if len(entries) == 0 {
		return nil, false
	}
	entries[len(entries)-1].end = sec.end
	return entries, true
}

// applyEntries hands each entry of a section to each, in order, skipping
// and reporting repeated ids as yaml.v3's path would. keyOf gives entry
// i's id and where it is written.
func applyEntries(r *reader, section string, n int, keyOf func(i int) (string, diag.Pos), each func(i int)) {
	seen := make(map[string]int, n)
	reported := map[string]bool{}
	for i := range n {
		k, pos := keyOf(i)
		if first, dup := seen[k]; dup {
			if !reported[k] {
				reported[k] = true
				r.add(diag.Errorf(pos, "duplicate-key", "duplicate key %q in %s (first at line %d)", k, section, first))
			}
			continue
		}
		seen[k] = pos.Line
		each(i)
	}
}

// scanEntry reads "id: {k: v}" or "id:" followed by "k: v" lines into the
// scanner's arena; the nodes last until the next scan.
func (s *itemScanner) scanEntry(text []byte, line, indent int) (key, val *yaml.Node, res scanResult) {
	s.nodes, s.content = s.nodes[:0], s.content[:0]
	fieldIndent := -1
	for off := 0; off < len(text); line++ {
		first := off == 0
		var t []byte
		t, off = lineAt(text, off)
		t = bytes.TrimSuffix(t, []byte{'\r'})
		n := indentOf(t)
		if first {
			k, v, res := s.field(t, n, line)
			if res != scanned {
				return nil, nil, res
			}
			key = k
			if v.Tag != "!!null" {
				val = v // a flow mapping or scalar on the id's line
			}
			continue
		}
		if n == len(t) || t[n] == '#' {
			continue
		}
		if val != nil || fieldIndent >= 0 && n != fieldIndent || n <= indent {
			return nil, nil, fallback
		}
		fieldIndent = n
		k, v, res := s.field(t, n, line)
		if res != scanned {
			return nil, nil, res
		}
		s.content = append(s.content, k, v)
	}
	if val == nil {
		if len(s.content) == 0 {
			return nil, nil, fallback // an id with no value: yaml.v3 words it
		}
		if val = s.node(); val == nil {
			return nil, nil, fallback
		}
		*val = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: s.content, Line: s.content[0].Line, Column: s.content[0].Column}
	}
	return key, val, scanned
}

// sectionReader is how each section the fast path scans is read.
func (b *builder) sectionReader(key string) func(*reader, field) {
	switch key {
	case "sources":
		return b.readSource
	case "disputes":
		return b.readDispute
	}
	panic(fmt.Sprintf("no entry reader for %s", key))
}
