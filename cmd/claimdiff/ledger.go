package main

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/problemout"
	"github.com/claimdiff/claimdiff/internal/progress"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
	"github.com/spf13/cobra"
)

// exampleFile is the name positions in the built-in example carry; it is
// also what `claimdiff example > claims.yaml` suggests, so lines match.
const exampleFile = "example/claims.yaml"

// openLedger loads the ledger named by -f, or ./claims.yaml, or else,
// when fallback allows it, the built-in example, saying so on stderr. It
// does not judge the problems. Gates pass fallback false: a CI job run
// from the wrong directory must fail, not pass on the example.
func openLedger(ios *iostreams.IOStreams, g *globalOptions, fallback bool) (*claims.Ledger, error) {
	found, err := load.Find(ios.Dir, g.Files)
	if errors.Is(err, load.ErrNoLedger) {
		if !fallback {
			return nil, &cli.HintError{Err: err, Hint: "name the ledger with -f FILE or -f DIR; a gate never checks the built-in example"}
		}
		fmt.Fprintf(ios.ErrOut, "claimdiff: no ledger given and no claims.yaml here; using the built-in example (claimdiff example > claims.yaml to start your own)\n")
		l := load.Bytes(exampleFile, example.YAML)
		l.Example = true
		return l, nil
	}
	if err != nil {
		return nil, err
	}
	boundMemory(ios, found)
	what := "ledger"
	if len(found) == 1 {
		what = filepath.Base(found[0].Name)
	}
	bar := progress.New(ios.ErrOut, ios.ErrTTY, what)
	defer bar.Done()
	opts := g.loadOptions()
	opts.Progress = bar.Set
	return load.Load(found, opts)
}

// boundMemory tells the runtime what the ledger needs. Loaded claims take
// about two bytes per byte of YAML or JSON Lines, four per byte of the
// denser CSV and twelve per byte of compressed Parquet (the same claims
// as CSV are about three times its size). Three times that leaves room
// for the comparison, the estimate and the output: at twice, a month of
// flight data (354 MB of CSV) resolved with its live heap at the limit,
// and the collector ran back to back, doubling the CPU time.
func boundMemory(ios *iostreams.IOStreams, files []load.File) {
	if ios.BoundMemory == nil {
		return
	}
	var need int64
	for _, f := range files {
		size := int64(len(f.Data))
		if st, err := os.Stat(f.Name); f.Data == nil && err == nil {
			size = st.Size()
		}
		if c, _ := bulk.CompressionOf(f.Name); c != bulk.Uncompressed {
			size *= 13 // a feed expands about thirteenfold
		}
		switch load.FormatOf(f.Name) {
		case load.CSV, load.TSV:
			need += 12 * size
		case load.Parquet:
			need += 36 * size
		default:
			need += 6 * size
		}
	}
	ios.BoundMemory(need)
}

// loadLedger is openLedger for every command but lint: a ledger with errors
// cannot be compared, so its problems go to stderr and the command exits 2.
// Without a ledger it reads the built-in example.
func loadLedger(ios *iostreams.IOStreams, g *globalOptions) (*claims.Ledger, error) {
	return loadLedgerFor(ios, g, true)
}

// loadGateLedger is loadLedger for a gate, which never falls back to the
// example.
func loadGateLedger(ios *iostreams.IOStreams, g *globalOptions) (*claims.Ledger, error) {
	return loadLedgerFor(ios, g, false)
}

// loadLedgerFor is loadLedger and loadGateLedger. With --skip-invalid it
// leaves out the claims that could not be read, says so on stderr, keeps
// the count in g.skipped for JSON, and compares the rest.
func loadLedgerFor(ios *iostreams.IOStreams, g *globalOptions, fallback bool) (*claims.Ledger, error) {
	l, err := openLedger(ios, g, fallback)
	if err != nil {
		return nil, err
	}
	skipUnread(ios, g, l)
	lines := newSnippetLines(nil)
	defer lines.Close()
	if err := refuseErrors(ios, l, lines.line, ""); err != nil {
		return nil, err
	}
	return l, nil
}

// skipUnread leaves out, with --skip-invalid, the claims of l that could
// not be read, says so on stderr, and keeps the count for JSON.
func skipUnread(ios *iostreams.IOStreams, g *globalOptions, l *claims.Ledger) {
	if !g.SkipInvalid {
		return
	}
	s := load.SkipUnread(l)
	g.skipped = &s
	saySkipped(ios, s)
}

// saySkipped counts on stderr, by problem code, the claims left out.
func saySkipped(ios *iostreams.IOStreams, s load.Skipped) {
	if s.Claims == 0 {
		return
	}
	var parts []string
	for _, c := range slices.Sorted(maps.Keys(s.Codes)) {
		parts = append(parts, fmt.Sprintf("%s %d", c, s.Codes[c]))
	}
	first := make([]string, len(s.First))
	for i, p := range s.First {
		first[i] = p.String()
	}
	fmt.Fprintf(ios.ErrOut, "claimdiff: skipped %s that could not be read (%s; first at %s)\n",
		render.Plural(s.Claims, "claim"), strings.Join(parts, ", "), safetext.Line(strings.Join(first, ", ")))
}

// refuseErrors prints the ledger's errors, if it has any, and returns the
// error that makes the command exit 2. what names the ledger in the last
// line ("" for the ledger of -f); lines reads a file's line for snippets.
func refuseErrors(ios *iostreams.IOStreams, l *claims.Ledger, lines func(string, int) (string, bool), what string) error {
	var errs []diag.Problem
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			errs = append(errs, p)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	st := render.NewStyles(ios.ErrOut, ios.ErrColorEnabled())
	_ = problemout.ProblemsText(ios.ErrOut, st, errs, problemout.ProblemOptions{Snippets: ios.ErrTTY, Lines: lines})
	n, _ := diag.Count(errs)
	switch {
	case what != "":
		fmt.Fprintf(ios.ErrOut, "claimdiff: %s has %s, so it cannot be compared\n", what, render.Plural(n, "error"))
	case n > 1:
		// One problem speaks for itself; a count helps only with several.
		fmt.Fprintf(ios.ErrOut, "claimdiff: the ledger has %s; run claimdiff lint for details\n", render.Plural(n, "error"))
	}
	return &cli.Silent{Code: cli.ExitUsage}
}

// skipFlag adds --skip-invalid to a command that loads claims through
// loadLedger, which does the skipping.
func skipFlag(cmd *cobra.Command, g *globalOptions) {
	cmd.Flags().BoolVar(&g.SkipInvalid, "skip-invalid", false, "leave out claims whose value or fields cannot be read, count them on stderr, and go on")
}

// estimateFlag adds --no-estimate, which skips resolve's estimate of the
// likely values and the sources' accuracy: on a huge ledger it costs
// more than the comparison itself.
func estimateFlag(cmd *cobra.Command, no *bool) {
	cmd.Flags().BoolVar(no, "no-estimate", false, "skip the estimate of likely values and source accuracy (it takes longer than the comparison on a huge ledger)")
}

// skippedJSON is what --skip-invalid left out, for --format json; nil
// without the flag.
func skippedJSON(s *load.Skipped) *disputedout.SkippedJSON {
	if s == nil {
		return nil
	}
	out := &disputedout.SkippedJSON{Claims: s.Claims, Codes: s.Codes, First: []string{}}
	for _, p := range s.First {
		out.First = append(out.First, p.String())
	}
	return out
}
