package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/extract"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/extractout"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
	"github.com/claimdiff/claimdiff/sources"
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
		texts, err = extractAll(l)
	} else {
		texts, err = extractFile(ios, l, opts.File, opts.Source)
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

// extractFile proposes the claims of one text on disk, which need not be
// one the ledger names.
func extractFile(ios *iostreams.IOStreams, l *claims.Ledger, file, source string) ([]extractout.Text, error) {
	s := l.Sources.Get(source)
	if s == nil {
		return nil, &cli.HintError{Err: fmt.Errorf("source %q is not in the ledger", source), Hint: "add it to sources: first, or name one the ledger has (claimdiff sources)"}
	}
	path := file
	if !filepath.IsAbs(path) {
		path = filepath.Join(ios.Dir, path)
	}
	text, err := readText(path)
	if err != nil {
		return nil, err
	}
	date := ""
	for _, t := range s.Texts {
		if t.Date != "" && filepath.Clean(filepath.Join(filepath.Dir(s.Pos.File), t.Path)) == filepath.Clean(path) {
			date = t.Date
		}
	}
	ps := extract.Text(text, extract.Options{Source: s.ID, Date: date, Published: s.Published, Ledger: l})
	return []extractout.Text{{Path: file, Source: s.ID, Proposals: ps}}, nil
}

// extractAll proposes the claims of every text the ledger's sources keep.
func extractAll(l *claims.Ledger) ([]extractout.Text, error) {
	var out []extractout.Text
	for _, s := range l.Sources.All() {
		dir := filepath.Dir(s.Pos.File)
		for i, rel := range s.TextPaths() {
			text, err := sources.OpenText(dir, rel)
			if err != nil {
				return nil, fmt.Errorf("%s: source %s: %w", s.Pos.File, s.ID, err)
			}
			date := ""
			if k := i - len(s.TextPaths()) + len(s.Texts); k >= 0 && s.Texts[k].Date != "" {
				date = s.Texts[k].Date
			}
			ps := extract.Text(text, extract.Options{Source: s.ID, Date: date, Published: s.Published, Ledger: l})
			out = append(out, extractout.Text{Path: filepath.Join(dir, rel), Source: s.ID, Proposals: ps})
		}
	}
	return out, nil
}

// readText reads a text the user names, capped as archived texts are.
func readText(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("text %s does not exist", path)
		}
		return "", fmt.Errorf("reading text: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, sources.MaxTextBytes+1))
	if err != nil {
		return "", fmt.Errorf("reading text %s: %w", path, err)
	}
	if len(data) > sources.MaxTextBytes {
		return "", fmt.Errorf("text %s is larger than %d MiB", path, sources.MaxTextBytes>>20)
	}
	return string(data), nil
}

// sayCoverage tells, per source with archived texts, how many of the
// figures its texts state the ledger claims, and the ledger's share in all:
// what extract would still propose.
func sayCoverage(ios *iostreams.IOStreams, l *claims.Ledger) error {
	texts, err := extractAll(l)
	if err != nil {
		return err
	}
	type tally struct{ claimed, total int }
	by := map[string]*tally{}
	var order []string
	all := tally{}
	for _, t := range texts {
		c, n := extract.Coverage(t.Proposals)
		if by[t.Source] == nil {
			by[t.Source] = &tally{}
			order = append(order, t.Source)
		}
		by[t.Source].claimed += c
		by[t.Source].total += n
		all.claimed += c
		all.total += n
	}
	for _, id := range order {
		t := by[id]
		fmt.Fprintf(ios.ErrOut, "coverage: %s: %d of %d figures claimed\n", safetext.Line(id), t.claimed, t.total)
	}
	if len(order) == 0 {
		fmt.Fprintln(ios.ErrOut, "coverage: no source keeps a text (text: or texts:)")
		return nil
	}
	fmt.Fprintf(ios.ErrOut, "coverage: %d of %d figures in %s claimed\n", all.claimed, all.total, render.Plural(len(texts), "text"))
	return nil
}
