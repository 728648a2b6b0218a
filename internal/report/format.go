package report

import (
	"fmt"
	"io"

	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/junit"
	"github.com/claimdiff/claimdiff/internal/render"
)

// Format is an output format of the report.
type Format string

const (
	Text     Format = "text"
	Markdown Format = "md"
	HTML     Format = "html"
	JSON     Format = "json"
	CSV      Format = "csv"
	SARIF    Format = "sarif"
	JUnit    Format = "junit"
	JUnitAnt Format = "junit-ant"
	RDJSONL  Format = "rdjsonl"
	GitLab   Format = "gitlab"
)

// Formats lists every format, the default first, for --format.
var Formats = []string{string(Text), string(Markdown), string(HTML), string(JSON), string(CSV), string(SARIF), string(JUnit), string(JUnitAnt), string(RDJSONL), string(GitLab)}

// extensions maps file name endings to formats.
var extensions = cli.Extensions{
	{Ext: ".sarif.json", Format: string(SARIF)}, {Ext: ".gitlab.json", Format: string(GitLab)},
	{Ext: cli.GitLabReportName, Format: string(GitLab)}, {Ext: ".markdown", Format: string(Markdown)}, {Ext: ".sarif", Format: string(SARIF)},
	{Ext: ".html", Format: string(HTML)}, {Ext: ".json", Format: string(JSON)}, {Ext: ".txt", Format: string(Text)},
	{Ext: ".htm", Format: string(HTML)}, {Ext: ".csv", Format: string(CSV)}, {Ext: ".xml", Format: string(JUnit)},
	{Ext: ".md", Format: string(Markdown)}, {Ext: ".rdjsonl", Format: string(RDJSONL)},
}

// FormatFor picks the format of a file from its name's extension.
func FormatFor(path string) (Format, bool) {
	f, ok := extensions.FormatOf(path)
	return Format(f), ok
}

// Extensions lists the extensions FormatFor knows, for messages.
func Extensions() string { return extensions.String() }

// Options say how the report is written.
type Options struct {
	// Styles colour the text format; nil means no colour.
	Styles *render.Styles
	// Width is the text format's width; 0 means render.DefaultWidth.
	Width int
	// Version is claimdiff's version, for SARIF's tool entry.
	Version string
	// Warn is told what a format had to leave out (SARIF's cap).
	Warn io.Writer
}

// Write writes r in format f.
func Write(w io.Writer, r *Report, f Format, opts Options) error {
	switch f {
	case Text:
		return WriteText(w, r, opts)
	case Markdown:
		return WriteMarkdown(w, r)
	case HTML:
		return WriteHTML(w, r)
	case JSON:
		return WriteJSON(w, r)
	case CSV:
		return WriteCSV(w, r)
	case SARIF:
		return WriteSARIF(w, r, opts.Version, opts.Warn)
	case JUnit:
		return WriteJUnit(w, r, junit.Jenkins)
	case JUnitAnt:
		return WriteJUnit(w, r, junit.Ant)
	case RDJSONL:
		return WriteRDJSONL(w, r)
	case GitLab:
		return WriteGitLab(w, r)
	}
	return fmt.Errorf("unknown report format %q", f)
}
