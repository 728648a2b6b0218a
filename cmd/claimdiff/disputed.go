package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/check"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
)

type disputedOptions struct {
	// NoEstimate skips marking each dispute's likely side.
	NoEstimate bool
	IO         *iostreams.IOStreams
	Global     *globalOptions
	Format     string
	Filter     filterOptions
	// Compact prints one line per dispute instead of tables.
	Compact bool
}

func newDisputedCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &disputedOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "disputed",
		Short: "List disputed topics, most severe first",
		Long: `Disputed lists every topic on which claims contradict each other, most severe
first. Each dispute shows its positions side by side: the value, how many
independent origins back it, the attribution chains and the quotes.

Under each dispute, "likely:" names the side that claimdiff resolve judges
likely true, with its confidence: an estimate from the sources' agreement
across the ledger, not a fact. Where the desk settled the dispute (a
disputes: entry with status resolved and a value), "settled by the desk:"
names that value instead. --no-estimate skips the estimate, which on a huge
ledger takes longer than finding the disputes.

--compact prints one line per dispute instead: topic, severity, kinds, and
each position's value with its independent origins, sides split by "|".

It exits 0 whatever it finds; use claimdiff check to fail a build.`,
		Example: `  claimdiff disputed
  claimdiff disputed --min-severity high --status open
  claimdiff disputed --topic 'plan.*' --format json
  claimdiff disputed --source reuters,ap --kind conflict
  claimdiff disputed --compact`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runDisputed(opts) },
	}
	cli.FormatFlag(cmd, &opts.Format, "text", "json")
	filterFlags(cmd, &opts.Filter, "disputes")
	cmd.Flags().BoolVar(&opts.Compact, "compact", false, "one line per dispute: topic, severity, kinds, and each side with its origins")
	skipFlag(cmd, g)
	estimateFlag(cmd, &opts.NoEstimate)
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

func runDisputed(opts *disputedOptions) error {
	filter, err := opts.Filter.filter()
	if err != nil {
		return err
	}
	if opts.Compact && opts.Format != "text" {
		return cli.Usagef("--compact is a text layout; leave it out with --format %s", opts.Format)
	}
	ios := opts.IO
	l, err := loadLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	a := claims.Analyze(l, opts.Global.analysis())
	check.CreditQuotes(a)
	sayUnmatched(ios, a, filter)
	ds := a.Filter(filter)
	// The compact line has no place for the likely side.
	likely := resolve.Marks(a, ds, !opts.NoEstimate && !opts.Compact)
	if opts.Format == "json" {
		return disputedout.DisputesJSON(ios.Out, l, ds, likely, skippedJSON(opts.Global.skipped))
	}
	if len(ds) == 0 {
		fmt.Fprintf(ios.ErrOut, "no disputes among %s\n", render.Plural(len(l.Claims), "claim"))
		return nil
	}
	done := page(ios)
	defer done()
	st := render.NewStyles(ios.Out, ios.ColorEnabled())
	if opts.Compact {
		err = disputedout.DisputesCompact(ios.Out, st, ds)
	} else {
		err = disputedout.DisputesText(ios.Out, st, ds, likely, ios.TermWidth)
	}
	done()
	if err != nil {
		return err
	}
	fmt.Fprintf(ios.ErrOut, "%s among %s from %s\n", render.Plural(len(ds), "dispute"),
		render.Plural(len(l.Claims), "claim"), render.Plural(l.Sources.Len(), "source"))
	return nil
}
