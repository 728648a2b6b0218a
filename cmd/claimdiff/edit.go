package main

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/diff"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/atomicfile"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/contrast"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/editor"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/ledgeredit"
	"github.com/claimdiff/claimdiff/internal/problemout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

type editOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions
	File   string // which file of the ledger; "" for its only YAML file

	// Edit opens a file in the user's editor and waits for it; Reopen asks
	// whether to open it again to fix problems (nil: never ask). runEdit
	// fills them in from $VISUAL or $EDITOR and the terminal; tests set
	// their own.
	Edit   func(path string) error
	Reopen func() (bool, error)
}

func newEditCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &editOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "edit [FILE]",
		Short: "Edit a ledger file in your editor, and lint it on save",
		Long: `Edit opens a ledger file in $VISUAL, or else $EDITOR (else vi), working on a
copy. When you save and quit, it lints the ledger with your text: when the
file has no errors it replaces the file atomically, keeping its mode, and
says what the edit changed; when it has errors it shows them and, on a
terminal, offers to reopen the file with the problems as comments at the
top (they are removed again on save), as kubectl edit does.

Your text is never lost: an edit that is not saved to the ledger stays in
a temporary file whose path edit prints. Saving the file unchanged, or
empty, leaves the ledger as it was.

FILE is one YAML file of the ledger (-f, or ./claims.yaml); without it the
ledger must have only one. Exit codes: 0 saved or nothing to save, 1 the
edit has errors and was not saved, 2 the editor failed or the file cannot
be read.`,
		Example: `  claimdiff edit
  EDITOR="code --wait" claimdiff edit -f ledger/ ledger/claims/week1.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			return runEdit(opts)
		},
	}
	return cmd
}

// problemMark starts each line edit adds to the top of a file it
// reopens, with a token drawn for the session, so that a comment of the
// user's, even one that starts "# claimdiff:", is never taken for one.
func problemMark() string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("# claimdiff %x: ", b)
}

func runEdit(opts *editOptions) error {
	ios := opts.IO
	files, target, err := editFiles(ios, opts.Global, opts.File)
	if err != nil {
		return err
	}
	orig, err := os.ReadFile(target)
	if err != nil {
		return &load.InputError{Err: err}
	}
	before, err := load.Load(files, opts.Global.loadOptions())
	if err != nil {
		return err
	}
	if opts.Edit == nil {
		name := editor.Command(ios.Getenv)
		opts.Edit = func(path string) error { return editor.Run(ios.In, ios.Out, ios.ErrOut, name, path) }
	}
	if opts.Reopen == nil && ios.CanPrompt() {
		opts.Reopen = func() (bool, error) { return askReopen(ios) }
	}

	tmp, err := os.CreateTemp("", "claimdiff-edit-"+strings.TrimSuffix(filepath.Base(target), filepath.Ext(target))+"-*"+filepath.Ext(target))
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	tmp.Close()
	kept := func() {
		fmt.Fprintf(ios.ErrOut, "claimdiff: your edit is kept in %s; %s is as it was\n", tmpName, safetext.Line(target))
	}
	// failed says what went wrong, then where the text is, last, where
	// the eye lands; the command exits 2.
	failed := func(err error) error {
		fmt.Fprintf(ios.ErrOut, "claimdiff: %s\n", safetext.Terminal(err.Error()))
		kept()
		return &cli.Silent{Code: cli.ExitUsage}
	}
	text := orig
	// added holds the lines edit put on top of the text, exactly; only
	// those are removed from what the user saves.
	var added map[string]bool
	mark := problemMark()
	for {
		if err := os.WriteFile(tmpName, text, 0o600); err != nil {
			return err
		}
		if err := opts.Edit(tmpName); err != nil {
			return failed(err)
		}
		saved, err := os.ReadFile(tmpName)
		if err != nil {
			return failed(err)
		}
		body := ledgeredit.StripProblems(saved, added)
		switch {
		case len(bytes.TrimSpace(body)) == 0:
			os.Remove(tmpName)
			fmt.Fprintf(ios.ErrOut, "claimdiff: the file was saved empty; %s is as it was\n", safetext.Line(target))
			return nil
		case bytes.Equal(body, orig):
			os.Remove(tmpName)
			fmt.Fprintf(ios.ErrOut, "claimdiff: no changes to %s\n", safetext.Line(target))
			return nil
		}
		edited := ledgeredit.WithData(files, target, body)
		after, err := load.Load(edited, opts.Global.loadOptions())
		if err != nil {
			return failed(err)
		}
		var errs []diag.Problem
		for _, p := range after.Problems {
			if p.Severity == diag.Error && p.Pos.File == target {
				errs = append(errs, p)
			}
		}
		if len(errs) == 0 {
			if now, err := os.ReadFile(target); err != nil || !bytes.Equal(now, orig) {
				// Someone else wrote the file meanwhile: their text must
				// not be lost either.
				return failed(fmt.Errorf("%s changed on disk while you edited it; nothing was saved", target))
			}
			if err := atomicfile.Write(target, body); err != nil {
				return failed(fmt.Errorf("%s: %w", target, err))
			}
			os.Remove(tmpName)
			fmt.Fprintf(ios.ErrOut, "claimdiff: saved %s\n", safetext.Line(target))
			return reportEdit(ios, opts.Global, before, after, edited)
		}
		st := render.NewStyles(ios.ErrOut, ios.ErrColorEnabled())
		_ = problemout.ProblemsText(ios.ErrOut, st, errs, problemout.ProblemOptions{Snippets: ios.ErrTTY, Lines: linesOf(edited)})
		fmt.Fprintf(ios.ErrOut, "claimdiff: the edit has %s\n", render.Plural(len(errs), "error"))
		again := false
		if opts.Reopen != nil {
			if again, err = opts.Reopen(); err != nil {
				return failed(err)
			}
		}
		if !again {
			kept()
			return cli.ErrGateFailed
		}
		text, added = ledgeredit.WithProblems(body, target, errs, mark)
	}
}

// editFiles finds the ledger and the one file of it to edit.
func editFiles(ios *iostreams.IOStreams, g *globalOptions, file string) ([]load.File, string, error) {
	args := g.Files
	if len(args) == 0 && file != "" {
		args = []string{file}
	}
	found, err := load.Find(ios.Dir, args)
	if errors.Is(err, load.ErrNoLedger) {
		return nil, "", usageHint("no ledger to edit: no claims.yaml here", "start one with claimdiff add, or claimdiff example > claims.yaml")
	}
	if err != nil {
		return nil, "", err
	}
	var yamls []string
	for _, f := range found {
		if load.FormatOf(f.Name) == load.YAML {
			yamls = append(yamls, f.Name)
		}
	}
	if file == "" {
		if len(yamls) != 1 {
			return nil, "", usageHint(fmt.Sprintf("the ledger has %d YAML files; name the one to edit", len(yamls)), "claimdiff edit -f DIR FILE")
		}
		return found, yamls[0], nil
	}
	for _, y := range yamls {
		if filepath.Clean(y) == filepath.Clean(file) {
			return found, y, nil
		}
	}
	return nil, "", cli.Usagef("%s is not a YAML file of the ledger (%s)", file, strings.Join(yamls, ", "))
}

// askReopen asks on the terminal whether to open the file again.
func askReopen(ios *iostreams.IOStreams) (bool, error) {
	again := true
	confirm := huh.NewConfirm().Title("Reopen the file to fix them?").Affirmative("Reopen").Negative("Keep my text aside").Value(&again)
	err := huh.NewForm(huh.NewGroup(confirm)).WithInput(ios.In).WithOutput(ios.ErrOut).Run()
	if errors.Is(err, huh.ErrUserAborted) {
		return false, nil
	}
	return again, err
}

// reportEdit says what the edit changed: new warnings, and the disputes
// and claims it moved, when both versions of the ledger can be compared.
func reportEdit(ios *iostreams.IOStreams, g *globalOptions, before, after *claims.Ledger, files []load.File) error {
	if warns := ledgeredit.NewWarnings(before, after); len(warns) > 0 {
		st := render.NewStyles(ios.ErrOut, ios.ErrColorEnabled())
		_ = problemout.ProblemsText(ios.ErrOut, st, warns, problemout.ProblemOptions{Snippets: ios.ErrTTY, Lines: linesOf(files)})
	}
	if diag.HasErrors(before.Problems, false) || diag.HasErrors(after.Problems, false) {
		return nil
	}
	d := diff.Ledgers(before, after, g.analysis())
	if err := contrast.DiffText(ios.Out, render.NewStyles(ios.Out, ios.ColorEnabled()), d); err != nil {
		return err
	}
	fmt.Fprintf(ios.ErrOut, "claimdiff: %s\n", contrast.Summary(d))
	return nil
}
