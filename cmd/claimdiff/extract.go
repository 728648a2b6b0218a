package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/extract"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/extractout"
	"github.com/claimdiff/claimdiff/internal/extracttexts"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

type extractOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions
	Format string
	// File is the text to read, with Source the ledger source it belongs
	// to; All reads every source's texts instead.
	File   string
	Source string
	All    bool
	// Interactive offers each new proposal on the terminal and adds the
	// accepted ones; Decide stands in for the terminal in tests.
	Interactive bool
	Decide      decideFunc
}

func newExtractCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &extractOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "extract [FILE --source ID | --all]",
		Short: "Propose claims from a source's archived text",
		Long: `Extract reads an archived text (its first line, a URL, is skipped) and
proposes a claim for each sentence that states a figure, a date or a denial:
the figure as written, hedge included ("at least 340"), the sentence as its
quote, which check --quotes accepts, the source the sentence names ("police
said", "according to X"), else the text's own, and the ledger's topic
nearest in words, or a new topic's id to name.

It works by rules, with no network and no model: the same text always gives
the same proposals. Proposals the ledger already holds (same topic, the
same value, from that source) are marked; each text's coverage, how many of
its proposals the ledger holds, is printed on stderr. Paste the ones you
confirm into the ledger, or pass their fields to claimdiff add.`,
		Example: `  claimdiff extract texts/wapo.txt --source wapo
  claimdiff extract --all --format json
  claimdiff extract texts/wapo.txt --source wapo -i   # add, edit or skip each`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			return runExtract(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Source, "source", "", "the ledger source whose text FILE is")
	cmd.Flags().BoolVar(&opts.All, "all", false, "read every source's texts (text: and texts:)")
	cmd.Flags().BoolVarP(&opts.Interactive, "interactive", "i", false, "on a terminal, add, edit or skip each new proposal; accepted ones are added as add does")
	cli.FormatFlag(cmd, &opts.Format, "yaml", "json")
	return cmd
}

func runExtract(opts *extractOptions) error {
	ios := opts.IO
	switch {
	case opts.All && opts.File != "":
		return cli.Usagef("give a FILE or --all, not both")
	case !opts.All && opts.File == "":
		return cli.Usagef("name a text to read, or --all for every source's texts")
	case opts.File != "" && opts.Source == "":
		return &cli.HintError{Err: cli.Usagef("--source is required with a FILE"), Hint: "name the ledger source the text belongs to: claimdiff extract " + opts.File + " --source ID"}
	}
	l, err := loadLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	var texts []extractout.Text
	if opts.All {
		texts, err = extracttexts.All(l)
	} else {
		texts, err = extracttexts.File(ios.Dir, l, opts.File, opts.Source)
	}
	if err != nil {
		return err
	}
	for _, t := range texts {
		claimed, total := extract.Coverage(t.Proposals)
		fmt.Fprintf(ios.ErrOut, "%s: %d of %d figures claimed\n", safetext.Line(t.Path), claimed, total)
	}
	if opts.Interactive {
		return extractInteractively(opts, l, texts)
	}
	if opts.Format == "json" {
		return extractout.JSON(ios.Out, texts)
	}
	return extractout.YAML(ios.Out, texts)
}

// sayCoverage tells, per source with archived texts, how many of the
// figures its texts state the ledger claims, and the ledger's share in all:
// what extract would still propose.
func sayCoverage(ios *iostreams.IOStreams, l *claims.Ledger) error {
	texts, err := extracttexts.All(l)
	if err != nil {
		return err
	}
	by, order, all := extracttexts.Coverage(texts)
	for _, id := range order {
		t := by[id]
		fmt.Fprintf(ios.ErrOut, "coverage: %s: %d of %d figures claimed\n", safetext.Line(id), t.Claimed, t.Total)
	}
	if len(order) == 0 {
		fmt.Fprintln(ios.ErrOut, "coverage: no source keeps a text (text: or texts:)")
		return nil
	}
	fmt.Fprintf(ios.ErrOut, "coverage: %d of %d figures in %s claimed\n", all.Claimed, all.Total, render.Plural(len(texts), "text"))
	return nil
}
