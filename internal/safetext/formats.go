package safetext

import (
	"bytes"
	"strings"
)

// CSVCell makes s safe as a spreadsheet cell: Terminal, then a leading
// single quote when the cell would otherwise be read as a formula (it
// starts with = + - @, a tab or a carriage return, or with one of the
// full-width forms some spreadsheet locales also accept, after spaces).
// Quoting the cell itself is left to encoding/csv.
func CSVCell(s string) string {
	t := Terminal(s)
	if startsFormula(t) {
		return "'" + t
	}
	return t
}

func startsFormula(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '\t' || s[0] == '\r' {
		return true
	}
	rest := strings.TrimLeft(s, " ")
	for _, p := range []string{"=", "+", "-", "@", "＝", "＋", "－", "＠"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// GitHubData escapes s as the message of a GitHub Actions workflow command
// (the part after the second "::"). It is Terminal, then %, \r and \n
// become %25, %0D and %0A, so the message cannot end the command or start
// another one.
func GitHubData(s string) string {
	return githubEscape(Terminal(s), false)
}

// GitHubProperty escapes s as a property value of a workflow command
// (file=..., title=...): GitHubData, plus : and , as %3A and %2C.
func GitHubProperty(s string) string {
	return githubEscape(Terminal(s), true)
}

func githubEscape(s string, property bool) string {
	special := "%\r\n"
	if property {
		special = "%\r\n:,"
	}
	if !strings.ContainsAny(s, special) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '%':
			b.WriteString("%25")
		case c == '\r':
			b.WriteString("%0D")
		case c == '\n':
			b.WriteString("%0A")
		case property && c == ':':
			b.WriteString("%3A")
		case property && c == ',':
			b.WriteString("%2C")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// workflowMarker is the start of an Azure Pipelines logging command, which
// the runner acts on anywhere in a line of a job's log.
var workflowMarker = []byte("##[")

// HTMLWorkflow is JSONWorkflow for an HTML page, which keeps the ledger's
// newlines: "##[" becomes "#&#35;[", and a line that starts with "::"
// (after white space) starts with "&#58;:", which a browser shows as it
// was. The page's own style and script must not start a line with "::".
func HTMLWorkflow(b []byte) []byte {
	b = bytes.ReplaceAll(b, workflowMarker, []byte("#&#35;["))
	if !bytes.Contains(b, []byte("::")) {
		return b
	}
	var out []byte
	rest := b
	for len(rest) > 0 {
		line, after, found := bytes.Cut(rest, []byte("\n"))
		if j := commandStart(string(line)); j >= 0 {
			if out == nil {
				out = make([]byte, 0, len(b)+16)
				out = append(out, b[:len(b)-len(rest)]...)
			}
			out = append(out, line[:j]...)
			out = append(out, "&#58;"...)
			out = append(out, line[j+1:]...)
		} else if out != nil {
			out = append(out, line...)
		}
		if found && out != nil {
			out = append(out, '\n')
		}
		rest = after
	}
	if out == nil {
		return b
	}
	return out
}

// JSONWorkflow rewrites "##[" inside encoded JSON as "#\u0023[": the same
// string to a JSON reader, but no logging command to a CI runner that
// prints the document. Outside strings JSON has no '#', so only strings
// change. A document with no marker, nearly every one, is returned as it
// is rather than copied: resolve's JSON of a month of claims is 290 MB.
func JSONWorkflow(b []byte) []byte {
	if !bytes.Contains(b, workflowMarker) {
		return b
	}
	return bytes.ReplaceAll(b, workflowMarker, []byte(`#\u0023[`))
}

// XMLWorkflow is JSONWorkflow for encoded XML, with the character
// reference &#35;.
func XMLWorkflow(b []byte) []byte {
	if !bytes.Contains(b, workflowMarker) {
		return b
	}
	return bytes.ReplaceAll(b, workflowMarker, []byte("#&#35;["))
}
