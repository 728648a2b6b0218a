package yamlscan

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// Entry reads one entry of a section that maps ids to small mappings,
// "id: {k: v}" or "id:" followed by more indented "k: v" lines, text from
// the start of its id's line (which is line of the file, with the id after
// indent spaces) to the end of its last. It gives the id's node and its
// value's, with positions true for the file; they last until the next call.
func (s *Scanner) Entry(text []byte, line, indent int) (key, val *yaml.Node, res Result) {
	s.reset()
	fieldIndent := -1
	for off := 0; off < len(text); line++ {
		first := off == 0
		var t []byte
		t, off = lineAt(text, off)
		t = bytes.TrimSuffix(t, []byte{'\r'})
		n := indentOf(t)
		if first {
			k, v, res := s.field(t, n, line)
			if res != Scanned {
				return nil, nil, res
			}
			key = k
			if v.Tag != "!!null" {
				val = v // a flow mapping or scalar on the id's line
			}
			continue
		}
		if n == len(t) || t[n] == '#' {
			if hasBreak(t[n:]) {
				return nil, nil, Fallback
			}
			continue
		}
		if val != nil || fieldIndent >= 0 && n != fieldIndent || n <= indent {
			return nil, nil, Fallback
		}
		fieldIndent = n
		k, v, res := s.field(t, n, line)
		if res != Scanned {
			return nil, nil, res
		}
		s.content = append(s.content, k, v)
	}
	if val == nil {
		if len(s.content) == 0 {
			return nil, nil, Fallback // an id with no value: yaml.v3 words it
		}
		if val = s.node(); val == nil {
			return nil, nil, Fallback
		}
		*val = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: s.content, Line: s.content[0].Line, Column: s.content[0].Column}
	}
	return key, val, Scanned
}
