package main

import (
	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
)

type sourcesOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions
	Format string
}

func newSourcesCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &sourcesOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "Show each source's claims, disputes and attribution chain",
		Long: `Sources shows, for each source: the claims it made as their origin, how many
of them sit in disputes, how often it sides with the best-supported position,
and the chain it reaches readers through.`,
		Example: `  claimdiff sources
  claimdiff sources --format json`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runSources(opts) },
	}
	cli.FormatFlag(cmd, &opts.Format, "text", "json")
	return cmd
}

func runSources(opts *sourcesOptions) error {
	ios := opts.IO
	l, err := loadLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	stats := claims.Analyze(l, opts.Global.analysis()).SourceStats()
	claims.SortSourceStats(stats)
	if opts.Format == "json" {
		return render.SourcesJSON(ios.Out, stats)
	}
	return render.SourcesText(ios.Out, render.NewStyles(ios.Out, ios.ColorEnabled()), stats, ios.TermWidth)
}
