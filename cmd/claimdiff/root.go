package main

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// version is set at build time with -ldflags "-X main.version=..."; a
// plain go install falls back to the module version.
var version = ""

func run() int {
	defer handleSignals(os.Stderr)()
	return runWith(iostreams.System(), os.Args[1:])
}

// runWith runs one command line against the given streams and returns the
// exit code. It is the boundary where any panic left in claimdiff becomes a
// short message instead of a stack trace.
func runWith(ios *iostreams.IOStreams, args []string) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(ios.ErrOut, "claimdiff: internal error: %s\n", safetext.Line(fmt.Sprint(p)))
			fmt.Fprintln(ios.ErrOut, "this is a bug; please report it with the command and the ledger that caused it")
			code = cli.ExitUsage
		}
	}()
	root, g := newRoot(ios)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if perr := g.profile.stop(); err == nil && perr != nil {
		err = perr
	}
	if err == nil {
		return cli.ExitOK
	}
	var silent *cli.Silent
	switch {
	case errors.As(err, &silent):
		return silent.Code
	case errors.Is(err, cli.ErrGateFailed):
		return cli.ExitFailed
	}
	fmt.Fprintf(ios.ErrOut, "claimdiff: %s\n", safetext.Terminal(err.Error()))
	var hinted *cli.HintError
	if errors.As(err, &hinted) {
		fmt.Fprintf(ios.ErrOut, "  hint: %s\n", safetext.Terminal(hinted.Hint))
	}
	var usage *cli.UsageError
	if errors.As(err, &usage) && cmd != nil {
		fmt.Fprintf(ios.ErrOut, "run '%s --help' for usage\n", cmd.CommandPath())
	}
	return cli.ExitUsage
}

// commands lists every subcommand's constructor. A new command adds its
// own here: one list says what claimdiff can do.
func commands() []func(*iostreams.IOStreams, *globalOptions) *cobra.Command {
	return []func(*iostreams.IOStreams, *globalOptions) *cobra.Command{
		newDisputedCmd, newListCmd, newSourcesCmd, newReportCmd, newGraphCmd,
		newCheckCmd, newDiffCmd, newCompareCmd, newExportCmd, newLintCmd,
		newSchemaCmd, newExampleCmd, newResolveCmd,
		newAddCmd, newFmtCmd, newEditCmd, newImportCmd, newTimelineCmd, newExtractCmd,
	}
}

// globalOptions are the flags every command shares.
type globalOptions struct {
	Files []string
	Color string
	// Today decides whether acknowledgements have expired. A fixed date
	// lets CI and tests give the same answer on any day.
	Today string
	today time.Time
	// Width is --width, the width of text tables; 0 means the terminal's,
	// or $COLUMNS when Out is not a terminal.
	Width int
	// NoPager keeps long output off $PAGER on a terminal.
	NoPager bool
	// maxFileBytes caps one ledger file, from CLAIMDIFF_MAX_FILE_BYTES;
	// 0 means the loader's default.
	maxFileBytes int64
	// SkipInvalid is --skip-invalid, on the commands that load claims
	// (skipFlag): loadLedger leaves out the claims that cannot be read
	// and keeps what it left out in skipped.
	SkipInvalid bool
	skipped     *load.Skipped
	// profile is the hidden --cpuprofile and --memprofile, for finding
	// where a large ledger's time goes.
	profile profiles
}

// loadOptions are how commands load ledgers, as the environment says.
func (g *globalOptions) loadOptions() load.Options {
	return load.Options{MaxFileBytes: cmp.Or(g.maxFileBytes, load.DefaultMaxFileBytes)}
}

// analysis is how commands analyse the ledger, as the flags say.
func (g *globalOptions) analysis() claims.Options { return claims.Options{Today: g.today} }

// readToday reads --today, or CLAIMDIFF_TODAY when the flag is not given;
// the zero time means the real date.
func (g *globalOptions) readToday(ios *iostreams.IOStreams) error {
	what := "--today"
	if g.Today == "" {
		what, g.Today = "CLAIMDIFF_TODAY", ios.Getenv("CLAIMDIFF_TODAY")
	}
	if g.Today == "" {
		return nil
	}
	t, err := time.Parse(time.DateOnly, g.Today)
	if err != nil {
		return cli.Usagef("%s must be a date YYYY-MM-DD, not %q", what, g.Today)
	}
	g.today = t
	return nil
}

