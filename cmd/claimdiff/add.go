package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/diff"
	"github.com/claimdiff/claimdiff/claims/ledgerfile"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/contrast"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/ledgeredit"
	"github.com/claimdiff/claimdiff/internal/problemout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

type addOptions struct {
	IO     *iostreams.IOStreams
	Global *globalOptions

	// The claim and what to define with it.
	ledgeredit.Flags
	DryRun bool
	// Quiet leaves out what the claim changed, for entering many claims
	// in a row: only the line that says where it was added remains.
	Quiet bool

	// Ask fills in missing fields on a terminal; runAdd sets it to a form
	// when stdin and stderr are terminals, and tests to what they like.
	Ask func(opts *addOptions, l *claims.Ledger) error
}

func newAddCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &addOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Add a claim to the ledger from flags",
		Long: `Add writes a claim into the ledger: into the file that holds the topic's
claims, or the file -f names. It inserts the new lines after the last claim
and leaves every other byte of the file as it was: comments, order, blank
lines and quoting. It writes in the style of the claims already there (a
block each, or one {…} per line), atomically, keeping the file's mode.
With no ledger yet, it starts ./claims.yaml (or the file -f names).

It then says what the claim changed: a dispute opened, a position that
gained an origin, a revision, and any new lint warning.

--also SOURCE[:VIA,...] adds the same figure for further outlets in one go:
the same topic, value, date, as_of, context and denies, but not the quote,
which is one text's own words. An --id of the form SOURCE/NAME becomes
OTHER/NAME for each.

A source or topic that is not in the ledger is an error, unless
--new-source or --new-topic defines it. Each takes KEY=VALUE fields
separated by commas. --new-source (repeatable, one source each) takes
every field a source has: id=, name=, kind= (required; kind is one of
outlet, wire, official, person, government, document, dataset), url=,
published=, via= (repeatable), text= (an archived text's path, repeatable:
several make texts:), text-url= and text-date= (the url and date of the
text= before them), decimal=, date_order=, zone=, no_value= (repeatable)
and description=. A value that holds a comma goes in double quotes, with
"" for a quote inside it: name="BBC News, London". Quote the whole flag
for the shell: --new-source 'id=bbc,name="BBC News, London",kind=outlet'.
--new-topic[=type=TYPE,unit=UNIT,tolerance=T,question=Q,choices=A|B,changes=true]
says to define it; changes=true marks a topic whose true value moves over
time, so that only claims about the same moment (--as-of) are compared.

On a terminal, add asks for --topic, --value and --source when they are
missing; it never asks when stdin is not a terminal.`,
		Example: `  claimdiff add --topic plan.army-cap --value 600,000 --source reuters --date 2025-11-20
  claimdiff add --topic plan.army-cap --value 600,000 --source reuters --via reopen-media \
      --also we2news --also axios:novaya-gazeta --date 2025-11-20
  claimdiff add --topic crowd.size --value "about 8,000" --source police \
      --new-source 'id=police,name=City police,kind=government' --new-topic=type=number
  claimdiff add --topic storm.deaths --value "58 (estimated)" --source wire --date 2017-10-03T19:00-04:00 \
      --new-source 'id=wire,name=The Wire,kind=wire,text=texts/wire-1.txt,text=texts/wire-2.txt,text-url=https://example.org/2,text-date=2017-10-03'
  claimdiff add --topic storm.injured --value 489 --source police --as-of 2017-10-03 \
      --new-source 'id=police,name="City Police, North",kind=government,url=https://example.org,zone=America/Chicago' \
      --new-topic=type=number,unit=people,changes=true
  claimdiff add --topic plan.army-cap --value 600,000 --source bbc --dry-run`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.NewTopicSet = cmd.Flags().Changed("new-topic") && opts.NewTopic != "false"
			return runAdd(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Topic, "topic", "", "the topic the claim is about")
	f.StringVar(&opts.Value, "value", "", "the value, as the source wrote it (600,000, about 19%, G8, yes)")
	f.StringVar(&opts.Source, "source", "", "the origin: who made the claim")
	f.StringArrayVar(&opts.Via, "via", nil, "an outlet the claim passed through, nearest the origin first (repeatable)")
	f.StringVar(&opts.Date, "date", "", "when the source said it: YYYY-MM-DD, or a time 2017-10-03T19:00-04:00")
	f.StringVar(&opts.AsOf, "as-of", "", "the moment the claim is about, for topics whose value changes (a date or time, as --date)")
	f.StringVar(&opts.Quote, "quote", "", "the source's own words")
	f.StringArrayVar(&opts.Context, "context", nil, "a qualifier KEY=VALUE (repeatable)")
	f.StringVar(&opts.ID, "id", "", "the claim's id (default TOPIC@SOURCE)")
	f.BoolVar(&opts.Denies, "denies", false, "the source says the value is NOT this")
	f.StringVar(&opts.Note, "note", "", "a note for the desk")
	f.StringArrayVar(&opts.Also, "also", nil, "add the same figure for SOURCE[:VIA,...] too (repeatable)")
	f.StringArrayVar(&opts.NewSources, "new-source", nil, `define a source: id=ID,name=NAME,kind=KIND[,url=,published=,via=,text=,text-url=,text-date=,…] (repeatable; name="A, B" for a comma)`)
	f.StringVar(&opts.NewTopic, "new-topic", "", "define the topic, optionally with type=,unit=,tolerance=,question=,choices=A|B,changes=true")
	f.Lookup("new-topic").NoOptDefVal = ledgeredit.TopicAlone
	f.BoolVar(&opts.DryRun, "dry-run", false, "print the text add would insert, and write nothing")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "say only where the claim went, not what it changed (for entering many claims)")
	return cmd
}

