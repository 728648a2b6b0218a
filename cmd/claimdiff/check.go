package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/assert"
	"github.com/claimdiff/claimdiff/claims/check"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/atomicfile"
	"github.com/claimdiff/claimdiff/internal/checkreport"
	"github.com/claimdiff/claimdiff/internal/cli"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/render"
)

type checkOptions struct {
	IO             *iostreams.IOStreams
	Global         *globalOptions
	Format         string
	FormatSet      bool
	Claims         []string
	Contexts       []string
	Files          []string
	FailOn         []string
	Disputes       string
	Quotes         bool
	QuoteThreshold float64
	Outputs        []string
	// NoEstimate keeps the likely value out of verdicts.
	NoEstimate bool
}

func newCheckCmd(ios *iostreams.IOStreams, g *globalOptions) *cobra.Command {
	opts := &checkOptions{IO: ios, Global: g}
	cmd := &cobra.Command{
		Use:   "check [FILE.yaml | DOC.md]...",
		Short: "Check assertions, disputes and quotes against the ledger; fail a build",
		Long: `Check is the gate for CI. It does up to three things:

Assertions (--claim TOPIC=VALUE, a YAML list of {topic, value, context}, or a
Markdown draft whose links such as [600,000 troops](claim:plan.army-cap) tie
a figure to a topic) each get a verdict:
  supported    agrees with every live claim on the topic, or with the value
               the desk settled a resolved dispute on
  refuted      conflicts with every claim (or with the settled value)
  conflicting  agrees with some claims and not others: the topic is
               disputed and the assertion takes one side
  unverified   no claims to compare with: none on the topic, none in the
               assertion's context, or none in its currency
A conflicting or refuted verdict also names the ledger's likely value when it
differs from the assertion, with its confidence: claimdiff resolve's estimate
from the sources' agreement, not a fact (--no-estimate leaves it out). A
value the desk settled a dispute on wins over it.
An assertion without context is compared with claims without context; give
one with --context KEY=VALUE, context: in YAML, or ?context=KEY=VALUE in a
link. --context also keeps --disputes and --quotes to the disputes and
claims whose context matches it, as the other commands' --context does
(a glob: --context 'period=sep-*'). In a link, ?value=VALUE asserts VALUE where the prose cannot, as in
[not waived](claim:tolls-waived?value=no). A value that does not read as
the topic's type is invalid.

--disputes new fails on disputes with no disputes: entry (or one that says
open) and on entries whose until has passed; --disputes any also fails on
acknowledged ones. Resolved and dismissed disputes pass.

--quotes checks each claim's quote against the archived text (text:) of the
sources on its chain. Case, white space, quote marks and dashes do not
matter; otherwise the closest passage must reach --quote-threshold and hold
every figure the quote has. A quote with no archived text on its chain is
reported as unchecked, not passed.

Formats: text, json, github (workflow annotations), sarif (SARIF 2.1.0, for
code scanning), junit (JUnit XML for Jenkins xUnit and most dashboards),
junit-ant (JUnit XML for Ant's schema), rdjsonl (reviewdog's diagnostics, one
per line) and gitlab (a GitLab Code Quality report). -o writes to a file
instead of stdout, atomically; it may be repeated, and then each file's
extension picks its format: .txt, .json, .sarif (or .sarif.json), .xml
(JUnit), .rdjsonl, and .gitlab.json or gl-code-quality-report.json
(GitLab). With one -o, --format wins over the extension when given.

Exit status: 0 when nothing fails, 1 when an assertion's verdict is one of
--fail-on, a dispute fails the gate or a quote mismatches, 2 for usage
errors, unreadable input, invalid values and unreadable texts. With
GITHUB_ACTIONS=true the format defaults to github annotations.`,
		Example: `  claimdiff check --claim plan.army-cap=600,000
  claimdiff check draft.md --fail-on refuted
  claimdiff check assertions.yaml --format json
  claimdiff check --disputes new --quotes --format sarif -o check.sarif
  claimdiff check draft.md -o check.sarif -o junit.xml -o gl-code-quality-report.json
  claimdiff check --disputes new --today 2026-01-31`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			opts.FormatSet = cmd.Flags().Changed("format")
			return runCheck(opts)
		},
	}
	cli.FormatFlag(cmd, &opts.Format, checkreport.Formats...)
	f := cmd.Flags()
	f.StringArrayVar(&opts.Claims, "claim", nil, "assert TOPIC=VALUE (repeatable)")
	f.StringArrayVar(&opts.Contexts, "context", nil, "context KEY=VALUE of the --claim assertions; it also keeps --disputes and --quotes to disputes and claims in a context matching it, as a glob (repeatable)")
	f.StringSliceVar(&opts.FailOn, "fail-on", verdictNames(check.FailingVerdicts), "verdicts that fail: refuted, conflicting, unverified, supported, or none")
	f.StringVar(&opts.Disputes, "disputes", "", "fail on disputes: new (no disputes: entry, or expired) or any (all but resolved and dismissed)")
	f.BoolVar(&opts.Quotes, "quotes", false, "check each claim's quote against the archived texts on its chain")
	f.Float64Var(&opts.QuoteThreshold, "quote-threshold", check.DefaultQuoteThreshold, "least similarity (0 to 1) of the closest passage for a quote that is not verbatim")
	f.StringArrayVarP(&opts.Outputs, "output", "o", nil, "write the results to this file instead of stdout (repeatable; the extension picks the format)")
	estimateFlag(cmd, &opts.NoEstimate)
	completeWords(cmd, "disputes", check.GateNew, check.GateAny)
	completeWords(cmd, "fail-on", append(verdictNames(check.Verdicts), "none")...)
	skipFlag(cmd, g)
	return cmd
}

