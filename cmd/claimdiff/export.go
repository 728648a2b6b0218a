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
	"github.com/claimdiff/claimdiff/claims/bulk/parquetexport"
	"github.com/claimdiff/claimdiff/claims/claimreview"
	"github.com/claimdiff/claimdiff/internal/atomicfile"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

type exportOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions
	Format string
	Output string
	// FormatSet is true when --format was given on the command line.
	FormatSet bool
	// Estimated and MinConfidence: with --format claimreview, also review
	// disputes whose estimate is confident, not only settled ones.
	Estimated     bool
	MinConfidence float64
	// URL is --url: the fact-check's address for reviews whose dispute
	// and desk give none.
	URL    string
	Filter filterOptions
}

// exportFormats are bulk's formats, Parquet and ClaimReview JSON-LD.
var exportFormats = append(slices.Clone(bulk.ExportFormats), bulk.ParquetFormat, "claimreview")

// exportFormatFor picks an export format from a file name: bulk's
// extensions (.parquet too), and .jsonld for ClaimReview.
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
		Short: "Write the ledger's claims as JSON Lines, JSON, CSV, TSV, Parquet or ClaimReview",
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

--format parquet writes a Parquet file with the same columns, typed (via
a list, context a map, denies a boolean; a field the claim lacks is null),
then how claimdiff reads each value, so that DuckDB, Spark or BigQuery can
query claims without it: kind (number, money, date, text...), lo and hi
(the ends of the value's set, null where unbounded or not a number),
canonical (the normal form) and unit (what lo and hi count: the topic's
unit, the currency, "%", "days", or "s" for dates and datetimes, as
seconds since 1970 UTC). A .parquet file beside the YAML loads back like
the others; its value columns are ignored, as the value is read again.
Parquet is binary: export refuses to print it on a terminal.

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
or "claimdiff" when it has none. Each review's url, which Google
requires, is the dispute entry's url:, else --url, else the desk's url;
export refuses reviews without one. datePublished is the dispute entry's
date:, else today. claimReviewed is the claim's quote, or the topic's
question and the claimed value; itemReviewed names the source as the
claim's author (a Person for people and officials, else an
Organization), the claim's date, and as its appearance the source's url,
or the claim's words when the source has no url.

-o writes to a file instead of stdout, atomically. Without --format, the
file's extension picks the format (.jsonl, .ndjson, .json, .csv, .tsv,
.parquet, .jsonld). A file written into the ledger's own directory becomes part of
the ledger.

--topic and --source keep the claims they match (a source matches a
claim's origin or any source on its chain); --kind, --status and
--min-severity keep the claims that sit in a dispute that passes them.`,
		Example: `  claimdiff export > claims.jsonl
  claimdiff export -o feed/claims.csv
  claimdiff export --format tsv -f ledger/ | cut -f2,3,4
  claimdiff export -o feed/claims.parquet
  duckdb -c "SELECT topic, kind, lo, hi, unit FROM 'feed/claims.parquet'"
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
	cmd.Flags().StringVar(&opts.URL, "url", "", "with --format claimreview: the fact-check's address for reviews whose dispute and desk give none")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of stdout (its extension picks the format)")
	filterFlags(cmd, &opts.Filter, "claims in disputes")
	skipFlag(cmd, g)
	return cmd
}

func runExport(opts *exportOptions) error {
	var paths []string
	if opts.Output != "" {
		paths = []string{opts.Output}
	}
	targets, err := cli.Outputs{Paths: paths, Format: opts.Format, FormatSet: opts.FormatSet,
		FormatOf: exportFormatFor, Known: "use .jsonl, .json, .csv, .tsv, .parquet or .jsonld, or give --format"}.Targets()
	if err != nil {
		return err
	}
	format := targets[0].Format
	ios := opts.IO
	if format == bulk.ParquetFormat && opts.Output == "" && ios.OutTTY {
		return &cli.HintError{Err: cli.Usagef("parquet is a binary format; export does not print it on a terminal"),
			Hint: "write it to a file with -o claims.parquet, or redirect stdout: claimdiff export --format parquet > claims.parquet"}
	}
	filter, err := opts.Filter.filter()
	if err != nil {
		return err
	}
	l, err := loadLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	// Only a filter, Parquet's value columns and ClaimReview need the
	// analysis, which takes time on a huge ledger.
	var a *claims.Analysis
	analysis := func() *claims.Analysis {
		if a == nil {
			a = claims.Analyze(l, opts.Global.analysis())
		}
		return a
	}
	cs := l.Claims
	var kept []int // the claims the filter keeps; nil for all of them
	if !filter.IsZero() {
		sayUnmatched(ios, analysis(), filter)
		cs, kept = nil, []int{}
		for i := range l.Claims {
			if a.MatchClaim(filter, i) {
				cs, kept = append(cs, l.Claims[i]), append(kept, i)
			}
		}
	}
	write := func(w io.Writer) error { return bulk.Export(w, cs, format) }
	if format == "json" && opts.Global.skipped != nil {
		skipped := skippedJSON(opts.Global.skipped).Cleaned()
		write = func(w io.Writer) error { return bulk.WriteJSONSkipped(w, cs, skipped) }
	}
	count := render.Plural(len(cs), "claim")
	switch format {
	case bulk.ParquetFormat:
		write = func(w io.Writer) error { return parquetexport.Write(w, analysis(), kept) }
	case "claimreview":
		reviews, err := claimreview.Reviews(analysis(), claimreview.Options{Estimated: opts.Estimated,
			MinConfidence: opts.MinConfidence, URL: opts.URL, Today: opts.Global.today})
		if err != nil {
			return &cli.HintError{Err: &cli.UsageError{Err: err}, Hint: claimreview.URLHint}
		}
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