func runAdd(opts *addOptions) error {
	ios := opts.IO
	files, created, err := addFiles(ios, opts.Global)
	if err != nil {
		return err
	}
	before, err := load.Load(files, opts.Global.loadOptions())
	if err != nil {
		return err
	}
	if err := refuseErrors(ios, before, linesOf(files), ""); err != nil {
		return err
	}
	if opts.Topic == "" || opts.Value == "" || opts.Source == "" {
		if opts.Ask == nil && ios.CanPrompt() {
			opts.Ask = askClaim
		}
		if opts.Ask != nil {
			if err := opts.Ask(opts, before); err != nil {
				return err
			}
		}
	}
	a, err := opts.Additions(before)
	if err != nil {
		return err
	}
	p, err := ledgeredit.Make(before, files, created, a)
	if err != nil {
		return err
	}
	after, err := load.Load(p.Updated(), opts.Global.loadOptions())
	if err != nil {
		return err
	}
	if errs := ledgeredit.Errors(after.Problems); len(errs) > 0 {
		st := render.NewStyles(ios.ErrOut, ios.ErrColorEnabled())
		_ = problemout.ProblemsText(ios.ErrOut, st, errs, problemout.ProblemOptions{Snippets: ios.ErrTTY, Lines: linesOf(p.Updated())})
		fmt.Fprintln(ios.ErrOut, "claimdiff: nothing was written: the ledger would have the problems above (lines as add would write the file)")
		return &cli.Silent{Code: cli.ExitUsage}
	}
	if err := ledgerfile.Added(before, after, p.Adds); err != nil {
		// The text went somewhere it changes more than the claim: a bug,
		// or a layout insertion does not know. Never write that.
		return fmt.Errorf("nothing was written: the new text would change more than the claim (%w); please report this with the ledger", err)
	}
	if opts.DryRun {
		printPlan(ios, p)
		return nil
	}
	if err := p.Write(); err != nil {
		return err
	}
	return reportAdded(ios, opts.Global, p, before, after, opts.Quiet)
}

// addFiles finds the ledger to add to: -f, or ./claims.yaml, or a new
// file when there is none (./claims.yaml, or a -f file that does not
// exist yet), which starts with the format version.
func addFiles(ios *iostreams.IOStreams, g *globalOptions) ([]load.File, string, error) {
	start := func(name string) ([]load.File, string, error) {
		return []load.File{{Name: name, Data: []byte("ledger: " + load.FormatVersion + "\n")}}, name, nil
	}
	// A pattern that matches nothing is not a name for a new file.
	if len(g.Files) == 1 && load.FormatOf(g.Files[0]) == load.YAML && !strings.ContainsAny(g.Files[0], "*?[") {
		if _, err := os.Stat(g.Files[0]); errors.Is(err, os.ErrNotExist) {
			return start(g.Files[0])
		}
	}
	found, err := load.Find(ios.Dir, g.Files)
	if errors.Is(err, load.ErrNoLedger) {
		name := load.DefaultFiles[0]
		if ios.Dir != "" && ios.Dir != "." {
			name = filepath.Join(ios.Dir, name)
		}
		return start(name)
	}
	if err != nil {
		return nil, "", err
	}
	for i, f := range found {
		if load.FormatOf(f.Name) != load.YAML {
			continue
		}
		data, err := os.ReadFile(f.Name)
		if err != nil {
			return nil, "", &load.InputError{Err: err}
		}
		found[i].Data = data
	}
	return found, "", nil
}

// printPlan shows a dry run: the text on stdout, where it goes on stderr.
func printPlan(ios *iostreams.IOStreams, p *ledgeredit.Plan) {
	for _, name := range p.Changed() {
		for i, r := range ledgerfile.Lines(p.Files[p.Index(name)].Data, p.Edits[name]) {
			e := p.Edits[name][i]
			fmt.Fprintf(ios.ErrOut, "claimdiff: would insert at %s:%d:\n", name, r[0])
			fmt.Fprint(ios.Out, e.Text)
			if !strings.HasSuffix(e.Text, "\n") {
				fmt.Fprintln(ios.Out)
			}
		}
	}
}

