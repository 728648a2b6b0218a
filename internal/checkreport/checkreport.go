// Package checkreport writes the results of claimdiff check: text for people,
// JSON for scripts, GitHub workflow annotations, SARIF for code scanning,
// JUnit XML for CI dashboards, reviewdog's rdjsonl and GitLab Code Quality. Every report is the same
// check.CheckReport; only the dress changes.
//
// Everything a report holds may come from a pull request (claim values,
// quotes, the text of a draft), so each writer escapes it for its format:
// safetext.Line for the terminal, GitHubData and GitHubProperty for
// annotations, safetext.Clean (then the encoder) for JSON, SARIF and XML.
package checkreport

import (
	"fmt"
	"io"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/check"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/junit"
	"github.com/claimdiff/claimdiff/internal/render"
)

// extensions maps file name endings to formats.
var extensions = cli.Extensions{
	{Ext: ".sarif.json", Format: "sarif"}, {Ext: ".gitlab.json", Format: "gitlab"},
	{Ext: cli.GitLabReportName, Format: "gitlab"}, {Ext: ".sarif", Format: "sarif"}, {Ext: ".json", Format: "json"},
	{Ext: ".txt", Format: "text"}, {Ext: ".xml", Format: "junit"}, {Ext: ".rdjsonl", Format: "rdjsonl"},
}

// FormatFor picks the format of a file from its name's extension.
func FormatFor(path string) (string, bool) { return extensions.FormatOf(path) }

// Extensions lists the extensions FormatFor knows, for messages.
func Extensions() string { return extensions.String() }

// Formats lists the formats Write knows, the default first.
var Formats = []string{"text", "json", "github", "sarif", "junit", "junit-ant", "rdjsonl", "gitlab"}

// Options carry what some formats need besides the report.
type Options struct {
	// Styles colour the text format.
	Styles *render.Styles
	// Version is claimdiff's version, for SARIF.
	Version string
	// TopicPos locates a topic in the ledger, for SARIF results about an
	// assertion given with --claim, which code scanning refuses without a
	// location; nil leaves them without one.
	TopicPos func(topic string) diag.Pos
	// Warn is told what a format had to leave out (SARIF's cap).
	Warn io.Writer
	// Skipped is what --skip-invalid left out, for the JSON format; nil
	// without the flag.
	Skipped *disputedout.SkippedJSON
}

// Write writes r in format.
func Write(w io.Writer, format string, r *check.CheckReport, opts Options) error {
	switch format {
	case "text":
		st := opts.Styles
		if st == nil {
			st = render.NewStyles(w, false)
		}
		return Text(w, st, r)
	case "json":
		return writeJSON(w, r, opts.Skipped)
	case "github":
		return GitHub(w, r)
	case "sarif":
		return SARIF(w, r, opts)
	case "junit":
		return JUnit(w, r, junit.Jenkins)
	case "junit-ant":
		return JUnit(w, r, junit.Ant)
	case "rdjsonl":
		return RDJSONL(w, r)
	case "gitlab":
		return GitLab(w, r)
	}
	return fmt.Errorf("unknown format %q", format)
}

// where is the position of an assertion, or "--claim" for one given
// with a flag.
func where(x *check.Result) string {
	if x.Pos.File == "" {
		return "--claim"
	}
	return x.Pos.String()
}

// assertionTitle is `topic = "asserted"`.
func assertionTitle(x *check.Result) string {
	if x.Topic == "" {
		return "unreadable assertion"
	}
	s := fmt.Sprintf("%s = %q", x.Topic, x.Asserted)
	if x.Context != "" {
		s += " [" + x.Context + "]"
	}
	return s
}

// disputeTitle is "plan.army-cap [context] (high; conflict)".
func disputeTitle(g *check.GateResult) string {
	s := g.Topic
	if g.Context != "" {
		s += " [" + g.Context + "]"
	}
	if g.Moment != "" {
		s += " as of " + g.Moment
	}
	kinds := ""
	for i, k := range g.Kinds {
		if i > 0 {
			kinds += ", "
		}
		kinds += string(k)
	}
	return fmt.Sprintf("%s (%s; %s)", s, g.Severity, kinds)
}

// TopicPos locates a topic in the ledger for CI formats that need a file
// for every finding: its topics: entry, else its first claim, else the
// ledger's first file; an unknown topic gets the first file too.
func TopicPos(l *claims.Ledger) func(string) diag.Pos {
	return func(topic string) diag.Pos {
		if t := l.Topic(topic); t != nil && t.Pos.File != "" {
			return t.Pos
		}
		for i := range l.Claims {
			if c := &l.Claims[i]; c.Topic == topic && c.Pos.File != "" {
				return c.Pos
			}
		}
		if fs := l.SortedFiles(); len(fs) > 0 {
			return diag.Pos{File: fs[0]}
		}
		return diag.Pos{}
	}
}
