package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
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
}

func init() { commands = append(commands, newReportCmd) }

func newReportCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &reportOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the contradiction report: every dispute, with a summary",
		Long: `Report writes the contradiction report that a desk circulates or publishes:
a summary (claims, sources and topics; disputes by kind, severity and status;
the sources most often contradicted), then every dispute with its positions,
sources, attribution chains, independent origins, quotes, status and severity.

Formats: text (the default, for a terminal), md (GitHub Markdown for a
pull-request comment or job summary), html (one self-contained page that
loads nothing from the network), json (disputed's JSON plus a summary), csv
(one row per claim in a dispute), sarif (SARIF 2.1.0, for code scanning) and
junit (JUnit XML: an open dispute is a failing test).

-o writes to a file instead of stdout, atomically. It may be repeated; then
each file's extension picks its format: .txt, .md, .html, .json, .csv,
.sarif (or .sarif.json) and .xml (JUnit). With one -o, --format wins over
the extension when given.

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
	return cmd
}

// reportTarget is one place the report goes; path "" is stdout.
type reportTarget struct {
	path   string
	format report.Format
}

// targets works out where each format goes, before any work is done, so
// a mistake in the flags costs nothing.
func (o *reportOptions) targets() ([]reportTarget, error) {
	switch {
	case len(o.Outputs) == 0:
		return []reportTarget{{format: report.Format(o.Format)}}, nil
	case len(o.Outputs) == 1 && o.FormatSet:
		return []reportTarget{{path: o.Outputs[0], format: report.Format(o.Format)}}, nil
	case o.FormatSet:
		return nil, cli.Usagef("--format applies to a single -o; with several, each file's extension picks its format")
	}
	var out []reportTarget
	seen := map[string]bool{}
	for _, p := range o.Outputs {
		if p == "" {
			return nil, cli.Usagef("-o needs a file name")
		}
		if seen[p] {
			return nil, cli.Usagef("-o %s is given twice", p)
		}
		seen[p] = true
		f, ok := report.FormatFor(p)
		if !ok {
			return nil, cli.Usagef("cannot tell the format of %s from its extension; use one of %s (or --format with a single -o)",
				p, report.Extensions())
		}
		out = append(out, reportTarget{path: p, format: f})
	}
	return out, nil
}

func runReport(opts *reportOptions) error {
	targets, err := opts.targets()
	if err != nil {
		return err
	}
	ios := opts.IO
	l, err := loadLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	r := report.Build(claims.Analyze(l, opts.Global.analysis()))
	r.RelativeTo(ios.Dir)
	for _, t := range targets {
		if t.path == "" {
			ro := report.Options{Version: versionString(), Width: ios.TermWidth,
				Styles: render.NewStyles(ios.Out, t.format == report.Text && ios.ColorEnabled())}
			if err := report.Write(ios.Out, r, t.format, ro); err != nil {
				return err
			}
			continue
		}
		// Files never carry colour, and a file's width is not the terminal's.
		ro := report.Options{Version: versionString()}
		err := atomicfile.WriteFunc(t.path, func(w io.Writer) error { return report.Write(w, r, t.format, ro) })
		if err != nil {
			return fmt.Errorf("write %s: %w", t.path, err)
		}
		fmt.Fprintf(ios.ErrOut, "claimdiff: wrote %s (%s, %s)\n", safetext.Line(t.path), formatName(t.format),
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
	}
	return string(f)
}
