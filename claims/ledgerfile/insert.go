package ledgerfile

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/load"
)

// An Edit is text to put into a file in place of the bytes [Start, End)
// of the original; Start == End inserts. Text is what the user would see
// added, so a dry run can print it.
type Edit struct {
	Start, End int
	Text       string
}

// ErrLayout says a file is laid out in a way insertion does not follow
// (a flow list of claims, a document marker). fmt's layout always works,
// so the cure is claimdiff fmt -w.
var ErrLayout = errors.New("cannot insert into this layout")

// LayoutError is ErrLayout at a line of the file (1 when it is the whole
// file's layout).
type LayoutError struct {
	Line int
	What string
}

func (e *LayoutError) Error() string        { return ErrLayout.Error() + ": " + e.What }
func (e *LayoutError) Is(target error) bool { return target == ErrLayout }

func layoutErr(line int, format string, args ...any) error {
	return &LayoutError{Line: max(line, 1), What: fmt.Sprintf(format, args...)}
}

// Apply makes the edits to data. Edits are given in any order but must
// not overlap; two at one place are applied in the order given.
func Apply(data []byte, edits ...Edit) []byte {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(a, b Edit) int { return a.Start - b.Start })
	var out bytes.Buffer
	out.Grow(len(data) + 256)
	at := 0
	for _, e := range sorted {
		out.Write(data[at:e.Start])
		out.WriteString(e.Text)
		at = max(at, e.End)
	}
	out.Write(data[at:])
	return out.Bytes()
}

// Additions are what to add to one file: sources and topics to define,
// and claims.
type Additions struct {
	Sources []Source
	Topics  []Topic
	Claims  []Claim
}

// Insert returns the edits that add a to a file's text, in order. Claims
// go after the file's last claim, in the style of the claims already
// there (a block each, or one flow mapping per line); sources and topics
// after the last entry of their section. A section the file lacks is
// added, in the example's block style, before the first section that
// comes after it in the canonical order, or at the end.
func Insert(data []byte, a Additions) ([]Edit, error) {
	var edits []Edit
	if len(a.Sources) > 0 {
		e, err := addTo(data, "sources", func(st Style) string {
			var b strings.Builder
			for _, s := range a.Sources {
				writeEntry(&b, s.ID, s.fields(contextOf(st)), st)
			}
			return b.String()
		}, entriesOf)
		if err != nil {
			return nil, err
		}
		edits = append(edits, e)
	}
	if len(a.Topics) > 0 {
		e, err := addTo(data, "topics", func(st Style) string {
			var b strings.Builder
			for _, t := range a.Topics {
				writeEntry(&b, t.ID, t.fields(contextOf(st)), st)
			}
			return b.String()
		}, entriesOf)
		if err != nil {
			return nil, err
		}
		edits = append(edits, e)
	}
	if len(a.Claims) > 0 {
		e, err := addTo(data, "claims", func(st Style) string {
			var b strings.Builder
			for _, c := range a.Claims {
				writeItem(&b, c.fields(contextOf(st)), st)
			}
			return b.String()
		}, itemsOf)
		if err != nil {
			return nil, err
		}
		edits = append(edits, e)
	}
	edits = merge(edits)
	if bytes.Contains(data, []byte("\r\n")) {
		// Keep a file written with CRLF line breaks in one style.
		for i := range edits {
			edits[i].Text = strings.ReplaceAll(edits[i].Text, "\n", "\r\n")
		}
	}
	return edits, nil
}

// merge joins insertions at one place, in order, so that two new
// sections are set apart by one blank line, not two.
func merge(edits []Edit) []Edit {
	slices.SortStableFunc(edits, func(a, b Edit) int { return a.Start - b.Start })
	var out []Edit
	for _, e := range edits {
		if n := len(out); n > 0 && out[n-1].Start == e.Start && out[n-1].End == e.Start && e.End == e.Start {
			text := e.Text
			if strings.HasSuffix(out[n-1].Text, "\n\n") {
				text = strings.TrimPrefix(text, "\n")
			}
			out[n-1].Text += text
			continue
		}
		out = append(out, e)
	}
	return out
}

// spansOf finds the items or entries of a section.
type spansOf func(data []byte, sec load.Section) ([]load.Span, bool)

