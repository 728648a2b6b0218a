package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
)

type disputedOptions struct {
	// SkipInvalid leaves out claims that cannot be read.
	SkipInvalid bool
	IO          *iostreams.IOStreams
	Global      *globalOptions
	Format      string
	Kinds       []string
	MinSeverity string
	Statuses    []string
	Topic       string
}

func newDisputedCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &disputedOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "disputed",
		Short: "List disputed topics, most severe first",
		Long: `Disputed lists every topic on which claims contradict each other, most severe
first. Each dispute shows its positions side by side: the value, how many
independent origins back it, the attribution chains and the quotes.

It exits 0 whatever it finds; use claimdiff check to fail a build.`,
		Example: `  claimdiff disputed
  claimdiff disputed --min-severity high --status open
  claimdiff disputed --topic 'plan.*' --format json`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runDisputed(opts) },
	}
	cli.FormatFlag(cmd, &opts.Format, "text", "json")
	f := cmd.Flags()
	f.StringSliceVar(&opts.Kinds, "kind", nil, "only disputes of these kinds: conflict, self, negation")
	f.StringVar(&opts.MinSeverity, "min-severity", "", "only disputes at least this severe: low, medium, high")
	f.StringSliceVar(&opts.Statuses, "status", nil, "only disputes with these statuses: open, acknowledged, resolved, dismissed")
	f.StringVar(&opts.Topic, "topic", "", "only topics matching this glob, such as 'plan.*'")
	skipFlag(cmd, &opts.SkipInvalid)
	completeWords(cmd, "kind", kindNames()...)
	completeWords(cmd, "min-severity", "low", "medium", "high")
	completeWords(cmd, "status", claims.StatusNames...)
	return cmd
}

func kindNames() []string {
	out := make([]string, len(claims.Kinds))
	for i, k := range claims.Kinds {
		out[i] = string(k)
	}
	return out
}

func completeWords(cmd *cobra.Command, flag string, words ...string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return words, cobra.ShellCompDirectiveNoFileComp
	})
}

// disputeFilter turns the flags into a filter, rejecting unknown words.
func (o *disputedOptions) disputeFilter() (claims.DisputeFilter, error) {
	f := claims.DisputeFilter{Topic: o.Topic, Statuses: o.Statuses}
	for _, k := range o.Kinds {
		if !slices.Contains(claims.Kinds, claims.Kind(k)) {
			return f, cli.Usagef("unknown kind %q; choose %s", k, strings.Join(kindNames(), ", "))
		}
		f.Kinds = append(f.Kinds, claims.Kind(k))
	}
	for _, s := range o.Statuses {
		if !slices.Contains(claims.StatusNames, s) {
			return f, cli.Usagef("unknown status %q; choose %s", s, strings.Join(claims.StatusNames, ", "))
		}
	}
	if o.MinSeverity != "" {
		sev, ok := claims.ParseSeverity(o.MinSeverity)
		if !ok {
			return f, cli.Usagef("unknown severity %q; choose low, medium or high", o.MinSeverity)
		}
		f.MinSeverity = sev
	}
	return f, nil
}

func runDisputed(opts *disputedOptions) error {
	filter, err := opts.disputeFilter()
	if err != nil {
		return err
	}
	ios := opts.IO
	l, skipped, err := loadLedgerSkipping(ios, opts.Global, opts.SkipInvalid)
	if err != nil {
		return err
	}
	a := claims.Analyze(l, opts.Global.analysis())
	ds := a.Filter(filter)
	if opts.Format == "json" {
		return render.DisputesJSON(ios.Out, l, ds, skippedJSON(skipped))
	}
	if len(ds) == 0 {
		fmt.Fprintf(ios.ErrOut, "no disputes among %s\n", render.Plural(len(l.Claims), "claim"))
		return nil
	}
	st := render.NewStyles(ios.Out, ios.ColorEnabled())
	if err := render.DisputesText(ios.Out, st, ds, ios.TermWidth); err != nil {
		return err
	}
	fmt.Fprintf(ios.ErrOut, "%s among %s from %s\n", render.Plural(len(ds), "dispute"),
		render.Plural(len(l.Claims), "claim"), render.Plural(l.Sources.Len(), "source"))
	return nil
}
