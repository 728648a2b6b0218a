package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/listout"
	"github.com/claimdiff/claimdiff/internal/render"
)

type listOptions struct {
	IO       *iostreams.IOStreams
	Global   *globalOptions
	Format   string
	Filter   filterOptions
	Disputed bool
	History  bool
}

func newListCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &listOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List claims",
		Long: `List prints the ledger's current claims: one line each with topic, value,
source and date. A claim revised later by the same origin is hidden unless
--history is given, which shows it marked "revised by" and lists each
revision: "police revised 8,000 (1 Mar) → 12,000 (2 Mar)".

--kind, --status and --min-severity keep the claims that sit in a dispute
that passes them.`,
		Example: `  claimdiff list --topic 'plan.*'
  claimdiff list --source reuters --disputed
  claimdiff list --history --format json`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runList(opts) },
	}
	cli.FormatFlag(cmd, &opts.Format, "text", "json")
	f := cmd.Flags()
	filterFlags(cmd, &opts.Filter, "claims in disputes")
	f.BoolVar(&opts.Disputed, "disputed", false, "only claims that sit in a dispute")
	f.BoolVar(&opts.History, "history", false, "also show revised claims and earlier moments of changing topics")
	skipFlag(cmd, g)
	return cmd
}

func runList(opts *listOptions) error {
	filter, err := opts.Filter.filter()
	if err != nil {
		return err
	}
	ios := opts.IO
	l, err := loadLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	a := claims.Analyze(l, opts.Global.analysis())
	sayUnmatched(ios, a, filter)
	rows := a.List(claims.ListFilter{Filter: filter, Disputed: opts.Disputed, History: opts.History})
	var revs []claims.Revision
	if opts.History {
		revs = a.RevisionsOf(filter)
	}
	if opts.Format == "json" {
		return listout.ClaimsJSON(ios.Out, rows, revs, skippedJSON(opts.Global.skipped))
	}
	done := page(ios)
	defer done()
	st := render.NewStyles(ios.Out, ios.ColorEnabled())
	if err := listout.ClaimsText(ios.Out, st, rows, ios.TermWidth); err != nil {
		return err
	}
	if err := listout.RevisionsText(ios.Out, st, revs, ios.TermWidth); err != nil {
		return err
	}
	done()
	fmt.Fprintf(ios.ErrOut, "%s of %s\n", render.Plural(len(rows), "claim"), fmt.Sprint(len(l.Claims)))
	return nil
}
