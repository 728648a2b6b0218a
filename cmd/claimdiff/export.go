package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk"
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
	Filter    filterOptions
}

func newExportCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &exportOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the ledger's claims as JSON Lines, JSON, CSV or TSV",
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

-o writes to a file instead of stdout, atomically. Without --format, the
file's extension picks the format (.jsonl, .ndjson, .json, .csv, .tsv). A
file written into the ledger's own directory becomes part of the ledger.

--topic and --source keep the claims they match (a source matches a
claim's origin or any source on its chain); --kind, --status and
--min-severity keep the claims that sit in a dispute that passes them.`,
		Example: `  claimdiff export > claims.jsonl
  claimdiff export -o feed/claims.csv
  claimdiff export --format tsv -f ledger/ | cut -f2,3,4`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.FormatSet = cmd.Flags().Changed("format")
			return runExport(opts)
		},
	}
	cli.FormatFlag(cmd, &opts.Format, bulk.ExportFormats...)
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
		FormatOf: bulk.ExportFormatFor, Known: "use .jsonl, .json, .csv or .tsv, or give --format"}.Targets()
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
	if opts.Output == "" {
		return bulk.Export(ios.Out, cs, format)
	}
	err = atomicfile.WriteFunc(opts.Output, func(w io.Writer) error { return bulk.Export(w, cs, format) })
	if err != nil {
		return fmt.Errorf("write %s: %w", opts.Output, err)
	}
	fmt.Fprintf(ios.ErrOut, "claimdiff: wrote %s (%s, %s)\n", safetext.Line(opts.Output), strings.ToUpper(format),
		render.Plural(len(cs), "claim"))
	return nil
}