// newRoot builds the command tree, and returns with it the options its
// flags fill, which runWith needs after the command to finish a profile.
func newRoot(ios *iostreams.IOStreams) (*cobra.Command, *globalOptions) {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "claimdiff",
		Short: "Compare the claims sources make about a story",
		Long: `claimdiff reads a YAML ledger of atomic claims, each tagged with the source
that made it, works out which claims agree and which contradict, and how much
independent support each side has.

Without -f it reads claims.yaml (or claims.yml) in the working directory, and
read-only commands fall back to a built-in example ledger about the November
2025 US 28-point peace plan.`,
		Example: `  claimdiff disputed                 # disputes in ./claims.yaml, or the example
  claimdiff lint -f ledger/          # check every ledger file in a directory
  claimdiff example > claims.yaml    # start a ledger from the example`,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if err := g.readLimits(ios); err != nil {
				return err
			}
			if err := g.readToday(ios); err != nil {
				return err
			}
			if err := g.readWidth(ios, cmd.Flags().Changed("width")); err != nil {
				return err
			}
			if g.NoPager {
				ios.Pager = ""
			}
			if err := g.profile.start(); err != nil {
				return err
			}
			switch g.Color {
			case "auto", "always", "never":
				ios.ColorMode = g.Color
			default:
				return cli.Usagef("--color must be auto, always or never, not %q", g.Color)
			}
			return nil
		},
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetVersionTemplate("claimdiff {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &cli.UsageError{Err: err} })
	root.CompletionOptions.HiddenDefaultCmd = false

	pf := root.PersistentFlags()
	pf.StringArrayVarP(&g.Files, "file", "f", nil, "ledger file or directory (repeatable; default ./claims.yaml)")
	pf.StringVar(&g.Color, "color", "auto", "colour output: auto, always or never (NO_COLOR turns auto off)")
	pf.StringVar(&g.Today, "today", "", "the date YYYY-MM-DD that decides whether acknowledgements have expired (default $CLAIMDIFF_TODAY, else today)")
	pf.IntVar(&g.Width, "width", 0, "the width of text tables (default: the terminal's, or $COLUMNS when piped, else 100)")
	pf.BoolVar(&g.NoPager, "no-pager", false, "never send long output on a terminal through $PAGER (default less -FRX)")
	g.profile.flags(pf)
	_ = root.RegisterFlagCompletionFunc("color", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp
	})
	_ = root.MarkPersistentFlagFilename("file", "yaml", "yml")
	_ = root.RegisterFlagCompletionFunc("today", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveNoFileComp
	})

	for _, newCmd := range commands() {
		root.AddCommand(newCmd(ios, g))
	}
	completeFromLedger(root, ios, g)
	// cobra adds completion when it runs; add it now to hide its flags too.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "schema", "example", "completion":
			hideGlobalFlags(c)
		}
	}
	// Unknown commands and bad arguments are usage errors (exit 2).
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	return root, g
}

// globalFlags are the persistent flags that read a ledger; commands that
// read none (schema, example, completion) leave them out of their help.
var globalFlags = []string{"file", "color", "today", "width", "no-pager"}

// hideGlobalFlags leaves the ledger's flags out of c's help (and its
// subcommands'): they are still accepted, and ignored, so that a script
// that passes -f to every command keeps working.
func hideGlobalFlags(c *cobra.Command) {
	c.SetHelpFunc(func(cmd *cobra.Command, args []string) {
		pf := cmd.Root().PersistentFlags()
		for _, name := range globalFlags {
			if f := pf.Lookup(name); f != nil {
				f.Hidden = true
				defer func() { f.Hidden = false }()
			}
		}
		cmd.Root().HelpFunc()(cmd, args)
	})
}

// wrapArgs marks argument-count errors as usage errors.
func wrapArgs(c *cobra.Command) {
	if c.Args == nil {
		return
	}
	check := c.Args
	c.Args = func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &cli.UsageError{Err: err}
		}
		return nil
	}
}

func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return strings.TrimPrefix(info.Main.Version, "v")
	}
	return "dev (ledger format " + load.FormatVersion + ")"
}

// page sends what a command prints next on a terminal through $PAGER, as
// git does, until the returned function runs; tests and pipes never see a
// pager. Messages on stderr wait until the pager is done.
func page(ios *iostreams.IOStreams) (done func()) {
	_ = ios.StartPager()
	return ios.StopPager
}

// readWidth decides the width of text tables: --width, else the
// terminal's, else $COLUMNS (which a shell sets but does not export, so
// "COLUMNS=$COLUMNS claimdiff disputed | less" passes it through a pipe).
// A $COLUMNS that is not a positive number is ignored.
func (g *globalOptions) readWidth(ios *iostreams.IOStreams, set bool) error {
	if set {
		if g.Width <= 0 {
			return cli.Usagef("--width must be a positive number of columns, not %d", g.Width)
		}
		ios.TermWidth = g.Width
		return nil
	}
	if ios.OutTTY && ios.TermWidth > 0 {
		return nil
	}
	if n, err := strconv.Atoi(ios.Getenv("COLUMNS")); err == nil && n > 0 {
		ios.TermWidth = n
	}
	return nil
}

// readLimits reads CLAIMDIFF_MAX_FILE_BYTES, which lowers or raises the
// cap on one ledger file.
func (g *globalOptions) readLimits(ios *iostreams.IOStreams) error {
	v := ios.Getenv("CLAIMDIFF_MAX_FILE_BYTES")
	if v == "" {
		return nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		return cli.Usagef("CLAIMDIFF_MAX_FILE_BYTES must be a positive number of bytes, not %q", v)
	}
	g.maxFileBytes = n
	return nil
}