// reportAdded says where the new lines went, the new warnings, and what
// the claims changed: disputes opened and changed, and revisions.
func reportAdded(ios *iostreams.IOStreams, g *globalOptions, p *ledgeredit.Plan, before, after *claims.Ledger, quiet bool) error {
	if p.Created != "" {
		fmt.Fprintf(ios.ErrOut, "claimdiff: started %s\n", p.Created)
	}
	for _, name := range p.Changed() {
		a := p.Adds[name]
		var what []string
		for _, n := range []struct {
			k    int
			noun string
		}{{len(a.Claims), "claim"}, {len(a.Sources), "source"}, {len(a.Topics), "topic"}} {
			if n.k > 0 {
				what = append(what, render.Plural(n.k, n.noun))
			}
		}
		var at []string
		for _, r := range ledgerfile.Lines(p.Files[p.Index(name)].Data, p.Edits[name]) {
			if r[0] == r[1] {
				at = append(at, fmt.Sprint(r[0]))
			} else {
				at = append(at, fmt.Sprintf("%d-%d", r[0], r[1]))
			}
		}
		lines := "lines"
		if len(at) == 1 && !strings.Contains(at[0], "-") {
			lines = "line"
		}
		fmt.Fprintf(ios.ErrOut, "claimdiff: added %s to %s (%s %s)\n", strings.Join(what, ", "), name, lines, strings.Join(at, ", "))
	}
	if warns := ledgeredit.NewWarnings(before, after); len(warns) > 0 {
		st := render.NewStyles(ios.ErrOut, ios.ErrColorEnabled())
		_ = problemout.ProblemsText(ios.ErrOut, st, warns, problemout.ProblemOptions{Snippets: ios.ErrTTY, Lines: linesOf(p.Updated())})
	}
	if quiet {
		return nil
	}
	st := render.NewStyles(ios.Out, ios.ColorEnabled())
	d := diff.Ledgers(before, after, g.analysis())
	if err := contrast.DiffText(ios.Out, st, d); err != nil {
		return err
	}
	added := map[string]bool{}
	for _, c := range d.Claims {
		if c.Kind == diff.Added {
			added[c.ID] = true
		}
	}
	var revs []string
	for _, r := range claims.Analyze(after, g.analysis()).Revisions {
		if added[r.FromClaim] || added[r.ToClaim] {
			revs = append(revs, r.String())
		}
	}
	if len(revs) > 0 {
		fmt.Fprintf(ios.Out, "\n%s\n", st.Paint(st.Header, "Revisions"))
		for _, r := range revs {
			fmt.Fprintf(ios.Out, "  %s\n", safetext.Line(r))
		}
	}
	if len(d.Disputes) == 0 && len(revs) == 0 {
		fmt.Fprintln(ios.ErrOut, "claimdiff: no dispute opened or changed")
	}
	return nil
}

// askClaim asks on the terminal for the topic, value and source that the
// flags left out, offering the ledger's own ids.
func askClaim(opts *addOptions, l *claims.Ledger) error {
	var srcIDs []string
	for _, s := range l.Sources.All() {
		srcIDs = append(srcIDs, s.ID)
	}
	nonEmpty := func(what string) func(string) error {
		return func(s string) error {
			if strings.TrimSpace(s) == "" {
				return fmt.Errorf("a claim needs a %s", what)
			}
			return nil
		}
	}
	var fields []huh.Field
	if opts.Topic == "" {
		fields = append(fields, huh.NewInput().Title("Topic").Description("what the claim is about, such as plan.army-cap").
			Suggestions(l.TopicOrder).Validate(nonEmpty("topic")).Value(&opts.Topic))
	}
	if opts.Value == "" {
		fields = append(fields, huh.NewInput().Title("Value").Description("as the source wrote it: 600,000, about 19%, G8, yes").
			Validate(nonEmpty("value")).Value(&opts.Value))
	}
	if opts.Source == "" {
		fields = append(fields, huh.NewInput().Title("Source").Description("who made the claim").
			Suggestions(srcIDs).Validate(nonEmpty("source")).Value(&opts.Source))
	}
	if opts.Date == "" {
		fields = append(fields, huh.NewInput().Title("Date").Description("when the source said it, YYYY-MM-DD (optional)").
			Validate(func(s string) error {
				if s != "" && !claims.IsDate(s) {
					return fmt.Errorf("write the date as YYYY-MM-DD")
				}
				return nil
			}).Value(&opts.Date))
	}
	form := huh.NewForm(huh.NewGroup(fields...)).WithInput(opts.IO.In).WithOutput(opts.IO.ErrOut)
	if err := form.Run(); err != nil {
		if errors.Is(err, huh.ErrUserAborted) {
			return &cli.Silent{Code: cli.ExitUsage}
		}
		return err
	}
	return nil
}
