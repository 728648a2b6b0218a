package assert

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// In a Markdown document, an inline link whose destination uses the claim:
// scheme asserts that its text agrees with the ledger:
//
//	The draft caps the army at [600,000 troops](claim:plan.army-cap).
//	It asks Kyiv to sign [by 27 November](claim:plan.deadline?context=for=framework+agreement).
//
// The query may carry context=KEY=VALUE (repeatable) and as_of=DATE, URL
// encoded. The link text, with emphasis, code marks and backslash escapes
// removed, is the asserted value, unless value=VALUE gives it: prose says
// "[not waived](claim:tolls-waived?value=no)" where a bool topic reads no.
//
// The reader follows CommonMark where it matters for a draft: links in
// fenced code blocks, code spans and HTML comments are not links, images
// are not assertions, and a link inside another link's text wins.
// Reference-style links and indented code blocks are not recognised; use
// inline links and fenced code.

const (
	// scheme starts a claim link's destination.
	scheme = "claim:"
	// maxDest and maxTitle bound how far a link's destination and title
	// are looked for, so that a hostile document costs linear time.
	maxDest  = 1024
	maxTitle = 256
	// maxProblems caps the problems reported for one document.
	maxProblems = 1000
	// maxValueRunes bounds a link text read as a value.
	maxValueRunes = 1000
)

// ParseMarkdown reads the claim links of a Markdown document.
func ParseMarkdown(name string, data []byte) ([]Assertion, []diag.Problem) {
	m := &mdReader{data: data, lines: newLineIndex(name, data)}
	for _, b := range textBlocks(data) {
		m.block(b[0], b[1])
	}
	return m.out, m.problems
}

type mdReader struct {
	data     []byte
	lines    *lineIndex
	out      []Assertion
	problems []diag.Problem
	// skipUntil is the end of an HTML comment that ran past its block.
	skipUntil int
}

func (m *mdReader) problem(off int, code, format string, args ...any) {
	if len(m.problems) >= maxProblems {
		return
	}
	m.problems = append(m.problems, diag.Errorf(m.lines.pos(off), code, format, args...))
}

// textBlocks splits data into runs of lines that may hold links: blank
// lines end a run, and fenced code blocks (``` or ~~~, also inside block
// quotes and list items) are left out. Each run is a byte range.
func textBlocks(data []byte) [][2]int {
	var out [][2]int
	start := -1
	var fenceChar byte
	fenceLen := 0
	flush := func(end int) {
		if start >= 0 {
			out = append(out, [2]int{start, end})
			start = -1
		}
	}
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end < 0 {
			end = len(data)
		} else {
			end += off
			next = end + 1
		}
		line := data[off:end]
		content := blockContent(line)
		switch {
		case fenceLen > 0:
			if c, n := fence(content); c == fenceChar && n >= fenceLen && len(bytes.TrimSpace(content[n:])) == 0 {
				fenceLen = 0
			}
		case len(bytes.TrimSpace(line)) == 0:
			flush(off)
		default:
			if c, n := fence(content); n > 0 && (c == '~' || !bytes.ContainsRune(content[n:], '`')) {
				flush(off)
				fenceChar, fenceLen = c, n
				break
			}
			if start < 0 {
				start = off
			}
		}
		off = next
	}
	flush(len(data))
	return out
}

// blockContent strips the indentation and block-quote markers before a
// line's content.
func blockContent(line []byte) []byte {
	for {
		t := bytes.TrimLeft(line, " \t")
		if len(t) == 0 || t[0] != '>' {
			return t
		}
		line = t[1:]
	}
}

// fence returns the fence character and run length that start content,
// or 0, 0.
func fence(content []byte) (byte, int) {
	if len(content) < 3 || content[0] != '`' && content[0] != '~' {
		return 0, 0
	}
	c := content[0]
	n := 0
	for n < len(content) && content[n] == c {
		n++
	}
	if n < 3 {
		return 0, 0
	}
	return c, n
}

// block finds the claim links in data[start:end]. One pass pairs brackets
// (skipping escapes, code spans and comments); then each pair followed by
// "(claim:" is read as a link, innermost first.
func (m *mdReader) block(start, end int) {
	data := m.data
	if start < m.skipUntil {
		start = m.skipUntil
	}
	if start >= end {
		return
	}
	ticks := backtickRuns(data, start, end)
	var open []int
	var pairs [][2]int
	for i := start; i < end; {
		switch c := data[i]; c {
		case '\\':
			i += 2
		case '`':
			n := runLen(data, i, end, '`')
			if close := ticks.next(n, i+n); close >= 0 {
				i = close + n
			} else {
				i += n
			}
		case '<':
			if bytes.HasPrefix(data[i:], []byte("<!--")) {
				close := bytes.Index(data[i+4:], []byte("-->"))
				if close < 0 {
					m.skipUntil = len(data)
					i = end
					break
				}
				i += 4 + close + 3
				if i > end {
					m.skipUntil = i
					i = end
				}
				break
			}
			i++
		case '[':
			open = append(open, i)
			i++
		case ']':
			if n := len(open); n > 0 {
				pairs = append(pairs, [2]int{open[n-1], i})
				open = open[:n-1]
			}
			i++
		default:
			i++
		}
	}
	// Pairs are in order of their closing bracket, so an inner pair comes
	// before the pair around it; pairs nest or are disjoint, so a pair
	// holds a link found earlier exactly when that link opens after it.
	lastLinkOpen := -1
	var found []Assertion
	for _, p := range pairs {
		if lastLinkOpen > p[0] {
			if m.claimDest(p[1], end) {
				m.problem(p[0], "bad-link", "a claim link's text holds another link, so it is not a link; take the inner link out")
			}
			continue
		}
		a, ok, isLink := m.link(p[0], p[1], end)
		if isLink {
			lastLinkOpen = p[0]
		}
		if ok {
			found = append(found, a)
		}
	}
	slices.SortFunc(found, func(x, y Assertion) int { return x.Pos.Compare(y.Pos) })
	m.out = append(m.out, found...)
}

