// Package problemout writes problems (load errors, lint's findings) in
// every format lint offers: text with source snippets, JSON, GitHub
// annotations, SARIF, JUnit, rdjsonl and GitLab Code Quality
// (WriteProblems, ProblemFormats), and the SARIF rules of lint's codes.
// Every command shows its load errors through ProblemsText.
package problemout

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/render"
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
func ProblemsText(w io.Writer, st *render.Styles, ps []diag.Problem, opts ProblemOptions) error {
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

func writeSnippet(b *strings.Builder, st *render.Styles, line string, pos diag.Pos) {
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
	return render.WriteJSON(w, jsonProblems{Problems: out, Count: len(out), Summary: jsonProblemCount{Errors: errs, Warnings: warns}})
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
	return fmt.Sprintf("%s, %s", render.Plural(errs, "error"), render.Plural(warns, "warning"))
}
