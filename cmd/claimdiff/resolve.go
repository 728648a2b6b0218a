package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/complete"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/resolveout"
	"github.com/claimdiff/claimdiff/internal/suggest"
)

type resolveOptions struct {
	IO        *iostreams.IOStreams
	Global    *globalOptions
	Format    string
	Filter    filterOptions
	Explain   string
	Contested bool
	Method    string
}

func newResolveCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &resolveOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "resolve",
		Short: "Judge the likely value of each topic, and how accurate each source is",
		Long: `Resolve judges, for every topic, context and moment that has claims, which
value is most likely true, and how confident it is. It estimates each
source's accuracy from how often it agrees with the likely values across the
whole ledger, weighs each vote by that accuracy, and discounts sources that
likely copy one another: those that share values, above all the same wrong
values, more often than independent sources would. Outlets relaying one
origin (via) count once.

--explain TOPIC shows why: the values claimed, the sources behind each, their
accuracy, weights and copy discounts. The confidence is the model's
probability, not a guarantee: README says what it means and what it does not.

It exits 0 whatever it finds.`,
		Example: `  claimdiff resolve
  claimdiff resolve --contested
  claimdiff resolve --format json > resolved.json
  claimdiff resolve --explain plan.army-cap`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runResolve(opts) },
	}
	cli.FormatFlag(cmd, &opts.Format, "text", "json", "jsonl", "csv")
	claimFilterFlags(cmd, &opts.Filter, "values")
	f := cmd.Flags()
	contextFlag(cmd, &opts.Filter.Contexts, "only values")
	f.StringVar(&opts.Explain, "explain", "", "explain the values of this topic (or glob) instead of listing values")
	f.BoolVar(&opts.Contested, "contested", false, "only values whose claims disagree")
	f.StringVar(&opts.Method, "method", string(resolve.Accu), "how to judge: accucopy (accuracy and copying) or majority (one vote per origin)")
	_ = cmd.RegisterFlagCompletionFunc("explain", ledgerCompleter(ios, g, complete.Topics, false))
	completeWords(cmd, "method", string(resolve.Accu), string(resolve.Majority))
	skipFlag(cmd, g)
	return cmd
}

func runResolve(opts *resolveOptions) error {
	method := resolve.Method(opts.Method)
	if method != resolve.Accu && method != resolve.Majority {
		return cli.Usagef("unknown method %q; choose accucopy or majority", opts.Method)
	}
	if opts.Explain != "" && opts.Format != "text" && opts.Format != "json" {
		return cli.Usagef("--explain prints text or json, not %s", opts.Format)
	}
	if err := checkContexts(opts.Filter.Contexts); err != nil {
		return err
	}
	ios := opts.IO
	l, err := loadLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	if opts.Explain != "" {
		if err := knownTopic(l, opts.Explain); err != nil {
			return err
		}
	}
	a := claims.Analyze(l, opts.Global.analysis())
	filter := claims.Filter{Topics: opts.Filter.Topics, Sources: opts.Filter.Sources, Contexts: opts.Filter.Contexts}
	sayUnmatched(ios, a, filter)
	ro := resolve.Options{Method: method}
	if opts.Explain != "" {
		ro.Explain = func(topic string) bool { return claims.Glob(opts.Explain, topic) }
	}
	r := resolve.Run(a, ro)
	if opts.Explain != "" {
		if opts.Format == "json" {
			return resolveout.ExplainJSON(ios.Out, r)
		}
		if len(r.Explanations) == 0 {
			fmt.Fprintf(ios.ErrOut, "no claims on %s to judge\n", opts.Explain)
			return nil
		}
		defer page(ios)()
		return resolveout.ExplainText(ios.Out, render.NewStyles(ios.Out, ios.ColorEnabled()), r)
	}
	// The estimate runs on the whole ledger, since a source's accuracy
	// comes from all its claims; the filters choose what is shown.
	values := r.Matching(filter)
	if opts.Contested || len(filter.Contexts) > 0 {
		values = slices.DeleteFunc(slices.Clone(values), func(v resolve.Value) bool {
			return opts.Contested && !v.Contested() || !filter.MatchContext(v.Context)
		})
	}
	switch opts.Format {
	case "json":
		return resolveout.JSON(ios.Out, r, values, disputedout.NewLedgerJSON(l), skippedJSON(opts.Global.skipped))
	case "jsonl":
		return resolveout.JSONL(ios.Out, r, values)
	case "csv":
		return resolveout.CSV(ios.Out, r, values)
	}
	if len(values) == 0 {
		fmt.Fprintf(ios.ErrOut, "no values to show among %s\n", render.Plural(len(l.Claims), "claim"))
		return nil
	}
	done := page(ios)
	defer done()
	// Styles are made once Out is the pager's, which is still a terminal.
	if err := resolveout.Text(ios.Out, render.NewStyles(ios.Out, ios.ColorEnabled()), r, values); err != nil {
		return err
	}
	done()
	rounds := fmt.Sprintf("accuracy settled in %s", render.Plural(r.Iterations, "round"))
	switch {
	case method == resolve.Majority:
		rounds = "one vote per origin"
	case !r.Converged:
		// Damped rounds settle long before the cap; only a cap set
		// lower than they need ends here.
		rounds = fmt.Sprintf("accuracy still moving after %s (the cap)", render.Plural(r.Iterations, "round"))
	}
	fmt.Fprintf(ios.ErrOut, "%s from %s by %s; %s\n", render.Plural(len(values), "value"),
		render.Plural(len(l.Claims), "claim"), render.Plural(l.Sources.Len(), "source"), rounds)
	return nil
}

// knownTopic refuses an --explain that names no topic of the ledger,
// suggesting the nearest.
func knownTopic(l *claims.Ledger, pattern string) error {
	for _, id := range l.TopicOrder {
		if claims.Glob(pattern, id) {
			return nil
		}
	}
	if near := suggest.Nearest(pattern, l.TopicOrder, 3); near != "" {
		return cli.Usagef("no topic %q in the ledger; did you mean %q?", pattern, near)
	}
	return cli.Usagef("no topic %q in the ledger", pattern)
}