// claimDest reports whether the bracket at close is followed by
// "(claim:", the start of a claim link.
func (m *mdReader) claimDest(close, end int) bool {
	data := m.data
	if close+1 >= end || data[close+1] != '(' {
		return false
	}
	i := skipSpace(data, close+2, end)
	if i < end && data[i] == '<' {
		i++
	}
	return hasPrefixFold(data[i:end], scheme)
}

func runLen(data []byte, i, end int, c byte) int {
	n := 0
	for i+n < end && data[i+n] == c {
		n++
	}
	return n
}

// tickRuns indexes a block's backtick runs by length, so that the closer
// of a code span is found in logarithmic time.
type tickRuns map[int][]int

func backtickRuns(data []byte, start, end int) tickRuns {
	runs := tickRuns{}
	for i := start; i < end; {
		if data[i] != '`' {
			i++
			continue
		}
		n := runLen(data, i, end, '`')
		runs[n] = append(runs[n], i)
		i += n
	}
	return runs
}

// next returns the start of the first run of exactly n backticks at or
// after from, or -1.
func (t tickRuns) next(n, from int) int {
	starts := t[n]
	k := sort.SearchInts(starts, from)
	if k == len(starts) {
		return -1
	}
	return starts[k]
}

// link reads the bracket pair [open, close] as an inline link. isLink says
// whether it is a link of any kind (which matters for nesting); ok says
// whether it is a claim link that makes an assertion.
func (m *mdReader) link(open, close, end int) (a Assertion, ok, isLink bool) {
	data := m.data
	if close+1 >= end || data[close+1] != '(' {
		return a, false, false
	}
	i := skipSpace(data, close+2, end)
	angled := i < end && data[i] == '<'
	if angled {
		i++
	}
	isClaim := hasPrefixFold(data[i:end], scheme)
	dest, after, good := destination(data, i, end, angled)
	if !isClaim {
		// Other links matter only for nesting. Their titles are not read,
		// which keeps a document of many "[](x (" linear to scan.
		return a, false, good
	}
	good = good && closeLink(data, after, end)
	if !good {
		m.problem(open, "bad-link", "malformed claim link; write [value](claim:TOPIC) with no spaces in the destination")
		return a, false, false
	}
	image := open > 0 && data[open-1] == '!' && (open < 2 || data[open-2] != '\\')
	if image {
		return a, false, true // an image is not an assertion
	}
	a.Pos = m.lines.pos(open)
	rest := dest[len(scheme):]
	topic, query, _ := strings.Cut(rest, "?")
	topic, _, _ = strings.Cut(topic, "#")
	if !ValidTopic(topic) {
		if topic == "" {
			m.problem(open, "bad-link", "claim link names no topic; write [value](claim:TOPIC)")
		} else {
			m.problem(open, "bad-link", "claim link: %q is not a topic id (letters, digits and . _ / -, starting with a letter or digit)", clip(topic))
		}
		return a, false, true
	}
	a.Topic = topic
	text := linkValue(string(data[open+1 : close]))
	if !m.query(open, query, &a) {
		return a, false, true
	}
	if a.Value == "" {
		a.Value = text
	}
	switch {
	case text == "":
		m.problem(open, "bad-link", "claim link to %s has no text; the link text is the value it asserts", topic)
		return a, false, true
	case utf8.RuneCountInString(a.Value) > maxValueRunes:
		m.problem(open, "bad-link", "claim link to %s: the link text is too long to be a value (over %d characters)", topic, maxValueRunes)
		return a, false, true
	}
	return a, true, true
}

