package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/diff"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/contrast"
	"github.com/claimdiff/claimdiff/internal/gitread"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

type diffOptions struct {
	IO       *iostreams.IOStreams
	Global   *globalOptions
	Format   string
	FailOn   string
	Old, New string
}

func newDiffCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &diffOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show how a change to the ledger moves its claims and disputes",
		Long: `Diff compares two versions of a ledger and reports the disputes the change
opened, closed or changed (a new position, a position gaining or losing
origins, a new severity, kind or status), then the topics whose definition
it changed (a tolerance added or changed), and the claims it added, removed,
changed, moved to another source, reworded or renamed.

OLD and NEW are each a file, a directory, or REV:PATH read from git, such as
origin/main:claims.yaml or HEAD~1:ledger, without a checkout. As in git, PATH
is from the top of the repository (REV:./PATH from the working directory). An
argument with a colon is always read from git, even when a file of that name
exists (it says so); name such a file ./FILE. Claims are matched by id, or else
by topic, source and context, so a renamed id shows as a rename. A value
written another way that means the same (600k and 600,000) is a rewording,
not a change.

It exits 0 whatever it finds, unless --fail-on makes it a gate that exits 1:
  opened   when the change opens a dispute
  changed  when it opens a dispute or changes one (closing one never fails)
  any      when it changes anything at all, even a rewording`,
		Example: `  claimdiff diff origin/main:claims.yaml claims.yaml
  claimdiff diff HEAD~1:ledger ledger --fail-on opened
  claimdiff diff old.yaml new.yaml --format md > comment.md
  claimdiff diff main:claims.yaml claims.yaml --format json | jq .disputes.opened`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Old, opts.New = args[0], args[1]
			return runDiff(opts)
		},
	}
	cli.FormatFlag(cmd, &opts.Format, "text", "md", "json")
	cmd.Flags().StringVar(&opts.FailOn, "fail-on", "", "exit 1 when the change does this: opened, changed or any")
	completeWords(cmd, "fail-on", "opened", "changed", "any")
	skipFlag(cmd, g)
	return cmd
}

func runDiff(opts *diffOptions) error {
	switch opts.FailOn {
	case "", "opened", "changed", "any":
	default:
		return cli.Usagef("--fail-on must be opened, changed or any, not %q", opts.FailOn)
	}
	if len(opts.Global.Files) > 0 {
		return cli.Usagef("diff takes the two ledgers as arguments, not -f")
	}
	ios := opts.IO
	old, err := loadSide(ios, opts.Global, opts.Old)
	if err != nil {
		return err
	}
	// Each side keeps what --skip-invalid left out of it.
	oldSkipped := skippedJSON(opts.Global.skipped)
	cur, err := loadSide(ios, opts.Global, opts.New)
	if err != nil {
		return err
	}
	d := diff.Ledgers(old, cur, opts.Global.analysis())
	oldSide := contrast.Side{Label: opts.Old, Ledger: old, Skipped: oldSkipped}
	newSide := contrast.Side{Label: opts.New, Ledger: cur, Skipped: skippedJSON(opts.Global.skipped)}
	switch opts.Format {
	case "json":
		err = contrast.DiffJSON(ios.Out, oldSide, newSide, d)
	case "md":
		err = contrast.DiffMarkdown(ios.Out, oldSide, newSide, d)
	default:
		err = contrast.DiffText(ios.Out, render.NewStyles(ios.Out, ios.ColorEnabled()), d)
		if err == nil {
			fmt.Fprintln(ios.ErrOut, contrast.Summary(d))
		}
	}
	if err != nil {
		return err
	}
	return diffGate(ios, opts.FailOn, d)
}

// diffGate fails with exit 1 when the change does what --fail-on guards
// against, saying so on stderr.
func diffGate(ios *iostreams.IOStreams, failOn string, d *diff.Diff) error {
	why := contrast.GateReason(failOn, d)
	if why == "" {
		return nil
	}
	fmt.Fprintf(ios.ErrOut, "claimdiff: --fail-on %s: %s\n", failOn, safetext.Line(why))
	return cli.ErrGateFailed
}

// isRevPath tells REV:PATH from a file. An argument with a colon and a
// revision always means git: a pull request can commit a file named
// origin/main:claims.yaml, and if that file won the CI gate would compare
// the new ledger with itself. A file is named explicitly: ./PATH, ../PATH
// or an absolute path.
func isRevPath(arg string) bool {
	if _, _, ok := gitread.Split(arg); !ok {
		return false
	}
	sep := string(filepath.Separator)
	for _, prefix := range []string{"./", "../", "." + sep, ".." + sep} {
		if strings.HasPrefix(arg, prefix) {
			return false
		}
	}
	return !filepath.IsAbs(arg) && filepath.VolumeName(arg) == ""
}

// noteShadowed says on stderr that a file has the name of a REV:PATH read
// from git, so that neither reading is a silent surprise.
func noteShadowed(ios *iostreams.IOStreams, arg string) {
	if _, err := os.Lstat(arg); err != nil {
		return
	}
	a := safetext.Line(arg)
	fmt.Fprintf(ios.ErrOut, "claimdiff: note: %s is read from git, though a file of that name exists; ./%s would read the file\n", a, a)
}

// loadSide loads one side of a diff: files and directories as -f does,
// REV:PATH through git, with the same loader either way. A side with
// errors cannot be compared: its problems go to stderr and the command
// exits 2, as loadLedger does.
func loadSide(ios *iostreams.IOStreams, g *globalOptions, arg string) (*claims.Ledger, error) {
	var files []load.File
	mem := map[string][]byte{}
	if isRevPath(arg) {
		noteShadowed(ios, arg)
		// A side read from git is held in memory whole, so all its files
		// together are capped as one file on disk is.
		limit := g.loadOptions().MaxFileBytes
		blobs, err := gitread.Read(arg, gitread.Options{Dir: ios.Dir, MaxFileBytes: limit, MaxTotalBytes: limit,
			MaxFiles: load.MaxFiles, Keep: load.IsLedgerFile})
		if err != nil {
			return nil, &load.InputError{Err: err}
		}
		for _, f := range blobs {
			files = append(files, load.File{Name: f.Name, Data: f.Data})
			mem[f.Name] = f.Data
		}
	} else {
		found, err := load.Find(ios.Dir, []string{arg})
		if err != nil {
			return nil, err
		}
		files = found
	}
	l, err := load.Load(files, g.loadOptions())
	if err != nil {
		return nil, err
	}
	skipUnread(ios, g, l)
	lines := newSnippetLines(mem)
	defer lines.Close()
	if err := refuseErrors(ios, l, lines.line, safetext.Line(arg)); err != nil {
		return nil, err
	}
	return l, nil
}