func verdictNames(vs []check.Verdict) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// flags checks the flags and reads the --claim assertions.
func (o *checkOptions) flags() (failOn []check.Verdict, as []assert.Assertion, err error) {
	for _, s := range o.FailOn {
		if strings.TrimSpace(s) == "none" {
			continue
		}
		v, ok := check.ParseVerdict(s)
		if !ok {
			return nil, nil, cli.Usagef("unknown verdict %q for --fail-on; choose %s or none", s, strings.Join(verdictNames(check.Verdicts), ", "))
		}
		failOn = append(failOn, v)
	}
	switch o.Disputes {
	case "", check.GateNew, check.GateAny:
	default:
		return nil, nil, cli.Usagef("--disputes must be new or any, not %q", o.Disputes)
	}
	if !(o.QuoteThreshold >= 0 && o.QuoteThreshold <= 1) {
		return nil, nil, cli.Usagef("--quote-threshold must be between 0 and 1, not %v", o.QuoteThreshold)
	}
	var pairs [][2]string
	for _, c := range o.Contexts {
		p, err := assert.ParseContextFlag(c)
		if err != nil {
			return nil, nil, &cli.UsageError{Err: err}
		}
		pairs = append(pairs, p)
	}
	for _, c := range o.Claims {
		a, err := assert.ParseFlag(c)
		if err != nil {
			return nil, nil, &cli.UsageError{Err: err}
		}
		a.Context = assert.Context(pairs)
		as = append(as, a)
	}
	if len(as) == 0 && len(o.Files) == 0 && o.Disputes == "" && !o.Quotes {
		return nil, nil, cli.Usagef("nothing to check: give --claim, assertion files or Markdown documents, --disputes or --quotes")
	}
	return failOn, as, nil
}

// readAssertions reads the assertion files. A problem in one becomes an
// invalid assertion in its place, judged beside the others, so that one
// bad line never hides the rest; invalid assertions still make check exit 2.
func readAssertions(ios *iostreams.IOStreams, files []string) ([]assert.Assertion, error) {
	var out []assert.Assertion
	var problems []diag.Problem
	for _, name := range files {
		as, ps, err := assert.ReadFile(name)
		if errors.Is(err, assert.ErrUnknownKind) {
			return nil, &cli.UsageError{Err: err}
		}
		if err != nil {
			return nil, err
		}
		out = append(out, as...)
		problems = append(problems, ps...)
	}
	return assert.WithProblems(out, problems), nil
}

func runCheck(opts *checkOptions) error {
	ios := opts.IO
	failOn, as, err := opts.flags()
	if err != nil {
		return err
	}
	format := opts.Format
	if !opts.FormatSet && ios.Getenv("GITHUB_ACTIONS") == "true" {
		format = "github"
	}
	targets, err := cli.Outputs{Paths: opts.Outputs, Format: format, FormatSet: opts.FormatSet,
		FormatOf: checkreport.FormatFor, Known: "use one of " + checkreport.Extensions() + " (or --format with a single -o)"}.Targets()
	if err != nil {
		return err
	}
	fromFiles, err := readAssertions(ios, opts.Files)
	if err != nil {
		return err
	}
	as = append(as, fromFiles...)
	l, err := loadGateLedger(ios, opts.Global)
	if err != nil {
		return err
	}
	a := claims.Analyze(l, opts.Global.analysis())
	var estimate func() *resolve.Result
	if !opts.NoEstimate {
		estimate = func() *resolve.Result { return resolve.Run(a, resolve.Options{}) }
	}
	report := &check.CheckReport{Results: check.ClaimsLikely(a, as, failOn, estimate), Gate: opts.Disputes, Threshold: opts.QuoteThreshold}
	// --context narrows the gates as it narrows every command's output;
	// the assertions took it as their own context above.
	only := claims.Filter{Contexts: opts.Contexts}
	if len(opts.Contexts) > 0 {
		sayUnmatched(ios, a, only)
	}
	if opts.Disputes != "" {
		report.Disputes = check.Disputes(a.Narrow(only), opts.Disputes)
	}
	if opts.Quotes {
		report.Quotes = check.QuotesWhere(l, opts.QuoteThreshold, func(c *claims.Claim) bool { return only.MatchContext(c.Context) })
		if report.Quotes == nil {
			report.Quotes = []check.QuoteResult{}
		}
	}
	for _, t := range targets {
		write := func(w io.Writer, color bool) error {
			return checkreport.Write(w, t.Format, report, checkreport.Options{Styles: render.NewStyles(w, color), Version: versionString(),
				TopicPos: checkreport.TopicPos(l), Warn: ios.ErrOut, Skipped: skippedJSON(opts.Global.skipped)})
		}
		if t.Path != "" {
			// Files never carry colour.
			if err := atomicfile.WriteFunc(t.Path, func(w io.Writer) error { return write(w, false) }); err != nil {
				return err
			}
			continue
		}
		if err := write(ios.Out, t.Format == "text" && ios.ColorEnabled()); err != nil {
			return err
		}
		if t.Format == "text" {
			if line := checkreport.Summary(report); line != "" {
				fmt.Fprintf(ios.ErrOut, "claimdiff check: %s\n", line)
			}
		}
	}
	sum := report.Summary()
	switch {
	case sum.Invalid > 0:
		return &cli.Silent{Code: cli.ExitUsage}
	case sum.Failed > 0:
		return cli.ErrGateFailed
	}
	return nil
}
