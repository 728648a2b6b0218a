package ledgerfile

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// blockScalar writes a | or > block scalar as a block scalar, its lines
// as the file had them, moved to the indentation of the canonical layout:
// a folded paragraph or a multi-line note reads as written, not as one
// quoted line of \n escapes. It copies the lines from the source rather
// than rebuild them from the value, since a folded scalar's line breaks
// are the writer's and the value does not keep them. ok is false for
// what it cannot copy faithfully (keep chomping, whose trailing blank
// lines the layout's blank lines would change, or lines that end in
// white space, which the layout trims); the value is then quoted, and
// Format's check that the meaning is kept holds either way.
func (p *printer) blockScalar(key, val *yaml.Node, indent int, prefix, comment string) bool {
	if val.Line < 1 || val.Line > len(p.src) || val.Column < 1 {
		return false
	}
	head := strings.TrimRight(string(p.src[val.Line-1]), "\r")
	if val.Column-1 >= len(head) {
		return false
	}
	header, _, _ := strings.Cut(head[val.Column-1:], "#")
	header = strings.TrimSpace(header)
	if header == "" || header[0] != '|' && header[0] != '>' || len(header) > 3 || strings.Contains(header, "+") {
		return false
	}
	// The content's indentation: given by a digit in the header, relative
	// to the key's, or else that of the first line that is not blank.
	digit := 0
	for _, r := range header[1:] {
		if r >= '1' && r <= '9' {
			digit = int(r - '0')
		}
	}
	var lines []string
	contentIndent := -1
	if digit > 0 {
		contentIndent = key.Column - 1 + digit
	}
	for i := val.Line; i < len(p.src); i++ {
		l := strings.TrimRight(string(p.src[i]), "\r")
		if strings.TrimSpace(l) == "" {
			lines = append(lines, l)
			continue
		}
		ind := len(l) - len(strings.TrimLeft(l, " "))
		if contentIndent < 0 {
			contentIndent = ind
		}
		if ind < contentIndent || ind <= key.Column-1 {
			break
		}
		lines = append(lines, l)
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 || contentIndent < 0 {
		return false
	}
	newIndent := indent + 2
	if digit > 0 {
		newIndent = indent + digit
	}
	pad := strings.Repeat(" ", newIndent)
	out := make([]string, len(lines))
	for i, l := range lines {
		if strings.TrimRight(l, " \t") != l && strings.TrimSpace(l) != "" || strings.TrimSpace(l) == "" && len(l) > contentIndent {
			return false // white space at a line's end is content the layout would trim
		}
		if strings.TrimSpace(l) != "" {
			out[i] = pad + l[contentIndent:]
		}
	}
	p.line(prefix+Scalar(key.Value, Block)+": "+header, comment)
	for _, l := range out {
		p.line(l, "")
	}
	return true
}
