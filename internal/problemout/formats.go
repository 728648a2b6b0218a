package problemout

import (
	"fmt"
	"io"

	"github.com/claimdiff/claimdiff/internal/cijson"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/junit"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/sarif"
)

// ProblemFormats lists the formats WriteProblems knows, the default first.
var ProblemFormats = []string{"text", "json", "github", "sarif", "junit", "junit-ant", "rdjsonl", "gitlab"}

// problemExtensions maps file name endings to lint's formats, longest
// first where one ends another.
var problemExtensions = cli.Extensions{
	{Ext: ".sarif.json", Format: "sarif"}, {Ext: ".gitlab.json", Format: "gitlab"},
	{Ext: cli.GitLabReportName, Format: "gitlab"}, {Ext: ".sarif", Format: "sarif"}, {Ext: ".json", Format: "json"},
	{Ext: ".txt", Format: "text"}, {Ext: ".xml", Format: "junit"}, {Ext: ".rdjsonl", Format: "rdjsonl"},
}

// ProblemFormatFor picks lint's format of a file from its name's extension.
func ProblemFormatFor(path string) (string, bool) { return problemExtensions.FormatOf(path) }

// ProblemExtensions lists the extensions ProblemFormatFor knows, for
// messages.
func ProblemExtensions() string { return problemExtensions.String() }

// ProblemWriteOptions say how WriteProblems writes.
type ProblemWriteOptions struct {
	// Styles colour the text format; nil means none.
	Styles *render.Styles
	// Text says how the text format shows problems.
	Text ProblemOptions
	// Version is claimdiff's version, for SARIF.
	Version string
	// Strict makes warnings fail in JUnit, as they fail lint --strict.
	Strict bool
	// Warn is told what a format had to leave out (SARIF's cap).
	Warn io.Writer
}

// WriteProblems writes lint's problems in format: the one place a format
// picks its writer.
func WriteProblems(w io.Writer, format string, ps []diag.Problem, opts ProblemWriteOptions) error {
	switch format {
	case "text":
		st := opts.Styles
		if st == nil {
			st = render.NewStyles(w, false)
		}
		return ProblemsText(w, st, ps, opts.Text)
	case "json":
		return ProblemsJSON(w, ps)
	case "github":
		return ProblemsGitHub(w, ps)
	case "sarif":
		return ProblemsSARIF(w, opts.Version, ps, opts.Warn)
	case "junit":
		return ProblemsJUnit(w, ps, opts.Strict, junit.Jenkins)
	case "junit-ant":
		return ProblemsJUnit(w, ps, opts.Strict, junit.Ant)
	case "rdjsonl":
		return cijson.WriteRDJSONL(w, problemFindings(ps))
	case "gitlab":
		return cijson.WriteGitLab(w, problemFindings(ps))
	}
	return fmt.Errorf("unknown format %q", format)
}

// problemMessage is a problem's message with its hint on a line of its own.
func problemMessage(p *diag.Problem) string {
	if p.Hint == "" {
		return p.Message
	}
	return p.Message + "\n" + p.Hint
}

func problemLevel(p *diag.Problem) string {
	if p.Severity == diag.Warning {
		return "warning"
	}
	return "error"
}

// problemFindings are the problems as CI findings. A problem's subject is
// its message without the line numbers some messages hold, so that its
// fingerprint survives lines moving.
func problemFindings(ps []diag.Problem) []cijson.Finding {
	var places cijson.Places
	out := make([]cijson.Finding, len(ps))
	for i := range ps {
		p := &ps[i]
		out[i] = cijson.Finding{Code: p.Code, Level: problemLevel(p), Message: problemMessage(p),
			File: p.Pos.File, Line: p.Pos.Line, Col: p.Pos.Col,
			Subject: []string{places.WithoutPositions(p.Message)}}
	}
	return out
}

// ProblemsSARIF writes problems as a SARIF 2.1.0 log, one rule per
// problem code that occurs, each result with a fingerprint that survives
// lines moving.
func ProblemsSARIF(w io.Writer, version string, ps []diag.Problem, warn io.Writer) error {
	fs := problemFindings(ps)
	fps := cijson.Fingerprints(fs)
	var rules []sarif.Rule
	seen := map[string]bool{}
	results := make([]sarif.Result, 0, len(fs))
	for i, f := range fs {
		if !seen[f.Code] {
			seen[f.Code] = true
			rules = append(rules, lintRule(f.Code))
		}
		results = append(results, sarif.Result{RuleID: f.Code, Level: f.Level, Message: f.Message,
			File: f.File, Line: f.Line, Col: f.Col, Fingerprint: fps[i]})
	}
	return sarif.Write(w, sarif.Run{AutomationID: "claimdiff/lint/", ToolVersion: version, Rules: rules, Results: results, Warn: warn})
}

// ProblemsJUnit writes one suite, "claimdiff lint", with a case per
// problem: errors fail, and warnings fail with strict and pass without
// it, with the warning as the case's output (a skipped case would say the
// check did not run). A ledger with no problems is one passing case, so
// that a dashboard shows that lint ran.
func ProblemsJUnit(w io.Writer, ps []diag.Problem, strict bool, flavor junit.Flavor) error {
	s := junit.Suite{Name: "claimdiff lint", Cases: make([]junit.Case, 0, len(ps))}
	for i := range ps {
		p := &ps[i]
		c := junit.Case{Name: p.Pos.String() + ": " + p.Code, Classname: "lint." + p.Code}
		if p.Severity != diag.Warning || strict {
			c.Failure = &junit.Failure{Type: p.Code, Message: p.Message, Text: p.Pos.String() + ": " + problemMessage(p)}
		} else {
			c.Output = p.Pos.String() + ": warning: " + problemMessage(p)
		}
		s.Cases = append(s.Cases, c)
	}
	if len(ps) == 0 {
		s.Cases = append(s.Cases, junit.Case{Name: "no problems", Classname: "lint"})
	}
	return junit.Write(w, []junit.Suite{s}, flavor)
}
