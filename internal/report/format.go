package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

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
)

// Formats lists every format, the default first, for --format.
var Formats = []string{string(Text), string(Markdown), string(HTML), string(JSON), string(CSV), string(SARIF), string(JUnit)}

// extensions maps file name endings to formats, longest first so that
// .sarif.json is SARIF, not JSON.
var extensions = []struct {
	ext string
	f   Format
}{
	{".sarif.json", SARIF},
	{".markdown", Markdown},
	{".sarif", SARIF},
	{".html", HTML},
	{".json", JSON},
	{".txt", Text},
	{".htm", HTML},
	{".csv", CSV},
	{".xml", JUnit},
	{".md", Markdown},
}

// FormatFor picks the format of a file from its name's extension.
func FormatFor(path string) (Format, bool) {
	name := strings.ToLower(filepath.Base(path))
	for _, e := range extensions {
		if strings.HasSuffix(name, e.ext) && len(name) > len(e.ext) {
			return e.f, true
		}
	}
	return "", false
}

// Extensions lists the extensions FormatFor knows, for messages.
func Extensions() string {
	var out []string
	for _, e := range extensions {
		out = append(out, e.ext)
	}
	return strings.Join(out, ", ")
}

// Options say how the report is written.
type Options struct {
	// Styles colour the text format; nil means no colour.
	Styles *render.Styles
	// Width is the text format's width; 0 means render.DefaultWidth.
	Width int
	// Version is claimdiff's version, for SARIF's tool entry.
	Version string
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
		return WriteSARIF(w, r, opts.Version)
	case JUnit:
		return WriteJUnit(w, r)
	}
	return fmt.Errorf("unknown report format %q", f)
}
