package main

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// ledgerNames says, for each flag that names something in the ledger,
// what the shell may offer for it, so that "--topic pl<TAB>" offers the
// ledger's plan.* topics rather than file names.
var ledgerNames = map[string]func(*claims.Ledger) []string{
	"topic":   topicIDs,
	"source":  sourceIDs,
	"context": contextPairs,
}

// completeFromLedger gives every command's --topic, --source and
// --context completions from the ledger that command would read. It runs
// once the commands are built, so that a command that adds such a flag
// later gets them without asking.
func completeFromLedger(root *cobra.Command, ios *iostreams.IOStreams, g *globalOptions) {
	for _, c := range root.Commands() {
		for flag, names := range ledgerNames {
			f := c.Flags().Lookup(flag)
			if f == nil {
				continue
			}
			// A slice flag splits at commas, so the word being completed
			// is the text after the last one.
			split := f.Value.Type() == "stringSlice"
			_ = c.RegisterFlagCompletionFunc(flag, ledgerCompleter(ios, g, names, split))
		}
	}
}

// ledgerCompleter is a cobra completion of names from the ledger; split
// says the value is a comma-separated list.
func ledgerCompleter(ios *iostreams.IOStreams, g *globalOptions, names func(*claims.Ledger) []string, split bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
		return ledgerCompletions(ios, g, names, typed, split), cobra.ShellCompDirectiveNoFileComp
	}
}

// ledgerCompletions loads the ledger as the command would (-f, else
// ./claims.yaml, else the example) and returns the names starting with
// what was typed. Completion never fails loudly: a ledger that cannot be
// read offers nothing, and nothing is said on stderr, which the shell
// would show in the middle of the command line.
func ledgerCompletions(ios *iostreams.IOStreams, g *globalOptions, names func(*claims.Ledger) []string, typed string, split bool) []string {
	quiet := *ios
	quiet.ErrOut, quiet.ErrTTY, quiet.BoundMemory = io.Discard, false, nil
	l, err := openLedger(&quiet, g, true)
	if err != nil || l == nil {
		return nil
	}
	before, word := "", typed
	if i := strings.LastIndexByte(typed, ','); split && i >= 0 {
		before, word = typed[:i+1], typed[i+1:]
	}
	var out []string
	for _, n := range names(l) {
		if strings.HasPrefix(n, word) {
			out = append(out, before+n)
		}
	}
	return slices.Compact(out)
}

// topicIDs lists the ledger's topics in the order first seen.
func topicIDs(l *claims.Ledger) []string { return l.TopicOrder }

// sourceIDs lists the ledger's sources by id, in definition order.
func sourceIDs(l *claims.Ledger) []string {
	var ids []string
	for _, s := range l.Sources.All() {
		ids = append(ids, s.ID)
	}
	return ids
}

// contextPairs lists every key=value pair of the claims' contexts, in
// the order the ledger first has them.
func contextPairs(l *claims.Ledger) []string {
	seen, have := map[string]bool{}, map[string]bool{}
	var pairs []string
	for i := range l.Claims {
		ctx := l.Claims[i].Context
		if ctx == "" || seen[ctx] {
			continue
		}
		seen[ctx] = true
		for _, kv := range claims.ContextPairs(ctx) {
			if p := kv[0] + "=" + kv[1]; !have[p] {
				have[p] = true
				pairs = append(pairs, p)
			}
		}
	}
	return pairs
}
