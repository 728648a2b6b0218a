package safetext

import "strings"

// markdownSpecial are the characters that can start markup anywhere in a
// line: emphasis, code spans and fences, links and images, raw HTML,
// headings, table pipes, strikethrough and entities. CommonMark lets a
// backslash escape any of them.
const markdownSpecial = "\\`*_[]<>#|~&"

// MarkdownCell makes s a literal GitHub-flavoured Markdown table cell: it
// is Line, then every character that could start markup is escaped, so
// that a ledger cannot inject links, HTML, images or extra columns. Bots
// post Markdown as pull-request comments, so mentions (@user, @org/team)
// and bare URLs that GitHub would link on its own (https://…, www.…) get
// a zero-width space after "@", before "://" and after "www": a ledger
// cannot ping anyone, and a link is only ever one claimdiff wrote.
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
			if c == ':' && strings.HasPrefix(line[i:], "://") {
				b.WriteString(zeroWidthSpace)
			}
			b.WriteByte(c)
			if c == '@' && i+1 < len(line) && isMentionByte(line[i+1]) {
				b.WriteString(zeroWidthSpace)
			}
			if isWWW(line, i) {
				b.WriteString(line[i+1 : i+3])
				b.WriteString(zeroWidthSpace)
				i += 2
			}
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

// zeroWidthSpace breaks a mention or an autolink without showing.
const zeroWidthSpace = "\u200b"

// isMentionByte says c can follow "@" in a GitHub mention.
func isMentionByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// isWWW says line[i:] starts an autolink "www." at a word's start.
func isWWW(line string, i int) bool {
	if len(line)-i < 4 || !strings.EqualFold(line[i:i+4], "www.") {
		return false
	}
	return i == 0 || !isMentionByte(line[i-1])
}

func needsMarkdownEscape(s string) bool {
	if strings.ContainsAny(s, markdownSpecial+"@") || strings.Contains(s, "://") || containsFold(s, "www.") {
		return true
	}
	for line := range strings.SplitSeq(s, "\n") {
		if lineMarker(line) >= 0 {
			return true
		}
	}
	return false
}

// containsFold is strings.Contains, ignoring ASCII case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
