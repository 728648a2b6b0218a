package load

import (
	"bytes"
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

// runeCol is the column, counted in characters, of byte offset i.
func runeCol(text string, i int) int { return 1 + utf8.RuneCountInString(text[:i]) }
