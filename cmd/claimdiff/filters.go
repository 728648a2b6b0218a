package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// filterOptions are the shared filter flags of disputed, list, report,
// graph and export: --topic, --source, --kind, --status and
// --min-severity, each repeatable and comma-separated. On commands that
// print claims (list, export), --kind, --status and --min-severity keep
// the claims that sit in a dispute that passes them.
type filterOptions struct {
	Topics      []string
	Sources     []string
	Contexts    []string
	Kinds       []string
	Statuses    []string
	MinSeverity string
}

// filterFlags registers the shared filter flags on cmd; what names what a
// dispute filter keeps there ("disputes", or "claims in disputes").
func filterFlags(cmd *cobra.Command, o *filterOptions, what string) {
	claimFilterFlags(cmd, o, "disputes")
	f := cmd.Flags()
	contextFlag(cmd, &o.Contexts, "only claims, and disputes,")
	f.StringSliceVar(&o.Kinds, "kind", nil, "only "+what+" of these kinds: conflict, self, negation (repeatable)")
	f.StringSliceVar(&o.Statuses, "status", nil, "only "+what+" with these statuses: open, acknowledged, resolved, dismissed (repeatable)")
	f.StringVar(&o.MinSeverity, "min-severity", "", "only "+what+" at least this severe: low, medium, high")
	completeWords(cmd, "kind", kindNames()...)
	completeWords(cmd, "min-severity", "low", "medium", "high")
	completeWords(cmd, "status", claims.StatusNames...)
}

// claimFilterFlags registers the shared --topic and --source alone, for
// a command with no disputes to filter by kind, status or severity
// (resolve); with names what --source keeps besides claims.
func claimFilterFlags(cmd *cobra.Command, o *filterOptions, with string) {
	f := cmd.Flags()
	f.StringSliceVar(&o.Topics, "topic", nil, "only topics matching these globs, such as 'plan.*' (repeatable, comma-separated)")
	f.StringSliceVar(&o.Sources, "source", nil, "only claims whose source (or any via) matches these globs, and "+with+" with such a claim (repeatable)")
}

// filter turns the flags into a filter, rejecting unknown words.
func (o *filterOptions) filter() (claims.Filter, error) {
	f := claims.Filter{Topics: o.Topics, Sources: o.Sources, Contexts: o.Contexts, Statuses: o.Statuses}
	if err := checkContexts(o.Contexts); err != nil {
		return f, err
	}
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

// contextFlag registers --context, the filter on contexts that every
// command that filters shares; only says what it keeps. Its patterns are
// not split at commas, which a context's value may hold.
func contextFlag(cmd *cobra.Command, p *[]string, only string) {
	cmd.Flags().StringArrayVar(p, "context", nil, only+" whose context has a KEY=VALUE matching this glob, such as 'period=sep-*' "+
		"(repeatable: patterns on one key are alternatives, on different keys all required)")
}

// checkContexts refuses a --context pattern that is not KEY=VALUE.
func checkContexts(patterns []string) error {
	for _, p := range patterns {
		if k, _, ok := strings.Cut(p, "="); !ok || strings.TrimSpace(k) == "" {
			return usageHint(fmt.Sprintf("--context %q is not KEY=VALUE", safetext.Line(p)),
				"--context period=sep-dec, or a glob on either side: --context 'period=*', --context 'region=north*'")
		}
	}
	return nil
}

// sayUnmatched tells stderr about each --topic, --source or --context glob that
// matches nothing in the ledger, which is most often a typo.
func sayUnmatched(ios *iostreams.IOStreams, a *claims.Analysis, f claims.Filter) {
	for _, msg := range a.Unmatched(f) {
		fmt.Fprintf(ios.ErrOut, "claimdiff: %s\n", safetext.Line(msg))
	}
}