// query reads a claim link's ?context=KEY=VALUE&as_of=DATE.
func (m *mdReader) query(open int, query string, a *Assertion) bool {
	if query == "" {
		return true
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		m.problem(open, "bad-link", "claim link to %s: bad query: %v", a.Topic, err)
		return false
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	ok := true
	var pairs [][2]string
	for _, k := range keys {
		switch k {
		case "context":
			seen := map[string]bool{}
			for _, v := range q[k] {
				key, val, found := strings.Cut(v, "=")
				if !found || key == "" {
					m.problem(open, "bad-link", "claim link to %s: context=%q must be context=KEY=VALUE", a.Topic, clip(v))
					ok = false
					continue
				}
				if seen[key] {
					m.problem(open, "bad-link", "claim link to %s: context key %q is given twice", a.Topic, clip(key))
					ok = false
					continue
				}
				seen[key] = true
				pairs = append(pairs, [2]string{key, val})
			}
		case "value":
			v := strings.TrimSpace(q[k][len(q[k])-1])
			if len(q[k]) > 1 || v == "" {
				m.problem(open, "bad-link", "claim link to %s: give value= once, with a value", a.Topic)
				ok = false
				continue
			}
			a.Value = v
		case "as_of":
			v := q[k][len(q[k])-1]
			if len(q[k]) > 1 || !claims.IsDate(v) {
				m.problem(open, "bad-link", "claim link to %s: as_of=%q must be one date (YYYY-MM-DD) or RFC 3339 time", a.Topic, clip(v))
				ok = false
				continue
			}
			a.AsOf = v
		default:
			m.problem(open, "bad-link", "claim link to %s: unknown parameter %q; use context=KEY=VALUE, as_of=DATE or value=VALUE", a.Topic, clip(k))
			ok = false
		}
	}
	a.Context = Context(pairs)
	return ok
}

// destination reads a link destination starting at i, returning it with
// escapes removed and the offset after it.
func destination(data []byte, i, end int, angled bool) (string, int, bool) {
	limit := min(end, i+maxDest)
	var b strings.Builder
	if angled {
		for j := i; j < limit; j++ {
			switch c := data[j]; {
			case c == '>':
				return b.String(), j + 1, true
			case c == '\n' || c == '<':
				return "", j, false
			case c == '\\' && j+1 < limit && isASCIIPunct(data[j+1]):
				j++
				b.WriteByte(data[j])
			default:
				b.WriteByte(c)
			}
		}
		return "", limit, false
	}
	depth := 0
	j := i
	for ; j < limit; j++ {
		c := data[j]
		if c <= ' ' || c == 0x7f {
			break
		}
		switch {
		case c == '\\' && j+1 < limit && isASCIIPunct(data[j+1]):
			j++
			b.WriteByte(data[j])
			continue
		case c == '(':
			depth++
			if depth > 32 {
				return "", j, false
			}
		case c == ')':
			if depth == 0 {
				return b.String(), j, b.Len() > 0
			}
			depth--
		}
		b.WriteByte(c)
	}
	if j == limit && limit < end || depth != 0 {
		return "", j, false
	}
	return b.String(), j, b.Len() > 0
}

// closeLink checks that after a destination there is at most a title and
// then the closing parenthesis.
func closeLink(data []byte, i, end int) bool {
	i = skipSpace(data, i, end)
	if i < end && data[i] == ')' {
		return true
	}
	if i >= end || (i > 0 && data[i-1] != ' ' && data[i-1] != '\t' && data[i-1] != '\n') {
		return false
	}
	closer := data[i]
	switch closer {
	case '"', '\'':
	case '(':
		closer = ')'
	default:
		return false
	}
	limit := min(end, i+1+maxTitle)
	j := i + 1
	for ; j < limit; j++ {
		if data[j] == '\\' {
			j++
			continue
		}
		if data[j] == closer {
			break
		}
	}
	if j >= limit {
		return false
	}
	j = skipSpace(data, j+1, end)
	return j < end && data[j] == ')'
}

// skipSpace skips spaces and tabs and at most one line ending.
func skipSpace(data []byte, i, end int) int {
	newline := false
	for i < end {
		switch data[i] {
		case ' ', '\t':
		case '\n':
			if newline {
				return i
			}
			newline = true
		case '\r':
		default:
			return i
		}
		i++
	}
	return i
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

// linkValue turns a link's text into the value it asserts: backslash
// escapes, code marks, emphasis and strikethrough marks go, entities are
// decoded, and white space (a link may span lines) folds to one space. A
// single ~ stays, since "~850,000" means about 850,000.
func linkValue(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\\' && i+1 < len(text) && isASCIIPunct(text[i+1]):
			i++
			b.WriteByte(text[i])
		case c == '`', c == '*':
		case c == '~' && (i+1 < len(text) && text[i+1] == '~' || i > 0 && text[i-1] == '~'):
		case c == '_' && (i == 0 || i+1 == len(text) || !isWordByte(text[i-1]) || !isWordByte(text[i+1])):
		default:
			b.WriteByte(c)
		}
	}
	s := html.UnescapeString(b.String())
	return strings.Join(strings.Fields(s), " ")
}

// isWordByte is true for ASCII letters and digits and for any byte of a
// multi-byte character, which is a letter often enough for emphasis.
func isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// String renders an assertion for tests and messages.
func (a Assertion) String() string {
	s := fmt.Sprintf("%s %s=%q", a.Where(), a.Topic, a.Value)
	if a.Context != "" {
		s += " [" + a.Context + "]"
	}
	if a.AsOf != "" {
		s += " as_of " + a.AsOf
	}
	return s
}
