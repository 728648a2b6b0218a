package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/complete"
	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// ledgerNames says, for each flag that names something in the ledger,
// what the shell may offer for it, so that "--topic pl<TAB>" offers the
// ledger's plan.* topics rather than file names.
var ledgerNames = map[string]func(*claims.Ledger) []string{
	"topic":   complete.Topics,
	"source":  complete.Sources,
	"context": complete.ContextPairs,
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
	return complete.Match(names(l), typed, split)
}
