package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims/claimreview"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/atomicfile"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

type importOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions
	// Format is what the input is; only claimreview so far.
	Format string
	Input  string
	Output string
	Title  string
}

func newImportCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &importOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "import claimreview FILE",
		Short: "Make a ledger from fact-checkers' ClaimReview verdicts",
		Long: `Import claimreview reads fact-checks and writes a ledger of them, so that
claimdiff disputed answers "where do fact-checkers disagree?". FILE (or -
for stdin) is a Google Fact Check Tools claims:search answer
({"claims": [...]}), a ClaimReview feed (JSON-LD: a DataFeed whose
dataFeedElement items are ClaimReviews, or a list of ClaimReviews, as
export --format claimreview writes), or a page's JSON-LD (an @graph, or
extruct's {"json-ld": [...]}), whose nodes other than ClaimReviews, such
as its WebPage, are left out.

Each reviewed claim (its text and claimant) becomes a topic of type choice:
its question is the claim's text and its description names the claimant
and the claim's date. Each fact-checker becomes a source of kind outlet
(url: its site), and each review a claim whose value is the rating,
normalised to false, misleading, mixed, true or unproven ("Pants on Fire"
is false, "Mostly false" misleading, "Half true" mixed, "Mostly true"
true), also when it is followed by an explanation ("False. The video
shows…"), behind a phrase ("This is false", "User's claim is false"), in
HTML, or in Spanish, Portuguese, French, German or Italian ("Falso");
a wording none of these covers is kept as its own choice, in lower case
with hyphens, cut to a few words ("Satire" is satire). The rating as the
fact-checker worded it is the claim's quote, and its explanation and the
review's title, url (or urlOfFactCheck) and language its note.

The ledger goes to stdout, or to -o, atomically. When -o names a .jsonl
file, the reviews go there as a bulk JSON Lines claims file and the
sources and topics to a YAML file beside it of the same name (reviews.jsonl
and reviews.yaml), for feeds too big for one YAML file. The result is
loaded and checked before anything is written.`,
		Example: `  claimdiff import claimreview search.json > factchecks.yaml
  claimdiff disputed -f factchecks.yaml
  claimdiff import claimreview feed.jsonld -o checks/reviews.jsonl`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Format, opts.Input = args[0], args[1]
			return runImport(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the ledger to this file (.yaml, or .jsonl for claims beside a .yaml head)")
	cmd.Flags().StringVar(&opts.Title, "title", "", "the ledger's title (default: Fact-checks from FILE)")
	return cmd
}

func runImport(opts *importOptions) error {
	if opts.Format != "claimreview" {
		return cli.Usagef("import reads claimreview, not %q", opts.Format)
	}
	ios := opts.IO
	in := ios.In
	name := opts.Input
	if opts.Input != "-" {
		f, err := os.Open(opts.Input)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	} else {
		name = "stdin"
	}
	l, err := claimreview.Import(in)
	if err != nil {
		return fmt.Errorf("%s: %w", safetext.Line(name), err)
	}
	title := opts.Title
	if title == "" {
		title = "Fact-checks from " + filepath.Base(name)
	}
	// Each file to write, with its text, checked by loading them together.
	type out struct {
		path string
		data []byte
	}
	var files []out
	var b bytes.Buffer
	if strings.EqualFold(filepath.Ext(opts.Output), ".jsonl") {
		if err := l.WriteJSONL(&b); err != nil {
			return err
		}
		var head bytes.Buffer
		if err := l.WriteHead(&head, title); err != nil {
			return err
		}
		headPath := strings.TrimSuffix(opts.Output, filepath.Ext(opts.Output)) + ".yaml"
		files = []out{{headPath, head.Bytes()}, {opts.Output, b.Bytes()}}
	} else {
		if err := l.WriteYAML(&b, title); err != nil {
			return err
		}
		files = []out{{cmp.Or(opts.Output, "import.yaml"), b.Bytes()}}
	}
	var lf []load.File
	for _, f := range files {
		lf = append(lf, load.File{Name: f.path, Data: f.data})
	}
	loaded, err := load.Load(lf, opts.Global.loadOptions())
	if err != nil {
		return err
	}
	if diag.HasErrors(loaded.Problems, false) {
		for _, p := range loaded.Problems {
			fmt.Fprintln(ios.ErrOut, p.Error())
		}
		return fmt.Errorf("the imported ledger does not load; this is a bug in import")
	}
	if opts.Output == "" {
		_, err := ios.Out.Write(b.Bytes())
		return err
	}
	for _, f := range files {
		if err := atomicfile.WriteFunc(f.path, func(w io.Writer) error { _, err := w.Write(f.data); return err }); err != nil {
			return fmt.Errorf("write %s: %w", f.path, err)
		}
		fmt.Fprintf(ios.ErrOut, "claimdiff: wrote %s\n", safetext.Line(f.path))
	}
	fmt.Fprintf(ios.ErrOut, "claimdiff: imported %s on %s from %s\n", render.Plural(len(l.Claims), "review"),
		render.Plural(len(l.Topics), "claim"), render.Plural(len(l.Sources), "fact-checker"))
	return nil
}