func itemsOf(data []byte, sec load.Section) ([]load.Span, bool) { return load.Items(data, sec) }
func entriesOf(data []byte, sec load.Section) ([]load.Span, bool) {
	return load.Entries(data, sec)
}

// addTo places rendered text at the end of section key of data.
func addTo(data []byte, key string, render func(Style) string, spans spansOf) (Edit, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Edit{Start: len(data), End: len(data), Text: key + ":\n" + render(blockStyle)}, nil
	}
	if onlyComments(data) {
		return newSection(data, nil, key, render(blockStyle)), nil
	}
	secs, ok := load.Sections(data)
	if !ok {
		return Edit{}, layoutErr(1, "the file is not a plain block mapping of sections (a --- marker, a flow mapping, tabs or odd line breaks)")
	}
	var sec *load.Section
	for i := range secs {
		if secs[i].Key == key {
			if sec != nil {
				return Edit{}, layoutErr(secs[i].Line, "%s: appears twice", key)
			}
			sec = &secs[i]
		}
	}
	if sec == nil {
		return newSection(data, secs, key, render(blockStyle)), nil
	}
	keyLineEnd := lineEnd(data, sec.Start)
	rest := strings.TrimSpace(stripComment(string(data[sec.Start+len(sec.Key)+1 : keyLineEnd])))
	if rest != "" {
		// "claims: []" is an empty list written on the key's line; any
		// other value there is a flow list or mapping we would have to
		// rewrite, which is fmt's job.
		if rest != "[]" && rest != "{}" {
			return Edit{}, layoutErr(sec.Line, "%s: is a list or mapping written on one line", key)
		}
		valStart := sec.Start + len(sec.Key) + 1
		if keyLineEnd > valStart && data[keyLineEnd-1] == '\r' {
			keyLineEnd--
		}
		at := valStart + strings.Index(string(data[valStart:keyLineEnd]), rest)
		end := at + len(rest)
		for at > valStart && data[at-1] == ' ' {
			at--
		}
		// The key keeps its line, and any comment after "[]"; the items go
		// on the lines below.
		after := strings.TrimLeft(string(data[end:keyLineEnd]), " ")
		if after != "" {
			after = "  " + after
		}
		return Edit{Start: at, End: keyLineEnd, Text: after + "\n" + strings.TrimSuffix(render(blockStyle), "\n")}, nil
	}
	sp, ok := spans(data, *sec)
	if !ok || len(sp) == 0 {
		if !onlyComments(data[keyLineEnd:sec.End]) {
			return Edit{}, layoutErr(sec.Line, "%s: is laid out in a way add does not follow", key)
		}
		// A key with nothing under it yet.
		at := keyLineEnd
		text := render(blockStyle)
		if at == len(data) && (len(data) == 0 || data[len(data)-1] != '\n') {
			text = "\n" + text
		} else if at < len(data) {
			at++ // after the key line's break
		}
		return Edit{Start: at, End: at, Text: text}, nil
	}
	last := sp[len(sp)-1]
	st := styleOf(data, last, key == "claims")
	at := contentEnd(data, last)
	text := render(st)
	if at > 0 && data[at-1] != '\n' {
		text = "\n" + strings.TrimSuffix(text, "\n")
		if at < len(data) {
			text += "\n"
		}
	}
	return Edit{Start: at, End: at, Text: text}, nil
}

// newSection adds a section that the file lacks before the first section
// that comes after it in the canonical order (and the comments leading up
// to it), or at the end.
func newSection(data []byte, secs []load.Section, key string, body string) Edit {
	rank := slices.Index(topOrder, key)
	for _, s := range secs {
		if r := slices.Index(topOrder, s.Key); r > rank {
			at := leadingComments(data, s.Start)
			text := key + ":\n" + body + "\n"
			if at > 0 && !blankBefore(data, at) {
				text = "\n" + text
			}
			return Edit{Start: at, End: at, Text: text}
		}
	}
	text := key + ":\n" + body
	switch {
	case data[len(data)-1] != '\n':
		text = "\n\n" + text
	case !blankBefore(data, len(data)):
		text = "\n" + text
	}
	return Edit{Start: len(data), End: len(data), Text: text}
}

