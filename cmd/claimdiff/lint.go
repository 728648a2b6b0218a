package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
)

type lintOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions
	Format string
	Strict bool
}

func newLintCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &lintOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "lint",
		Short: "Check a ledger for errors and likely mistakes",
		Long: `Lint reports every problem in every file of the ledger at once, each as
file:line:col: message. It exits 1 when there is an error (or, with --strict,
any warning), 0 when the ledger is clean, and 2 when it cannot run at all.

--format json prints one object: {"problems": [...], "count": N,
"summary": {"errors": E, "warnings": W}}; github prints GitHub Actions
annotations.`,
		Example: `  claimdiff lint
  claimdiff lint -f ledger/ --strict
  claimdiff lint --format json | jq '.problems[] | select(.severity == "error")'`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runLint(opts) },
	}
	cli.FormatFlag(cmd, &opts.Format, "text", "json", "github")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "fail on warnings too")
	return cmd
}

func runLint(opts *lintOptions) error {
	ios := opts.IO
	l, err := openLedger(ios, opts.Global, false)
	if err != nil {
		return err
	}
	problems := append(l.Problems, load.Warnings(l)...)
	diag.Sort(problems)
	switch opts.Format {
	case "json":
		err = render.ProblemsJSON(ios.Out, problems)
	case "github":
		err = render.ProblemsGitHub(ios.Out, problems)
	default:
		st := render.NewStyles(ios.Out, ios.ColorEnabled())
		err = render.ProblemsText(ios.Out, st, problems, render.ProblemOptions{Snippets: ios.OutTTY, Lines: lineSource})
		if err == nil {
			fmt.Fprintf(ios.ErrOut, "%s: %s in %s, %s\n", "claimdiff lint", render.Summary(problems),
				render.Plural(len(l.SortedFiles()), "file"), render.Plural(len(l.Claims), "claim"))
			sayPatterns(ios, l)
			sayNoValues(ios, l)
		}
	}
	if err != nil {
		return err
	}
	if diag.HasErrors(problems, opts.Strict) {
		return cli.ErrGateFailed
	}
	return nil
}
