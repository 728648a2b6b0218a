package ledgerfile

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// The streaming layout writes what the tree layout (format) writes, in
// one pass over the file, entry by entry and claim by claim, holding no
// more than one entry at a time: yaml.v3's tree of a million claims
// costs gigabytes. It lays out the files people and claimdiff write:
// block or one-line flow entries and claims, values on one line, and
// comments above a key or at a line's end. For anything else it
// declines, and the tree layout takes the file; the differential fuzz
// test holds the two to the same bytes wherever it does not decline.

// errDecline says the streaming layout left a file to the tree layout.
var errDecline = errors.New("not for the streaming layout")

func decline(why string, line int) error {
	return fmt.Errorf("%w: line %d: %s", errDecline, line, why)
}

// maxRun caps the lines whose end comments wait to be aligned together.
const maxRun = 4096

// layout is the canonical layout of data: the streaming one, or the
// tree's where the streaming one declines.
func layout(data []byte) ([]byte, error) {
	out, err := formatStream(data)
	if errors.Is(err, errDecline) {
		return format(data)
	}
	return out, err
}

// lines walks data line by line, counting lines from 1.
type lines struct {
	data []byte
	off  int
	n    int
}

// next gives the next line without its line feed, as a string; ok is
// false at the end.
func (l *lines) next() (s string, start int, ok bool) {
	if l.off >= len(l.data) {
		return "", 0, false
	}
	start = l.off
	end := bytes.IndexByte(l.data[start:], '\n')
	if end < 0 {
		end = len(l.data)
	} else {
		end += start
	}
	l.off, l.n = end+1, l.n+1
	return string(l.data[start:end]), start, true
}

func indentOf(s string) int { return skipSpaces(s, 0) }

// section is one top-level key of the file.
type section struct {
	key       string
	head      []string // the comment lines just above the key
	line      string   // the key's line
	lineNo    int
	bodyStart int      // the lines below the key line, up to the next
	bodyEnd   int      // section's comments or key
	foot      []string // comment lines at the top level below the body
}

// formatStream is the streaming layout of data, or an error wrapping
// errDecline.
func formatStream(data []byte) ([]byte, error) {
	if !plainText(data) {
		return nil, decline("a character the streaming layout does not read", 0)
	}
	secs, top, foot, err := splitSections(data)
	if err != nil {
		return nil, err
	}
	e := &emitter{out: make([]byte, 0, len(data)+len(data)/4+64)}
	for _, c := range top {
		e.comments(c, 0)
		e.blank()
	}
	if len(secs) > 0 {
		e.comments(secs[0].head, 0) // the file's opening stays on top
		secs[0].head = nil
	}
	order := make([]int, len(secs))
	for i := range order {
		order[i] = i
	}
	rank := func(i int) int {
		if r := slices.Index(topOrder, secs[i].key); r >= 0 {
			return r
		}
		return len(topOrder)
	}
	slices.SortStableFunc(order, func(a, b int) int { return rank(a) - rank(b) })
	for i, si := range order {
		if i > 0 && childOrder(secs[si].key) != nil {
			e.blank()
		}
		if err := e.section(data, &secs[si]); err != nil {
			return nil, err
		}
		e.comments(secs[si].foot, 0)
	}
	if foot != nil {
		e.blank()
		e.comments(foot, 0)
	}
	if e.err != nil {
		return nil, e.err
	}
	return e.finish(), nil
}

