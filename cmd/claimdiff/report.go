package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/check"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/atomicfile"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/report"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

type reportOptions struct {
	IO      *iostreams.IOStreams
	Global  *globalOptions
	Format  string
	Outputs []string
	// FormatSet is true when --format was given on the command line.
	FormatSet bool
	// NoEstimate skips marking each dispute's likely side.
	NoEstimate bool
	// Title overrides the ledger's titles.
	Title  string
	Filter filterOptions
}

func newReportCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &reportOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the contradiction report: every dispute, with a summary",
		Long: `Report writes the contradiction report that a desk circulates or publishes:
a summary (claims, sources and topics; disputes by kind, severity and status;
the sources most often contradicted), then every dispute with its positions,
sources, attribution chains, independent origins, quotes, status and severity,
and the side claimdiff resolve judges likely true, with its confidence: an
estimate from the sources' agreement across the ledger, not a fact. A value
the desk settled a dispute on wins over the estimate, and says so.
--no-estimate skips the estimate, which takes time on a huge ledger.

Formats: text (the default, for a terminal), md (GitHub Markdown for a
pull-request comment or job summary), html (one self-contained page that
loads nothing from the network), json (disputed's JSON plus a summary), csv
(one row per claim in a dispute), sarif (SARIF 2.1.0, for code scanning) and
junit (JUnit XML: an open dispute is a failing test), junit-ant (the same
for Ant's JUnit schema), rdjsonl (reviewdog's
diagnostics, one per line) and gitlab (a GitLab Code Quality report). SARIF
and GitLab findings carry a fingerprint of the dispute's topic, context and
moment, which does not change when lines move.

-o writes to a file instead of stdout, atomically. It may be repeated; then
each file's extension picks its format: .txt, .md, .html, .json, .csv,
.sarif (or .sarif.json), .xml (JUnit), .rdjsonl, and .gitlab.json or
gl-code-quality-report.json (GitLab). With one -o, --format wins over
the extension when given.

--topic, --source, --kind, --status and --min-severity narrow the report to
the disputes (and revisions) that pass them; the summary counts those.

Report exits 0 whatever it finds; use claimdiff check to fail a build.`,
		Example: `  claimdiff report
  claimdiff report -o report.html -o report.md
  claimdiff report --format md >> "$GITHUB_STEP_SUMMARY"
  claimdiff report --format sarif -o claimdiff.sarif`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.FormatSet = cmd.Flags().Changed("format")
			return runReport(opts)
		},
	}
	cli.FormatFlag(cmd, &opts.Format, report.Formats...)
	cmd.Flags().StringArrayVarP(&opts.Outputs, "output", "o", nil, "write to this file instead of stdout (repeatable; the extension picks the format)")
	filterFlags(cmd, &opts.Filter, "disputes")
	skipFlag(cmd, g)
	estimateFlag(cmd, &opts.NoEstimate)
	cmd.Flags().StringVar(&opts.Title, "title", "", "the report's title (default: the ledger's titles, every one when files differ)")
	return cmd
}

// targets works out where each format goes.
func (o *reportOptions) targets() ([]cli.Target, error) {
	return cli.Outputs{Paths: o.Outputs, Format: o.Format, FormatSet: o.FormatSet,
		FormatOf: func(p string) (string, bool) { f, ok := report.FormatFor(p); return string(f), ok },
		Known:    "use one of " + report.Extensions() + " (or --format with a single -o)"}.Targets()
}

func runReport(opts *reportOptions) error {
	targets, err := opts.targets()
	if err != nil {
		return err
	}
	filter, err := opts.Filter.filter()
	if err != nil {
		return err
	}
	ios := opts.IO
	l, err := loadLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	// A directory of several stories is one report: it names them all,
	// unless --title says what to call it.
	switch {
	case opts.Title != "":
		l.Title = opts.Title
	case len(l.Titles) > 1:
		l.Title = strings.Join(l.Titles, " · ")
	}
	a := claims.Analyze(l, opts.Global.analysis())
	check.CreditQuotes(a)
	sayUnmatched(ios, a, filter)
	a = a.Narrow(filter)
	r := report.Build(a)
	r.Skipped = skippedJSON(opts.Global.skipped)
	r.Mark(resolve.Marks(a, a.Disputes, !opts.NoEstimate))
	r.RelativeTo(ios.Dir)
	for _, t := range targets {
		format := report.Format(t.Format)
		if t.Path == "" {
			if format == report.Text || format == report.Markdown {
				done := page(ios)
				defer done()
			}
			ro := report.Options{Version: versionString(), Warn: ios.ErrOut, Width: ios.TermWidth,
				Styles: render.NewStyles(ios.Out, format == report.Text && ios.ColorEnabled())}
			if err := report.Write(ios.Out, r, format, ro); err != nil {
				return err
			}
			continue
		}
		// Files never carry colour, and a file's width is not the terminal's.
		ro := report.Options{Version: versionString(), Warn: ios.ErrOut}
		err := atomicfile.WriteFunc(t.Path, func(w io.Writer) error { return report.Write(w, r, format, ro) })
		if err != nil {
			return fmt.Errorf("write %s: %w", t.Path, err)
		}
		fmt.Fprintf(ios.ErrOut, "claimdiff: wrote %s (%s, %s)\n", safetext.Line(t.Path), formatName(format),
			render.Plural(len(r.Disputes), "dispute"))
	}
	return nil
}

func formatName(f report.Format) string {
	switch f {
	case report.Markdown:
		return "Markdown"
	case report.SARIF, report.CSV, report.JSON, report.HTML:
		return strings.ToUpper(string(f))
	case report.JUnit:
		return "JUnit XML"
	case report.RDJSONL:
		return "rdjsonl"
	case report.GitLab:
		return "GitLab Code Quality"
	}
	return string(f)
}
