package main

import (
	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/timeline"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/timelineout"
)

type timelineOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions
	Format string
	Topic  string
	// Contexts is --context, as the shared filters take it.
	Contexts []string
}

func newTimelineCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &timelineOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "timeline",
		Short: "Show who said what when, topic by topic",
		Long: `Timeline lists each topic's claims by date, undated ones last: who said
what, which claim revised an earlier one of the same source, the claim whose
arrival opened a dispute ("dispute opened"), and the desk's settling of it
from the ledger's disputes: entry ("settled" or "dismissed").`,
		Example: `  claimdiff timeline
  claimdiff timeline --topic 'plan.*' --format md
  claimdiff timeline --context 'period=sep-*'`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runTimeline(opts) },
	}
	cli.FormatFlag(cmd, &opts.Format, "text", "md", "json")
	cmd.Flags().StringVar(&opts.Topic, "topic", "", "only topics matching this glob")
	contextFlag(cmd, &opts.Contexts, "only claims")
	skipFlag(cmd, g)
	return cmd
}

func runTimeline(opts *timelineOptions) error {
	ios := opts.IO
	if err := checkContexts(opts.Contexts); err != nil {
		return err
	}
	l, err := loadLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	a := claims.Analyze(l, opts.Global.analysis())
	f := claims.Filter{Topics: []string{opts.Topic}, Contexts: opts.Contexts}
	sayUnmatched(ios, a, claims.Filter{Contexts: opts.Contexts})
	ts := timeline.Of(a, f)
	if opts.Format == "json" {
		return timelineout.TimelineJSON(ios.Out, ts, skippedJSON(opts.Global.skipped))
	}
	defer page(ios)()
	if opts.Format == "md" {
		return timelineout.TimelineMarkdown(ios.Out, ts)
	}
	return timelineout.TimelineText(ios.Out, render.NewStyles(ios.Out, ios.ColorEnabled()), ts)
}
