// Package yamlscan reads the common, block-style shape of a ledger file
// without yaml.v3: a block mapping of top-level sections, a long block list
// of claims, and sections that map ids to small mappings.
//
// A ledger can hold a million claims, and decoding it whole with yaml.v3
// builds a node tree for all of them at once, which is slow and big. The
// loader instead splits the file into its sections ([Sections]), a list
// into its items ([Items]) and an id mapping into its entries ([Entries]),
// by looking at the start of each line only, and then reads one item or
// entry at a time with a [Scanner], which builds the same yaml.Node tree
// yaml.v3 would for that piece, with positions true for the whole file, in
// an arena it reuses.
//
// The scanner reads only the plain forms it is sure of: "key: value" lines,
// single-line plain and quoted scalars, and one-line [a, b] and {k: v}
// collections. Anything else it answers [Fallback], and the caller hands
// that piece (or the file) to yaml.v3, so that both ways of reading always
// agree. It never reads a piece differently from yaml.v3, with one
// deliberate exception: a plain scalar that is not null is tagged !!str,
// where yaml.v3 resolves it to !!int, !!bool, !!timestamp and so on; the
// ledger reads every scalar as text and only asks whether it is null.
//
// The scanner takes for granted what yaml.v3 checks of a whole stream
// before it parses: that the text is UTF-8 and holds only characters YAML
// allows (no NUL or other control character). The caller checks that once
// per file, as the loader does before it tries the fast path.
package yamlscan

import (
	"bytes"
	"iter"
)

// Section is one top-level key of a file and the lines of its value.
type Section struct {
	Key        string
	Line       int // 1-based line of the key
	Start, End int // bytes of the section, key line included
}

// Sections finds the top-level keys of a block-mapping file. It says no
// when the file holds anything at column 0 it cannot place: a document
// marker, a directive, a flow collection, a quoted or complex key, or
// content before the first key. It also says no to a file with a line
// break other than "\n" or "\r\n" anywhere, as the positions that
// [Items], [Entries] and the [Scanner] give count lines by "\n" alone.
func Sections(data []byte) ([]Section, bool) {
	if oddBreaks(data) {
		return nil, false
	}
	var secs []Section
	line := 0
	for off := 0; off < len(data); {
		line++
		text, next := lineAt(data, off)
		switch {
		case len(secs) == 0 && len(bytes.TrimSpace(text)) > 0 && bytes.TrimLeft(text, " ")[0] != '#':
			if _, ok := plainKey(text); !ok {
				return nil, false // content before the first key
			}
			secs = append(secs, Section{Key: string(text[:bytes.IndexByte(text, ':')]), Line: line, Start: off})
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
				secs[n-1].End = off
			}
			secs = append(secs, Section{Key: key, Line: line, Start: off})
		}
		off = next
	}
	if len(secs) == 0 {
		return nil, false
	}
	secs[len(secs)-1].End = len(data)
	return secs, true
}

// oddBreaks says whether data holds a line break other than "\n" or
// "\r\n": a lone "\r", NEL (U+0085), LS (U+2028) or PS (U+2029). yaml.v3
// counts each as a new line, so a file with one anywhere would have every
// position after it differ. Such files are rare, and the check runs at
// memory speed, one IndexByte pass per lead byte.
func oddBreaks(data []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\r')
		if j < 0 {
			break
		}
		i += j + 1
		if i == len(data) || data[i] != '\n' {
			return true
		}
	}
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], 0xC2)
		if j < 0 {
			break
		}
		i += j + 1
		if i < len(data) && data[i] == 0x85 {
			return true
		}
	}
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], 0xE2)
		if j < 0 {
			break
		}
		i += j + 1
		if i+1 < len(data) && data[i] == 0x80 && (data[i+1] == 0xA8 || data[i+1] == 0xA9) {
			return true
		}
	}
	return false
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

// Item is one entry of a block list: the text to give [Scanner.Item].
type Item struct {
	Start, End int // bytes, from the item's first line to its last
	Line       int // 1-based line of the item's dash
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
func valueLines(data []byte, sec Section) (lines iter.Seq[valueLine], ok bool) {
	first := bytes.IndexByte(data[sec.Start:sec.End], '\n')
	if first < 0 {
		return nil, false
	}
	if rest := bytes.TrimSpace(data[sec.Start+len(sec.Key)+1 : sec.Start+first]); len(rest) > 0 && rest[0] != '#' {
		return nil, false
	}
	return func(yield func(valueLine) bool) {
		off, line := sec.Start+first+1, sec.Line
		for text := range bytes.Lines(data[off:sec.End]) {
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

// Items finds the entries of a block list that starts on the line after
// the section's key. It says no for a flow list, a value on the key's
// line, or a line that is neither an entry, inside one, nor a comment. An
// item runs to the start of the next, so it takes the blank and comment
// lines that follow it.
func Items(data []byte, sec Section) (items []Item, ok bool) {
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
				items[k-1].End = l.off
			}
			items = append(items, Item{Start: l.off, Line: l.line})
		case indent >= 0 && l.indent > indent:
			// Inside the current entry.
		default:
			return nil, false
		}
	}
	if k := len(items); k > 0 {
		items[k-1].End = sec.End
	}
	return items, true
}

// Entry is one "id: ..." of a section that maps ids to small mappings,
// such as sources or topics: the text to give [Scanner.Entry].
type Entry struct {
	Start, End int // bytes within the file
	Line       int // 1-based line of the id
	Indent     int // spaces before the id
}

// Entries finds where each entry of such a section starts and ends,
// without reading them. It says no for a section laid out other than one
// entry per id, all ids indented alike.
func Entries(data []byte, sec Section) ([]Entry, bool) {
	lines, ok := valueLines(data, sec)
	if !ok {
		return nil, false
	}
	var entries []Entry
	indent := -1
	for l := range lines {
		switch {
		case len(l.rest) == 0 || l.rest[0] == '#' || l.rest[0] == '\r':
		case l.rest[0] == '\t':
			return nil, false
		case indent < 0 || l.indent == indent:
			indent = l.indent
			if k := len(entries); k > 0 {
				entries[k-1].End = l.off
			}
			entries = append(entries, Entry{Start: l.off, Line: l.line, Indent: l.indent})
		case l.indent < indent:
			return nil, false
		}
	}
	if len(entries) == 0 {
		return nil, false
	}
	entries[len(entries)-1].End = sec.End
	return entries, true
}

// lineAt cuts the line that starts at off out of data: its text without
// the line break, and where the next line starts. The scanners walk lines
// by offset, as they hand out positions in the file.
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