// styleOf reads how an item or entry is written: on one line as a flow
// mapping, or as a block, and at what indentation.
func styleOf(data []byte, sp load.Span, item bool) Style {
	first := strings.TrimRight(string(data[sp.Start:lineEnd(data, sp.Start)]), "\r")
	st := Style{Indent: sp.Indent, Fields: sp.Indent + 2}
	rest := first[sp.Indent:]
	if item {
		rest = strings.TrimLeft(rest[1:], " ")
		st.Flow = strings.HasPrefix(rest, "{")
		if rest != "" && rest[0] != '#' {
			st.Fields = len(first) - len(rest)
			return st
		}
	} else if i := strings.Index(rest, ":"); i >= 0 && strings.TrimSpace(stripComment(rest[i+1:])) != "" {
		// "id: value" on one line is a flow entry; "id:" alone a block.
		st.Flow = true
		return st
	}
	// The fields' indentation is that of the entry's next content line.
	for off := lineNext(data, sp.Start); off < sp.End; off = lineNext(data, off) {
		line := string(data[off:lineEnd(data, off)])
		t := strings.TrimLeft(line, " ")
		if t != "" && !strings.HasPrefix(t, "#") {
			st.Fields = len(line) - len(t)
			break
		}
	}
	return st
}

// contentEnd is where text added after an item or entry goes: after its
// last line that is not blank or a comment, and after the comments
// indented under it that follow at once, which belong to it. Blank lines
// and comments at its own indentation or less lead to what comes next,
// and stay before it.
func contentEnd(data []byte, sp load.Span) int {
	end := sp.Start
	inComments := false
	for off := sp.Start; off < sp.End; off = lineNext(data, off) {
		line := strings.TrimRight(string(data[off:lineEnd(data, off)]), "\r")
		t := strings.TrimLeft(line, " ")
		indent := len(line) - len(t)
		switch {
		case t == "":
			inComments = true // a blank line ends the item's own comments
		case strings.HasPrefix(t, "#"):
			if !inComments && indent > sp.Indent {
				end = lineNext(data, off)
			} else {
				inComments = true
			}
		default:
			end, inComments = lineNext(data, off), false
		}
	}
	return end
}

// leadingComments moves back from a section's key over the comment lines
// directly above it, which introduce it.
func leadingComments(data []byte, at int) int {
	for at > 0 {
		prev := lineStart(data, at-1)
		t := strings.TrimSpace(string(data[prev:at]))
		if !strings.HasPrefix(t, "#") {
			break
		}
		at = prev
	}
	return at
}

// blankBefore says whether the line before offset at (a line start) is
// blank, or at is the start of the file.
func blankBefore(data []byte, at int) bool {
	if at == 0 {
		return true
	}
	prev := lineStart(data, at-1)
	return strings.TrimSpace(string(data[prev:at])) == ""
}

func onlyComments(b []byte) bool {
	for _, line := range strings.Split(string(b), "\n") {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
			return false
		}
	}
	return true
}

// stripComment drops a " #" comment from the end of a line's rest, outside
// quotes.
func stripComment(s string) string {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || s[i-1] == ' '):
			return s[:i]
		}
	}
	return s
}

// lineEnd is the offset of the line break ending the line at off, or
// len(data).
func lineEnd(data []byte, off int) int {
	if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(data)
}

// lineNext is the start of the line after the one at off.
func lineNext(data []byte, off int) int { return min(lineEnd(data, off)+1, len(data)) }

// lineStart is the start of the line holding offset off.
func lineStart(data []byte, off int) int { return bytes.LastIndexByte(data[:off], '\n') + 1 }

// Lines gives, for each edit (sorted as Insert returns them), the first
// and last line its text takes in the file after Apply, for messages.
func Lines(data []byte, edits []Edit) [][2]int {
	out := make([][2]int, len(edits))
	line, at := 1, 0
	for i, e := range edits {
		line += bytes.Count(data[at:e.Start], []byte{'\n'})
		at = e.End
		lead := len(e.Text) - len(strings.TrimLeft(e.Text, "\r\n"))
		from := line + strings.Count(e.Text[:lead], "\n")
		body := strings.TrimRight(e.Text[lead:], "\r\n")
		out[i] = [2]int{from, from + strings.Count(body, "\n")}
		line += strings.Count(e.Text, "\n")
	}
	return out
}
