// Package checkreport writes the results of claimdiff check: text for people,
// JSON for scripts, GitHub workflow annotations, SARIF for code scanning
// and JUnit XML for CI dashboards. Every report is the same
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
	"path/filepath"
	"strings"

	"github.com/claimdiff/claimdiff/claims/check"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// extensions maps file name endings to formats, longest first so that
// .sarif.json is SARIF, not JSON.
var extensions = []struct{ ext, format string }{
	{".sarif.json", "sarif"}, {".sarif", "sarif"}, {".json", "json"}, {".txt", "text"}, {".xml", "junit"},
}

// FormatFor picks the format of a file from its name's extension.
func FormatFor(path string) (string, bool) {
	name := strings.ToLower(filepath.Base(path))
	for _, e := range extensions {
		if strings.HasSuffix(name, e.ext) && len(name) > len(e.ext) {
			return e.format, true
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

// Formats lists the formats Write knows, the default first.
var Formats = []string{"text", "json", "github", "sarif", "junit"}

// Options carry what some formats need besides the report.
type Options struct {
	// Styles colour the text format.
	Styles *render.Styles
	// Version is claimdiff's version, for SARIF.
	Version string
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
		return JSON(w, r)
	case "github":
		return GitHub(w, r)
	case "sarif":
		return SARIF(w, opts.Version, r)
	case "junit":
		return JUnit(w, r)
	}
	return fmt.Errorf("unknown format %q", format)
}

// jsonReport is the JSON contract of check: results always; disputes and
// quotes when their check ran; a summary with counts.
type jsonReport struct {
	Results  []check.Result       `json:"results"`
	Disputes *[]check.GateResult  `json:"disputes,omitempty"`
	Quotes   *[]check.QuoteResult `json:"quotes,omitempty"`
	Summary  check.CheckSummary   `json:"summary"`
}

// JSON writes the report as one JSON object. Text from the ledger and the
// drafts goes through safetext.Clean; the encoder escapes the rest.
func JSON(w io.Writer, r *check.CheckReport) error {
	out := jsonReport{Results: make([]check.Result, 0, len(r.Results)), Summary: r.Summary()}
	for _, x := range r.Results {
		out.Results = append(out.Results, cleanResult(x))
	}
	if r.Disputes != nil {
		ds := make([]check.GateResult, 0, len(r.Disputes))
		for _, g := range r.Disputes {
			g.Message, g.Reason, g.File = safetext.Clean(g.Message), safetext.Clean(g.Reason), safetext.Clean(g.File)
			g.Context = safetext.Clean(g.Context)
			g.Sides = cleanSides(g.Sides)
			ds = append(ds, g)
		}
		out.Disputes = &ds
	}
	if r.Quotes != nil {
		qs := make([]check.QuoteResult, 0, len(r.Quotes))
		for _, q := range r.Quotes {
			q.Quote, q.Passage, q.Message = safetext.Clean(q.Quote), safetext.Clean(q.Passage), safetext.Clean(q.Message)
			q.Text, q.File = safetext.Clean(q.Text), safetext.Clean(q.File)
			qs = append(qs, q)
		}
		out.Quotes = &qs
	}
	return render.WriteJSON(w, out)
}

func cleanResult(x check.Result) check.Result {
	x.Asserted, x.Read, x.Message = safetext.Clean(x.Asserted), safetext.Clean(x.Read), safetext.Clean(x.Message)
	x.Context, x.File = safetext.Clean(x.Context), safetext.Clean(x.File)
	x.Settled, x.Reason = safetext.Clean(x.Settled), safetext.Clean(x.Reason)
	x.Agrees, x.Others = cleanSides(x.Agrees), cleanSides(x.Others)
	return x
}

func cleanSides(ss []check.Side) []check.Side {
	if ss == nil {
		return nil
	}
	out := make([]check.Side, len(ss))
	for i, s := range ss {
		s.Value = safetext.Clean(s.Value)
		out[i] = s
	}
	return out
}

// assertionTitle is `topic = "asserted"`.
func assertionTitle(x *check.Result) string {
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
