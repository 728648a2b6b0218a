package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/atomicfile"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/problemout"
	"github.com/claimdiff/claimdiff/internal/render"
)

type lintOptions struct {
	IO        *iostreams.IOStreams
	Global    *globalOptions
	Format    string
	FormatSet bool
	Outputs   []string
	Strict    bool
	// Coverage also says, per source, how many of the figures its archived
	// texts state the ledger claims (extract's reading of them).
	Coverage bool
}

func newLintCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &lintOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "lint",
		Short: "Check a ledger for errors and likely mistakes",
		Long: `Lint reports every problem in every file of the ledger at once, each as
file:line:col: message. It exits 1 when there is an error (or, with --strict,
any warning), 0 when the ledger is clean, and 2 when it cannot run at all.

Formats: text, json (one object: {"problems": [...], "count": N,
"summary": {"errors": E, "warnings": W}}), github (workflow annotations),
sarif (SARIF 2.1.0, for code scanning), junit (JUnit XML for Jenkins
xUnit, GitLab and most dashboards: a case per problem; a warning passes
with its text as output, and fails with --strict), junit-ant (the same
for Ant's JUnit schema), rdjsonl (reviewdog's diagnostics, one per line) and gitlab (a
GitLab Code Quality report). SARIF and GitLab findings carry a
fingerprint of the file, code and message, which does not change when
lines move.

-o writes to a file instead of stdout, atomically. It may be repeated; then
each file's extension picks its format: .txt, .json, .sarif (or
.sarif.json), .xml (JUnit), .rdjsonl, and .gitlab.json or
gl-code-quality-report.json (GitLab). With one -o, --format wins over the
extension when given.`,
		Example: `  claimdiff lint
  claimdiff lint -f ledger/ --strict
  claimdiff lint --format json | jq '.problems[] | select(.severity == "error")'
  claimdiff lint -o lint.sarif -o gl-code-quality-report.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.FormatSet = cmd.Flags().Changed("format")
			return runLint(opts)
		},
	}
	cli.FormatFlag(cmd, &opts.Format, problemout.ProblemFormats...)
	cmd.Flags().StringArrayVarP(&opts.Outputs, "output", "o", nil, "write to this file instead of stdout (repeatable; the extension picks the format)")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "fail on warnings too")
	cmd.Flags().BoolVar(&opts.Coverage, "coverage", false, "also say how many of the figures in each source's texts the ledger claims")
	return cmd
}

func runLint(opts *lintOptions) error {
	ios := opts.IO
	targets, err := cli.Outputs{Paths: opts.Outputs, Format: opts.Format, FormatSet: opts.FormatSet,
		FormatOf: problemout.ProblemFormatFor, Known: "use one of " + problemout.ProblemExtensions() + " (or --format with a single -o)"}.Targets()
	if err != nil {
		return err
	}
	l, err := openLedger(ios, opts.Global, false)
	if err != nil {
		return err
	}
	problems := append(l.Problems, load.Warnings(l)...)
	diag.Sort(problems)
	summary := func() {
		fmt.Fprintf(ios.ErrOut, "%s: %s in %s, %s\n", "claimdiff lint", problemout.Summary(problems),
			render.Plural(len(l.SortedFiles()), "file"), render.Plural(len(l.Claims), "claim"))
	}
	for _, t := range targets {
		wo := problemout.ProblemWriteOptions{Version: versionString(), Strict: opts.Strict, Warn: ios.ErrOut}
		if t.Path != "" {
			// Files never carry colour or snippets.
			err := atomicfile.WriteFunc(t.Path, func(w io.Writer) error { return problemout.WriteProblems(w, t.Format, problems, wo) })
			if err != nil {
				return fmt.Errorf("write %s: %w", t.Path, err)
			}
			continue
		}
		if t.Format == "text" {
			wo.Styles = render.NewStyles(ios.Out, ios.ColorEnabled())
			lines := newSnippetLines(nil)
			defer lines.Close()
			wo.Text = problemout.ProblemOptions{Snippets: ios.OutTTY, Lines: lines.line}
		}
		if err := problemout.WriteProblems(ios.Out, t.Format, problems, wo); err != nil {
			return err
		}
		if t.Format == "text" {
			summary()
			sayPatterns(ios, l)
			sayNoValues(ios, l)
		}
	}
	if targets[0].Path != "" {
		// Only files were written: say what they hold.
		summary()
	}
	if opts.Coverage && !diag.HasErrors(problems, false) {
		if err := sayCoverage(ios, l); err != nil {
			return err
		}
	}
	if diag.HasErrors(problems, opts.Strict) {
		return cli.ErrGateFailed
	}
	return nil
}
