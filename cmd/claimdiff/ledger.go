package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/progress"
	"github.com/claimdiff/claimdiff/internal/render"
)

// exampleFile is the name positions in the built-in example carry; it is
// also what `claimdiff example > claims.yaml` suggests, so lines match.
const exampleFile = "example/claims.yaml"

// openLedger loads the ledger named by -f, or ./claims.yaml, or else the
// built-in example, saying so on stderr. It does not judge the problems.
func openLedger(ios *iostreams.IOStreams, files []string) (*claims.Ledger, error) {
	found, err := claims.Find(ios.Dir, files)
	if errors.Is(err, claims.ErrNoLedger) {
		fmt.Fprintf(ios.ErrOut, "claimdiff: no ledger given and no claims.yaml here; using the built-in example (claimdiff example > claims.yaml to start your own)\n")
		l := claims.LoadBytes(exampleFile, example.YAML)
		l.Example = true
		return l, nil
	}
	if err != nil {
		return nil, err
	}
	boundMemory(ios, found)
	what := "ledger"
	if len(found) == 1 {
		what = filepath.Base(found[0])
	}
	bar := progress.New(ios.ErrOut, ios.ErrTTY, what)
	defer bar.Done()
	return claims.LoadWith(found, claims.LoadOptions{Progress: bar.Set})
}

// boundMemory bounds the heap by what the ledger needs rather than by how
// fast it grows. Loaded claims take about two bytes per byte of YAML or
// JSON Lines and four per byte of the denser CSV; twice that leaves room
// for the comparison and its output. Under that soft limit the collector
// may wait longer between cycles (GOGC 400), which saves a fifth of the
// time on a million claims without raising the peak. GOMEMLIMIT and GOGC,
// when set, win.
func boundMemory(ios *iostreams.IOStreams, files []string) {
	if ios.Getenv("GOMEMLIMIT") == "" {
		var need int64
		for _, f := range files {
			if st, err := os.Stat(f); err == nil {
				switch strings.ToLower(filepath.Ext(f)) {
				case ".csv", ".tsv":
					need += 8 * st.Size()
				default:
					need += 4 * st.Size()
				}
			}
		}
		debug.SetMemoryLimit(256<<20 + need)
		if ios.Getenv("GOGC") == "" {
			debug.SetGCPercent(400)
		}
	}
}

// loadLedger is openLedger for every command but lint: a ledger with errors
// cannot be compared, so its problems go to stderr and the command exits 2.
func loadLedger(ios *iostreams.IOStreams, g *globalOptions) (*claims.Ledger, error) {
	l, err := openLedger(ios, g.Files)
	if err != nil {
		return nil, err
	}
	if diag.HasErrors(l.Problems, false) {
		var errs []diag.Problem
		for _, p := range l.Problems {
			if p.Severity == diag.Error {
				errs = append(errs, p)
			}
		}
		st := render.NewStyles(ios.ErrOut, ios.ErrColorEnabled())
		_ = render.ProblemsText(ios.ErrOut, st, errs, render.ProblemOptions{Snippets: ios.ErrTTY, Lines: lineSource})
		// One problem speaks for itself; a count helps only with several.
		if len(errs) > 1 {
			fmt.Fprintf(ios.ErrOut, "claimdiff: the ledger has %s; run claimdiff lint for details\n", render.Plural(len(errs), "error"))
		}
		return nil, &cli.Silent{Code: cli.ExitUsage}
	}
	return l, nil
}

// lineSource reads one line of a ledger file for a snippet.
func lineSource(file string, n int) (string, bool) {
	var data []byte
	if file == exampleFile {
		data = example.YAML
	} else {
		f, err := os.Open(file)
		if err != nil {
			return "", false
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for i := 1; sc.Scan(); i++ {
			if i == n {
				return sc.Text(), true
			}
		}
		return "", false
	}
	lines := bytes.Split(data, []byte{'\n'})
	if n < 1 || n > len(lines) {
		return "", false
	}
	return string(lines[n-1]), true
}
