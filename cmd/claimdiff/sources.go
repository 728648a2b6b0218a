package main

import (
	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bysource"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/sourcesout"
)

type sourcesOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions
	Format string
	// NoEstimate skips the estimates of accuracy and copying.
	NoEstimate bool
}

func newSourcesCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &sourcesOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "Show each source's claims, disputes and attribution chain",
		Long: `Sources shows, for each source: the claims it made as their origin, how many
of them sit in disputes, how often it sides with the best-supported position,
and the chain it reaches readers through.

ACCURACY and COPIES are claimdiff resolve's estimates: the share of the
source's claims that are likely right, and the sources it likely copies from,
judged from the sources' agreement across the ledger (not facts). A source
whose claims took no part in the estimate shows "-". --no-estimate leaves
them out, which saves time on a huge ledger.`,
		Example: `  claimdiff sources
  claimdiff sources --format json`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runSources(opts) },
	}
	cli.FormatFlag(cmd, &opts.Format, "text", "json")
	estimateFlag(cmd, &opts.NoEstimate)
	skipFlag(cmd, g)
	return cmd
}

func runSources(opts *sourcesOptions) error {
	ios := opts.IO
	l, err := loadLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	a := claims.Analyze(l, opts.Global.analysis())
	stats := bysource.Stats(a)
	bysource.SortSourceStats(stats)
	var est *resolve.Result
	if !opts.NoEstimate {
		est = resolve.Run(a, resolve.Options{})
	}
	if opts.Format == "json" {
		return sourcesout.SourcesJSON(ios.Out, stats, est, skippedJSON(opts.Global.skipped))
	}
	defer page(ios)()
	return sourcesout.SourcesText(ios.Out, render.NewStyles(ios.Out, ios.ColorEnabled()), stats, est, ios.TermWidth)
}
