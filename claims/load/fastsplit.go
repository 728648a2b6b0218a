package load

import (
	"bytes"
	"iter"
)

// The fast path reads the common shape of a ledger file, a block mapping
// of top-level sections with a long block list of claims, without building
// a YAML tree for the claims. Anything it is not sure of sends the file
// back to the plain yaml.v3 path, so both always agree.

// section is one top-level key of a ledger file and the lines of its value.
type section struct {
	key        string
	line       int // 1-based line of the key
	start, end int // bytes of the section, key line included
}

// splitSections finds the top-level keys of a block-mapping file. It says
// no when the file holds anything at column 0 it cannot place: a document
// marker, a directive, a flow collection or a quoted or complex key.
func splitSections(data []byte) ([]section, bool) {
	var secs []section
	line := 0
	for off := 0; off < len(data); {
		line++
		text, next := lineAt(data, off)
		switch {
		case len(secs) == 0 && len(bytes.TrimSpace(text)) > 0 && bytes.TrimLeft(text, " ")[0] != '#':
			if _, ok := plainKey(text); !ok {
				return nil, false // content before the first key
			}
			secs = append(secs, section{key: string(text[:bytes.IndexByte(text, ':')]), line: line, start: off})
		case len(text) == 0 || text[0] == ' ' || text[0] == '#' || text[0] == '\r':
			// Indented, blank or a comment: part of the current section.
		case text[0] == '\t':
			return nil, false
		case text[0] == '-' && (len(text) == 1 || text[1] == ' '):
			// A list at column 0 is the value of the current key.
			if len(secs) == 0 {
				return nil, false
			}
		default:
			key, ok := plainKey(text)
			if !ok {
				return nil, false
			}
			if n := len(secs); n > 0 {
				secs[n-1].end = off
			}
			secs = append(secs, section{key: key, line: line, start: off})
		}
		off = next
	}
	if len(secs) == 0 {
		return nil, false
	}
	secs[len(secs)-1].end = len(data)
	return secs, true
}

// plainKey reads "key:" at the start of a line: a plain name followed by a
// colon and a space, a comment or the end of the line.
func plainKey(text []byte) (string, bool) {
	i := 0
	for i < len(text) && isKeyByte(text[i]) {
		i++
	}
	if i == 0 || i >= len(text) || text[i] != ':' {
		return "", false
	}
	if rest := text[i+1:]; len(rest) > 0 && rest[0] != ' ' && rest[0] != '\r' {
		return "", false
	}
	return string(text[:i]), true
}

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '/'
}

// item is one entry of the claims list.
type item struct {
	start, end int // bytes, from the item's first line to its last
	line       int // 1-based line of the item's dash
}

// valueLine is one line of a section's value: where it starts, its
// number, its indentation and what follows the indentation.
type valueLine struct {
	off, line, indent int
	rest              []byte
}

// valueLines yields the lines of a section's value, which must start on
// the line after its key; ok is false when the value is on the key's line
// (a flow list or mapping, or a scalar).
func valueLines(data []byte, sec section) (lines iter.Seq[valueLine], ok bool) {
	first := bytes.IndexByte(data[sec.start:sec.end], '\n')
	if first < 0 {
		return nil, false
	}
	if rest := bytes.TrimSpace(data[sec.start+len(sec.key)+1 : sec.start+first]); len(rest) > 0 && rest[0] != '#' {
		return nil, false
	}
	return func(yield func(valueLine) bool) {
		off, line := sec.start+first+1, sec.line
		for text := range bytes.Lines(data[off:sec.end]) {
			line++
			t := bytes.TrimSuffix(text, []byte{'\n'})
			n := indentOf(t)
			if !yield(valueLine{off: off, line: line, indent: n, rest: t[n:]}) {
				return
			}
			off += len(text)
		}
	}, true
}

// splitItems finds the entries of a block list that starts on the line
// after the section's key. It says no for a flow list, a value on the key's
// line, or a line that is neither an entry, inside one, nor a comment.
func splitItems(data []byte, sec section) (items []item, ok bool) {
	lines, ok := valueLines(data, sec)
	if !ok {
		return nil, false
	}
	indent := -1
	for l := range lines {
		rest := l.rest
		switch {
		case len(rest) == 0 || rest[0] == '#' || rest[0] == '\r':
		case rest[0] == '\t':
			return nil, false
		case rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\r') && (indent < 0 || l.indent == indent):
			indent = l.indent
			if k := len(items); k > 0 {
				items[k-1].end = l.off
			}
			items = append(items, item{start: l.off, line: l.line})
		case indent >= 0 && l.indent > indent:
			// Inside the current entry.
		default:
			return nil, false
		}
	}
	if k := len(items); k > 0 {
		items[k-1].end = sec.end
	}
	return items, true
}

// lineAt cuts the line that starts at off out of data: its text without
// the line break, and where the next line starts. The fast path's scanners
// walk lines by offset, as they hand out positions in the file.
func lineAt(data []byte, off int) (text []byte, next int) {
	end := bytes.IndexByte(data[off:], '\n')
	if end < 0 {
		return data[off:], len(data)
	}
	return data[off : off+end], off + end + 1
}

// indentOf counts the spaces a line starts with; YAML indents with spaces
// only.
func indentOf(text []byte) int {
	n := 0
	for n < len(text) && text[n] == ' ' {
		n++
	}
	return n
}
