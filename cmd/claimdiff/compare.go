package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bysource"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/complete"
	"github.com/claimdiff/claimdiff/internal/contrast"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

type compareOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions
	Format string
	A, B   string
}

func newCompareCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &compareOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "compare A B",
		Short: "Compare what two sources (or groups of sources) say",
		Long: `Compare sets the claims of two sources side by side: the topics both cover,
where they agree and where they contradict, and what only one of them says.

A and B are source ids or globs ('us-*'); a claim belongs to a side when its
origin (its source, not an outlet it passed through) matches. Topics are
compared within one context and moment, and claims revised later by their
own origin take no part. It exits 0 whatever it finds.`,
		Example: `  claimdiff compare reuters axios
  claimdiff compare 'us-*' kremlin --format json
  claimdiff compare we2news plan-overview -f claims.yaml`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.A, opts.B = args[0], args[1]
			return runCompare(opts)
		},
	}
	// A and B are completed from the ledger's source ids.
	sides := ledgerCompleter(ios, g, complete.Sources, false)
	cmd.ValidArgsFunction = func(c *cobra.Command, args []string, typed string) ([]string, cobra.ShellCompDirective) {
		if len(args) >= 2 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return sides(c, args, typed)
	}
	cli.FormatFlag(cmd, &opts.Format, "text", "json")
	skipFlag(cmd, g)
	return cmd
}

func runCompare(opts *compareOptions) error {
	ios := opts.IO
	l, err := loadLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	a, err := matchSide(l, opts.A)
	if err != nil {
		return err
	}
	b, err := matchSide(l, opts.B)
	if err != nil {
		return err
	}
	v, err := bysource.CompareSources(l, a, b, opts.Global.analysis())
	if err != nil {
		return &cli.UsageError{Err: err}
	}
	if opts.Format == "json" {
		return contrast.CompareJSON(ios.Out, v, skippedJSON(opts.Global.skipped))
	}
	done := page(ios)
	defer done()
	if err := contrast.CompareText(ios.Out, render.NewStyles(ios.Out, ios.ColorEnabled()), opts.A, opts.B, v); err != nil {
		return err
	}
	done()
	fmt.Fprintln(ios.ErrOut, contrast.CompareSummary(opts.A, opts.B, v))
	return nil
}

// matchSide resolves a source id or glob; matching nothing is a usage
// error that suggests the nearest ids.
func matchSide(l *claims.Ledger, pattern string) ([]string, error) {
	if ids := bysource.MatchSources(l, pattern); len(ids) > 0 {
		return ids, nil
	}
	hint := "run claimdiff sources to list them"
	if near := bysource.NearSources(l, pattern, 3); len(near) > 0 {
		hint = "did you mean " + strings.Join(near, ", ") + "?"
	}
	return nil, cli.Usagef("no source matches %q; %s", safetext.Line(pattern), safetext.Line(hint))
}
