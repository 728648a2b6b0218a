package safetext

import "strings"

// markdownSpecial are the characters that can start markup anywhere in a
// line: emphasis, code spans and fences, links and images, raw HTML,
// headings, table pipes, strikethrough and entities. CommonMark lets a
// backslash escape any of them.
const markdownSpecial = "\\`*_[]<>#|~&"

// MarkdownCell makes s a literal GitHub-flavoured Markdown table cell: it
// is Line, then every character that could start markup is escaped, so
// that a ledger cannot inject links, HTML, images or extra columns.
func MarkdownCell(s string) string { return escapeMarkdown(Line(s)) }

// MarkdownText is MarkdownCell for longer text, such as the body of a
// details block: it keeps newlines, and escapes markup that only matters
// at the start of a line (lists, headings, rules) on every line.
func MarkdownText(s string) string { return escapeMarkdown(Terminal(s)) }

func escapeMarkdown(s string) string {
	if !needsMarkdownEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8 + 2)
	for n, line := range strings.Split(s, "\n") {
		if n > 0 {
			b.WriteByte('\n')
		}
		mark := lineMarker(line)
		for i := 0; i < len(line); i++ {
			c := line[i]
			if i == mark || strings.IndexByte(markdownSpecial, c) >= 0 {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// lineMarker returns the index of the character after a line's
// indentation that would make it a list item, a setext heading underline
// or a thematic break ("- ", "+ ", "===", "1. ", "2) "), or -1.
func lineMarker(line string) int {
	lead := len(line) - len(strings.TrimLeft(line, " \t"))
	if lead == len(line) {
		return -1
	}
	switch c := line[lead]; {
	case c == '+' || c == '-' || c == '=':
		return lead
	case c >= '0' && c <= '9':
		j := lead
		for j < len(line) && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j < len(line) && (line[j] == '.' || line[j] == ')') {
			return j
		}
	}
	return -1
}

func needsMarkdownEscape(s string) bool {
	if strings.ContainsAny(s, markdownSpecial) {
		return true
	}
	for line := range strings.SplitSeq(s, "\n") {
		if lineMarker(line) >= 0 {
			return true
		}
	}
	return false
}