// splitSections finds the top-level keys, each with the comment lines
// just above it and those below its body; the file's opening comments
// that belong to no key (top: each run of them is followed by a blank
// line); and the comments that close the file after a blank line.
func splitSections(data []byte) (secs []section, top [][]string, foot []string, err error) {
	l := &lines{data: data}
	var run []string
	runStart, blank, runBlank := 0, false, false
	for {
		s, start, ok := l.next()
		if !ok {
			break
		}
		n := indentOf(s)
		switch {
		case n == len(s):
			if len(run) > 0 && !blank {
				switch last := len(secs) - 1; {
				case last < 0:
					top, run = append(top, run), nil
				case !runBlank && secs[last].foot == nil:
					// yaml.v3 gives these to the key above.
					secs[last].foot, secs[last].bodyEnd, run = run, runStart, nil
				}
			}
			blank = true
			continue
		case n > 0:
			if len(secs) == 0 || len(run) > 0 || secs[len(secs)-1].foot != nil {
				return nil, nil, nil, decline("an indented line outside a section", l.n)
			}
			blank = false
			continue
		case s[0] == '#':
			if len(run) > 0 && blank {
				return nil, nil, nil, decline("comments in several parts", l.n)
			}
			if len(run) == 0 {
				runStart, runBlank = start, blank
			}
			run = append(run, strings.TrimSpace(s))
			blank = false
			continue
		case strings.HasPrefix(s, "---") || strings.HasPrefix(s, "..."):
			return nil, nil, nil, decline("a document marker", l.n)
		}
		k, _, ok := key(s, 0)
		if !ok {
			return nil, nil, nil, decline("a top-level line that is not a key", l.n)
		}
		if len(run) > 0 && blank {
			return nil, nil, nil, decline("a comment with a blank line below it", l.n)
		}
		if len(secs) == 0 && len(top) > 1 {
			return nil, nil, nil, decline("comments at the top in several parts", l.n)
		}
		end := start
		if len(run) > 0 {
			end = runStart
		}
		if last := len(secs) - 1; last >= 0 && secs[last].foot == nil {
			secs[last].bodyEnd = end
		}
		secs = append(secs, section{key: k, head: run, line: s, lineNo: l.n, bodyStart: l.off, bodyEnd: len(data)})
		run, blank = nil, false
	}
	if len(secs) == 0 {
		return nil, nil, nil, decline("no key", l.n)
	}
	if _, j, _ := key(secs[0].line, 0); secs[0].foot != nil && strings.Contains(secs[0].line[j:], "#") {
		// yaml.v3 then gives the comments below the first key to the
		// second, with the blank line after them.
		return nil, nil, nil, decline("comments below the first key's line comment", secs[0].lineNo)
	}
	last := &secs[len(secs)-1]
	if len(run) > 0 {
		switch {
		case runBlank && !blank:
			foot = run // the document's, after a blank line
			if last.foot == nil {
				last.bodyEnd = runStart
			}
		case !runBlank && last.foot == nil:
			last.foot, last.bodyEnd = run, runStart
		default:
			return nil, nil, nil, decline("comments at the end", l.n)
		}
	}
	last.bodyStart = min(last.bodyStart, len(data))
	for i := range secs {
		secs[i].bodyEnd = max(secs[i].bodyEnd, secs[i].bodyStart)
	}
	return secs, top, foot, nil
}

// section writes one top-level key and what it holds.
func (e *emitter) section(data []byte, sec *section) error {
	_, j, _ := key(sec.line, 0)
	body := data[sec.bodyStart:sec.bodyEnd]
	if v, comment, ok := blockValue(sec.line, j); ok {
		if len(bytes.TrimSpace(body)) > 0 {
			return decline("a value with lines below it", sec.lineNo)
		}
		e.comments(sec.head, 0)
		e.line(Scalar(sec.key, Block)+": "+v.inline(sec.key == "context"), comment)
		return nil
	}
	comment, ok := lineComment(sec.line, j)
	order := childOrder(sec.key)
	if !ok || order == nil || len(bytes.TrimSpace(body)) == 0 {
		return decline("a top-level value the streaming layout does not read", sec.lineNo)
	}
	e.comments(sec.head, 0)
	e.line(Scalar(sec.key, Block)+":", comment)
	b := &blockReader{e: e, claims: sec.key == "claims", order: order}
	return b.read(body, sec.lineNo)
}

// emitter writes lines as the tree layout's printer does: at most one
// blank line in a row, none at the top or the end, and the comments at
// the ends of consecutive lines aligned.
type emitter struct {
	out          []byte
	run          []outLine // lines with an end comment, to align
	any          bool      // a line was written
	lastBlank    bool
	blankPending bool
	err          error
}

func (e *emitter) line(text, comment string) {
	if text != "" && comment != "" {
		e.flushBlank()
		e.run = append(e.run, outLine{text, comment})
		if len(e.run) > maxRun && e.err == nil {
			e.err = decline("too many end comments in a row", 0)
		}
	} else {
		e.flushRun()
		e.flushBlank()
		e.write(text)
	}
	e.any, e.lastBlank = true, false
}

func (e *emitter) blank() {
	if e.any && !e.lastBlank {
		e.flushRun()
		e.blankPending, e.lastBlank = true, true
	}
}

// comments writes comment lines, already trimmed, at an indentation.
func (e *emitter) comments(cs []string, indent int) {
	for _, c := range cs {
		e.line(strings.Repeat(" ", indent)+c, "")
	}
}

func (e *emitter) flushBlank() {
	if e.blankPending {
		e.out = append(e.out, '\n')
		e.blankPending = false
	}
}

func (e *emitter) flushRun() {
	width := 0
	for _, l := range e.run {
		width = max(width, utf8.RuneCountInString(l.text))
	}
	for _, l := range e.run {
		e.out = append(e.out, l.text...)
		for range width - utf8.RuneCountInString(l.text) + 2 {
			e.out = append(e.out, ' ')
		}
		e.write(l.comment)
	}
	clear(e.run)
	e.run = e.run[:0]
}

func (e *emitter) write(text string) {
	e.out = append(e.out, strings.TrimRight(text, " ")...)
	e.out = append(e.out, '\n')
}

func (e *emitter) finish() []byte {
	e.flushRun()
	return e.out
}
