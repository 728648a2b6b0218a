package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// LineSource returns line n (from 1) of file, for snippets; ok is false
// when it cannot.
type LineSource func(file string, n int) (line string, ok bool)

// ProblemOptions says how problems are shown as text.
type ProblemOptions struct {
	// Snippets shows the offending line with a caret, on a terminal.
	Snippets bool
	Lines    LineSource
}

// ProblemsText writes problems as "file:line:col: message", each followed
// on a terminal by the offending line and a caret under the column, and a
// hint on its own line.
func ProblemsText(w io.Writer, st *Styles, ps []diag.Problem, opts ProblemOptions) error {
	var b strings.Builder
	for _, p := range ps {
		label := ""
		if p.Severity == diag.Warning {
			label = st.Paint(st.Warning, "warning:") + " "
		} else if st.Color {
			label = st.Paint(st.Error, "error:") + " "
		}
		fmt.Fprintf(&b, "%s: %s%s\n", st.Paint(st.Bold, safetext.Line(p.Pos.String())), label, safetext.Line(p.Message))
		if opts.Snippets && opts.Lines != nil && p.Pos.Line > 0 {
			if line, ok := opts.Lines(p.Pos.File, p.Pos.Line); ok {
				writeSnippet(&b, st, line, p.Pos)
			}
		}
		if p.Hint != "" {
			fmt.Fprintf(&b, "  %s %s\n", st.Paint(st.Accent, "hint:"), safetext.Line(p.Hint))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeSnippet(b *strings.Builder, st *Styles, line string, pos diag.Pos) {
	line = strings.ReplaceAll(safetext.Line(line), "\t", " ")
	gutter := fmt.Sprintf("%5d | ", pos.Line)
	fmt.Fprintf(b, "%s%s\n", st.Paint(st.Dim, gutter), line)
	col := max(pos.Col, 1)
	pad := min(col-1, utf8.RuneCountInString(line))
	fmt.Fprintf(b, "%s%s%s\n", st.Paint(st.Dim, "      | "), strings.Repeat(" ", pad), st.Paint(st.Error, "^"))
}

// jsonProblem is the stable JSON shape of a problem.
type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// ProblemsJSON writes problems as an object like every command's JSON:
// {"problems": [...], "count": N, "summary": {"errors": E, "warnings": W}},
// problems an empty array when there are none, never null.
func ProblemsJSON(w io.Writer, ps []diag.Problem) error {
	out := make([]jsonProblem, 0, len(ps))
	for _, p := range ps {
		out = append(out, jsonProblem{
			File: safetext.Clean(p.Pos.File), Line: p.Pos.Line, Column: p.Pos.Col,
			Severity: p.Severity.String(), Code: p.Code,
			Message: safetext.Clean(p.Message), Hint: safetext.Clean(p.Hint),
		})
	}
	errs, warns := diag.Count(ps)
	return WriteJSON(w, jsonProblems{Problems: out, Count: len(out), Summary: jsonProblemCount{Errors: errs, Warnings: warns}})
}

// jsonProblems is lint's JSON document.
type jsonProblems struct {
	Problems []jsonProblem    `json:"problems"`
	Count    int              `json:"count"`
	Summary  jsonProblemCount `json:"summary"`
}

type jsonProblemCount struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// WriteJSON writes v indented, with a final newline, without escaping <>&
// (the output is data, not HTML). Ledger text inside keeps every character,
// but C1 controls and bidi overrides are written as \u escapes, as
// encoding/json already does for C0: JSON piped to a terminal must not
// drive it. Nor may it drive a CI runner: "##[" is written "#\u0023[".
func WriteJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(safetext.JSONWorkflow(EscapeJSONControls(buf.Bytes())))
	return err
}

// EscapeJSONControls rewrites the raw C1 controls and bidi controls in
// encoded JSON as \u escapes. They can only occur inside strings, where
// the escape means the same character.
func EscapeJSONControls(b []byte) []byte {
	if !bytes.ContainsFunc(b, jsonUnsafe) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if jsonUnsafe(r) {
			out = fmt.Appendf(out, "\\u%04x", r)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

func jsonUnsafe(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

// ProblemsGitHub writes problems as GitHub workflow annotations.
func ProblemsGitHub(w io.Writer, ps []diag.Problem) error {
	var b strings.Builder
	for _, p := range ps {
		level := "error"
		if p.Severity == diag.Warning {
			level = "warning"
		}
		msg := p.Message
		if p.Hint != "" {
			msg += "\n" + p.Hint
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", level,
			safetext.GitHubProperty(p.Pos.File), p.Pos.Line, p.Pos.Col,
			safetext.GitHubProperty("claimdiff "+p.Code), safetext.GitHubData(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Summary is "2 errors, 1 warning" or "no problems".
func Summary(ps []diag.Problem) string {
	errs, warns := diag.Count(ps)
	if errs+warns == 0 {
		return "no problems"
	}
	return fmt.Sprintf("%s, %s", Plural(errs, "error"), Plural(warns, "warning"))
}

// Plural is "1 claim", "2 claims".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ey") {
		return fmt.Sprintf("%d %sies", n, noun[:len(noun)-1])
	}
	if strings.HasSuffix(noun, "s") {
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
