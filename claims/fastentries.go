package claims

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
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
	lines, ok := valueLines(data, sec)
	if !ok {
		return nil, fallback
	}
	var entries []entry
	indent := -1
	for l := range lines {
		switch {
		case len(l.rest) == 0 || l.rest[0] == '#' || l.rest[0] == '\r':
		case l.rest[0] == '\t':
			return nil, fallback
		case indent < 0 || l.indent == indent:
			indent = l.indent
			if k := len(entries); k > 0 {
				entries[k-1].end = l.off
			}
			entries = append(entries, entry{start: l.off, line: l.line, indent: l.indent})
		case l.indent < indent:
			return nil, fallback
		}
	}
	if len(entries) == 0 {
		return nil, fallback
	}
	entries[len(entries)-1].end = sec.end
	for _, e := range entries {
		if _, _, res := s.scanEntry(data[e.start:e.end], e.line, e.indent); res != scanned {
			return nil, res
		}
	}
	return entries, scanned
}

// applyEntries reads each entry into fresh nodes and hands them to each,
// reporting duplicate ids as yaml.v3's path would.
func applyEntries(r *reader, data []byte, key string, entries []entry, s *itemScanner, each func(f field)) {
	seen := make(map[string]int, len(entries))
	reported := map[string]bool{}
	for _, e := range entries {
		k, v, _ := s.scanEntry(data[e.start:e.end], e.line, e.indent)
		if first, dup := seen[k.Value]; dup {
			if !reported[k.Value] {
				reported[k.Value] = true
				r.errorf(k, "duplicate-key", "duplicate key %q in %s (first at line %d)", k.Value, key, first)
			}
			continue
		}
		seen[k.Value] = k.Line
		each(field{key: k.Value, keyN: k, value: v})
	}
}

// scanEntry reads "id: {k: v}" or "id:" followed by "k: v" lines into the
// scanner's arena; the nodes last until the next scan.
func (s *itemScanner) scanEntry(text []byte, line, indent int) (key, val *yaml.Node, res scanResult) {
	s.nodes, s.content = s.nodes[:0], s.content[:0]
	fieldIndent := -1
	for off := 0; off < len(text); line++ {
		end := bytes.IndexByte(text[off:], '\n')
		next := len(text)
		if end >= 0 {
			next = off + end + 1
		} else {
			end = len(text) - off
		}
		t := bytes.TrimSuffix(text[off:off+end], []byte{'\r'})
		first := off == 0
		off = next
		n := 0
		for n < len(t) && t[n] == ' ' {
			n++
		}
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
	case "topics":
		return b.readTopic
	case "disputes":
		return b.readDispute
	}
	panic(fmt.Sprintf("no entry reader for %s", key))
}
