package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/ledgerfile"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/atomicfile"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/problemout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

type fmtOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions
	Paths  []string
	List   bool // -l
	Diff   bool // -d
	Write  bool // -w
}

func newFmtCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &fmtOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "fmt [-l] [-d] [-w] [FILE|DIR...]",
		Short: "Lay out ledger files the one canonical way",
		Long: `Fmt lays out YAML ledger files the one canonical way, as gofmt does Go: the
top-level keys, and each entry's and claim's fields, in the order LEDGER.md
gives; sources, topics and disputes as blocks of entries and claims as a
block list, each field on one line; lists and contexts of plain values as
[a, b] and {k: v}; values quoted only where they must be, and | and >
block scalars kept as blocks, their lines as written; blank lines
between entries kept where the file had them; every comment kept, and the
comments at the ends of consecutive lines aligned. It is the built-in
example's layout, and the one the loader reads fastest.

Without flags, fmt prints the formatted files. It takes files and
directories as arguments, or else -f, or else ./claims.yaml. It never
touches a file the ledger has errors in, nor one it could not lay out
without changing what it says (anchors and aliases, a comment it cannot
place): it says why on stderr and exits 2. CSV and JSON Lines files are
left alone.`,
		Example: `  claimdiff fmt -l                   # which files would change
  claimdiff fmt -d                   # how
  claimdiff fmt -w -f ledger/        # rewrite them in place`,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Paths = args
			return runFmt(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&opts.List, "list", "l", false, "list files whose layout differs from fmt's")
	f.BoolVarP(&opts.Diff, "diff", "d", false, "print diffs of the changes")
	f.BoolVarP(&opts.Write, "write", "w", false, "write the result to each file instead of stdout")
	return cmd
}

func runFmt(opts *fmtOptions) error {
	ios := opts.IO
	paths := opts.Paths
	if len(paths) == 0 {
		paths = opts.Global.Files
	}
	found, err := load.Find(ios.Dir, paths)
	if errors.Is(err, load.ErrNoLedger) {
		return usageHint("no ledger to format: no claims.yaml here", "name files or directories: claimdiff fmt FILE|DIR...")
	}
	if err != nil {
		return err
	}
	// The whole ledger is loaded, so that a file is judged with the
	// sources and topics the other files define.
	l, err := load.Load(found, opts.Global.loadOptions())
	if err != nil {
		return err
	}
	// A ledger of one file is what the layout's check loads as its
	// "before": hand it over rather than load the file twice. Otherwise
	// only the problems are needed, and the ledger may be collected
	// before the files are laid out.
	problems := l.Problems
	var before *claims.Ledger
	if len(found) == 1 && found[0].Data == nil {
		before = l
	}
	l = nil
	failed := false
	for _, f := range found {
		if load.FormatOf(f.Name) != load.YAML {
			continue
		}
		data, err := os.ReadFile(f.Name)
		if err != nil {
			return &load.InputError{Err: err}
		}
		out, err := ledgerfile.FormatLoaded(f.Name, data, problems, before)
		if err != nil {
			failed = true
			fmtRefused(ios, f.Name, err, problems)
			continue
		}
		if err := opts.emit(f.Name, data, out); err != nil {
			return err
		}
	}
	if failed {
		return &cli.Silent{Code: cli.ExitUsage}
	}
	return nil
}

// emit does with one formatted file what the flags say, as gofmt does.
func (o *fmtOptions) emit(name string, data, out []byte) error {
	ios := o.IO
	changed := !bytes.Equal(data, out)
	if o.List && changed {
		fmt.Fprintln(ios.Out, safetext.Line(name))
	}
	if o.Write && changed {
		if err := atomicfile.Write(name, out); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	if o.Diff && changed {
		// Ledger text is untrusted: the diff goes through the same
		// cleaning as every other line claimdiff prints.
		ios.Out.Write([]byte(safetext.Terminal(string(diff.Diff(name+".orig", data, name, out)))))
	}
	if !o.List && !o.Write && !o.Diff {
		ios.Out.Write(out)
	}
	return nil
}

// fmtRefused says why a file was left alone: its errors, or what fmt
// could not keep.
func fmtRefused(ios *iostreams.IOStreams, name string, err error, problems []diag.Problem) {
	if errors.Is(err, ledgerfile.ErrHasErrors) {
		var errs []diag.Problem
		for _, p := range problems {
			if p.Severity == diag.Error && p.Pos.File == name {
				errs = append(errs, p)
			}
		}
		st := render.NewStyles(ios.ErrOut, ios.ErrColorEnabled())
		lines := newSnippetLines(nil)
		defer lines.Close()
		_ = problemout.ProblemsText(ios.ErrOut, st, errs, problemout.ProblemOptions{Snippets: ios.ErrTTY, Lines: lines.line})
		fmt.Fprintf(ios.ErrOut, "claimdiff: %s left as it is: it has %s\n", safetext.Line(name), render.Plural(len(errs), "error"))
		return
	}
	fmt.Fprintf(ios.ErrOut, "claimdiff: %s left as it is: %s\n", safetext.Line(name), safetext.Line(err.Error()))
}
