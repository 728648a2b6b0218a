package load

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// yaml.v3 says what it could not parse, where it noticed, in its own
// words. People writing a ledger by hand make a handful of mistakes over
// and over; yamlHint looks at the lines around the place yaml.v3 gives
// for one of them, and says where it is and how to fix it.

var (
	// A block key followed by a plain value that holds ": " of its own,
	// such as `quote: Haq said: We're going`.
	innerColon = regexp.MustCompile(`^(\s*(?:-\s+)?[A-Za-z_][\w.-]*:\s+)([^'"{\[#&*!|>][^#]*?: )`)
	// `-foo` where a list item was meant.
	dashNoSpace = regexp.MustCompile(`^\s*-[^\s-]`)
	// `topic:plan.army-cap` where a key and value were meant.
	colonNoSpace = regexp.MustCompile(`^\s*(?:-\s+)?([A-Za-z_][\w-]*):[^\s/:]`)
)

// yamlHint returns a better column and a hint for a YAML syntax error
// yaml.v3 reported at line, or col 0 and "" when it knows none.
func yamlHint(data []byte, line int, msg string) (atLine, col int, hint string) {
	lines := bytes.Split(data, []byte{'\n'})
	// A stray quote inside a quoted value is often noticed lines before
	// or after it, so it is looked for from a few lines before the place
	// yaml.v3 names to the end of the file.
	for l := max(1, line-3); l <= len(lines); l++ {
		if c, h := quoteHint(string(bytes.TrimRight(lines[l-1], "\r")), msg); h != "" {
			return l, c, h
		}
	}
	// yaml.v3 often notices a mistake a line or more after it: look at
	// the line it names and a few before it.
	for l := line; l >= max(1, line-3); l-- {
		if l > len(lines) {
			continue
		}
		text := string(bytes.TrimRight(lines[l-1], "\r"))
		if c, h := lineHint(text, msg); h != "" {
			return l, c, h
		}
	}
	return line, 0, ""
}

// lineHint is yamlHint for one line of the file.
func lineHint(text, msg string) (col int, hint string) {
	indent := len(text) - len(strings.TrimLeft(text, " \t"))
	if i := strings.IndexByte(text[:indent], '\t'); i >= 0 {
		return i + 1, "indent with spaces, not tabs: YAML does not allow a tab in indentation"
	}
	for _, q := range []string{"“", "”", "‘", "’"} {
		if i := strings.Index(text, ": "+q); i >= 0 {
			return runeCol(text, i+2), "“ ” ‘ ’ are typographic quotes, which YAML takes as text; quote a value with a straight \" or '"
		}
	}
	if m := innerColon.FindStringSubmatchIndex(text); m != nil && strings.Contains(msg, "mapping values are not allowed") {
		inner := m[5] - 2 // the ": " that ends the match
		return runeCol(text, inner), "the value holds \": \", which YAML reads as the start of another key: wrap the text in quotes"
	}
	if dashNoSpace.MatchString(text) && !strings.HasPrefix(strings.TrimSpace(text), "---") {
		i := strings.IndexByte(text, '-')
		return runeCol(text, i+1), "put a space after - to start a list item"
	}
	if m := colonNoSpace.FindStringSubmatchIndex(text); m != nil {
		return runeCol(text, m[3]+1), "put a space after : to give a key its value"
	}
	return 0, ""
}

// quoteHint finds a quoted value that ends before its text does, such as
// `quote: "He said "yes" to it"`, or one that never ends on its line.
func quoteHint(text, msg string) (col int, hint string) {
	for i := 0; i+2 < len(text); i++ {
		opensFlow := text[i] == '[' || text[i] == '{'
		if !(text[i] == ':' || text[i] == '-' || text[i] == ',' || opensFlow) || text[i+1] != ' ' && !opensFlow {
			continue
		}
		j := i + 1
		for j < len(text) && text[j] == ' ' {
			j++
		}
		if j >= len(text) || text[j] != '"' && text[j] != '\'' {
			continue
		}
		q := text[j]
		end := closingQuote(text, j)
		if end < 0 {
			// A quoted value may go on over lines; only when the file
			// ended inside one is an unclosed quote the mistake.
			if strings.Contains(msg, "end of stream") && strings.Count(text[j:], string(q)) == 1 {
				return runeCol(text, j), "this quote is never closed on its line; close it, or quote the value with the other kind of quote"
			}
			continue
		}
		after := end + 1
		for after < len(text) && (text[after] == ' ' || text[after] == '\t') {
			after++
		}
		if after < len(text) && !strings.ContainsRune(",}]#:", rune(text[after])) {
			return runeCol(text, after), fmt.Sprintf("the value's quote ends before its text does; write a %c inside it as %s, or quote the value with the other kind of quote", q, map[byte]string{'"': `\"`, '\'': "''"}[q])
		}
		i = end
	}
	return 0, ""
}

// closingQuote is the index of the quote that ends the quoted scalar
// opening at text[open], or -1 when none does on this line.
func closingQuote(text string, open int) int {
	q := text[open]
	for k := open + 1; k < len(text); k++ {
		switch {
		case q == '"' && text[k] == '\\':
			k++
		case text[k] == q && q == '\'' && k+1 < len(text) && text[k+1] == '\'':
			k++
		case text[k] == q:
			return k
		}
	}
	return -1
}

// runeCol is the column, counted in characters, of byte offset i.
func runeCol(text string, i int) int { return 1 + utf8.RuneCountInString(text[:i]) }
