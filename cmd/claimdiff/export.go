package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk"
	"github.com/claimdiff/claimdiff/claims/claimreview"
	"github.com/claimdiff/claimdiff/internal/atomicfile"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

type exportOptions struct {
	// SkipInvalid leaves out claims that cannot be read.
	SkipInvalid bool
	IO          *iostreams.IOStreams
	Global      *globalOptions
	Format      string
	Output      string
	// FormatSet is true when --format was given on the command line.
	FormatSet bool
	// Estimated and MinConfidence: with --format claimreview, also review
	// disputes whose estimate is confident, not only settled ones.
	Estimated     bool
	MinConfidence float64
	Filter        filterOptions
}

// exportFormats are bulk's formats and ClaimReview JSON-LD.
var exportFormats = append(slices.Clone(bulk.ExportFormats), "claimreview")

// exportFormatFor picks an export format from a file name: bulk's
// extensions, and .jsonld for ClaimReview.
func exportFormatFor(name string) (string, bool) {
	if strings.EqualFold(filepath.Ext(name), ".jsonld") {
		return "claimreview", true
	}
	return bulk.ExportFormatFor(name)
}

func newExportCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &exportOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the ledger's claims as JSON Lines, JSON, CSV, TSV or ClaimReview",
		Long: `Export writes every claim of the ledger, in ledger order, in a bulk claim
format: JSON Lines (jsonl, the default: one object per line), CSV or TSV
(a header row, then one row per claim), or as one JSON document (json:
{"claims": [...], "count": N}, each claim the object jsonl writes; for
scripts, since claimdiff does not read it back). The columns and keys are the ones
claimdiff reads from bulk claim files (id, topic, value, source, via, date,
as_of, quote, context, denies, note), so an export placed beside the YAML
file that defines the sources and topics loads back to the same claims.
Ids that claimdiff derived (topic@source) are left out; they are derived
again on loading.

CSV and TSV are data formats, not spreadsheets: cells are written exactly,
quoted only where CSV needs it, with no guard against spreadsheet formulas
(use claimdiff report --format csv for a spreadsheet). A claim holding a
control character, bidi control or invalid UTF-8 cannot be written safely
to CSV, so export refuses it and names the claim; JSON Lines escapes such
characters as \u sequences and carries them exactly.

--format claimreview writes schema.org ClaimReview JSON-LD, the format
fact-checkers publish verdicts in: an array of one ClaimReview per claim
of each dispute the desk settled (disputes: status resolved with a value),
rated against the settled value: True (5) when the claim holds it, False
(1) when it cannot, Unproven (3) when it is too vague to tell, on a 1 to
5 scale. --estimated also reviews unsettled disputes whose estimated
likely value has at least --min-confidence (0.9): an estimate, so leave
it off for anything published. The author is the ledger's desk: entry,
or "claimdiff" when it has none. claimReviewed is the claim's quote, or
its value as written; itemReviewed names the source as the claim's
author (a Person for people and officials, else an Organization), the
claim's date and the source's url as its appearance.

-o writes to a file instead of stdout, atomically. Without --format, the
file's extension picks the format (.jsonl, .ndjson, .json, .csv, .tsv,
.jsonld). A file written into the ledger's own directory becomes part of
the ledger.

--topic and --source keep the claims they match (a source matches a
claim's origin or any source on its chain); --kind, --status and
--min-severity keep the claims that sit in a dispute that passes them.`,
		Example: `  claimdiff export > claims.jsonl
  claimdiff export -o feed/claims.csv
  claimdiff export --format tsv -f ledger/ | cut -f2,3,4
  claimdiff export --format claimreview -o reviews.jsonld`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.FormatSet = cmd.Flags().Changed("format")
			return runExport(opts)
		},
	}
	cli.FormatFlag(cmd, &opts.Format, exportFormats...)
	cmd.Flags().BoolVar(&opts.Estimated, "estimated", false, "with --format claimreview: also review disputes whose estimate is confident")
	cmd.Flags().Float64Var(&opts.MinConfidence, "min-confidence", claimreview.DefaultMinConfidence, "with --estimated: the confidence an estimate needs")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of stdout (its extension picks the format)")
	filterFlags(cmd, &opts.Filter, "claims in disputes")
	skipFlag(cmd, &opts.SkipInvalid)
	return cmd
}

func runExport(opts *exportOptions) error {
	var paths []string
	if opts.Output != "" {
		paths = []string{opts.Output}
	}
	targets, err := cli.Outputs{Paths: paths, Format: opts.Format, FormatSet: opts.FormatSet,
		FormatOf: exportFormatFor, Known: "use .jsonl, .json, .csv, .tsv or .jsonld, or give --format"}.Targets()
	if err != nil {
		return err
	}
	format := targets[0].Format
	filter, err := opts.Filter.filter()
	if err != nil {
		return err
	}
	ios := opts.IO
	l, _, err := loadLedgerSkipping(ios, opts.Global, opts.SkipInvalid)
	if err != nil {
		return err
	}
	cs := l.Claims
	// Only a filter needs the analysis, which takes time on a huge ledger.
	if !filter.IsZero() {
		a := claims.Analyze(l, opts.Global.analysis())
		sayUnmatched(ios, a, filter)
		cs = nil
		for i := range l.Claims {
			if a.MatchClaim(filter, i) {
				cs = append(cs, l.Claims[i])
			}
		}
	}
	write := func(w io.Writer) error { return bulk.Export(w, cs, format) }
	count := render.Plural(len(cs), "claim")
	if format == "claimreview" {
		reviews := claimreview.Reviews(claims.Analyze(l, opts.Global.analysis()),
			claimreview.Options{Estimated: opts.Estimated, MinConfidence: opts.MinConfidence})
		write = func(w io.Writer) error { return claimreview.Write(w, reviews) }
		count = render.Plural(len(reviews), "review")
		if l.Desk.Name == "" {
			fmt.Fprintf(ios.ErrOut, "claimdiff: note: the ledger names no desk:, so the reviews' author is %q\n", claimreview.DefaultAuthor)
		}
	}
	if opts.Output == "" {
		return write(ios.Out)
	}
	if err := atomicfile.WriteFunc(opts.Output, write); err != nil {
		return fmt.Errorf("write %s: %w", opts.Output, err)
	}
	fmt.Fprintf(ios.ErrOut, "claimdiff: wrote %s (%s, %s)\n", safetext.Line(opts.Output), strings.ToUpper(format), count)
	return nil
}
