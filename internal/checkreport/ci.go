package checkreport

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/claims/check"
	"github.com/claimdiff/claimdiff/internal/junit"
	"github.com/claimdiff/claimdiff/internal/safetext"
	"github.com/claimdiff/claimdiff/internal/sarif"
)

// finding is one line of CI output, whatever the format: what SARIF calls
// a result, GitHub an annotation.
type finding struct {
	rule  string // SARIF rule id
	level string // error, warning or note (notice on GitHub)
	title string
	msg   string
	file  string
	line  int
	col   int
	props map[string]any
}

// findings lists what CI should show: every assertion but supported ones
// (supported ones too when withPassing), failing disputes and quotes that
// did not match.
func findings(r *check.CheckReport, withPassing bool) []finding {
	var out []finding
	for i := range r.Results {
		x := &r.Results[i]
		f := finding{title: "claimdiff: " + string(x.Verdict), msg: assertionTitle(x) + ": " + x.Message,
			file: x.Pos.File, line: x.Pos.Line, col: x.Pos.Col,
			props: map[string]any{"topic": x.Topic, "asserted": x.Asserted, "verdict": string(x.Verdict)}}
		switch {
		case x.Verdict == check.Invalid:
			f.rule, f.level = "invalid-value", "error"
		case x.Verdict == check.Supported:
			if !withPassing {
				continue
			}
			f.rule, f.level = "supported", "note"
		case x.Fails:
			f.rule, f.level = string(x.Verdict), "error"
		default:
			f.rule, f.level = string(x.Verdict), "warning"
		}
		out = append(out, f)
	}
	for i := range r.Disputes {
		g := &r.Disputes[i]
		if !g.Fails {
			continue
		}
		out = append(out, finding{rule: "dispute", level: "error", title: "claimdiff: dispute",
			msg: disputeTitle(g) + ": " + g.Message, file: g.Pos.File, line: g.Pos.Line, col: g.Pos.Col,
			props: map[string]any{"topic": g.Topic, "status": g.Status, "severity": string(g.Severity)}})
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		f := finding{title: "claimdiff: quote " + string(q.Status), msg: "claim " + q.Claim + ": " + q.Message,
			file: q.Pos.File, line: q.Pos.Line, col: q.Pos.Col,
			props: map[string]any{"claim": q.Claim, "status": string(q.Status), "similarity": q.Similarity}}
		switch q.Status {
		case check.QuoteMatched, check.QuoteClose:
			continue
		case check.QuoteUnchecked:
			f.rule, f.level = "quote-unchecked", "note"
		case check.QuoteUnreadable:
			f.rule, f.level = "quote-unreadable", "error"
		default:
			f.rule, f.level = "quote-mismatch", "error"
			f.msg += fmt.Sprintf("\nquote: %q\nclosest: %q", oneLine(q.Quote), oneLine(q.Passage))
		}
		out = append(out, f)
	}
	return out
}

// GitHub writes workflow annotations, "::error file=…,line=…,col=…,
// title=…::message": errors for what fails, warnings for verdicts that do
// not, notices for supported assertions and unchecked quotes. Properties
// and the message are escaped as GitHub specifies, and workflow commands
// inside untrusted text are neutralised first.
func GitHub(w io.Writer, r *check.CheckReport) error {
	var b strings.Builder
	for _, f := range findings(r, true) {
		level := f.level
		if level == "note" {
			level = "notice"
		}
		var props []string
		if f.file != "" {
			props = append(props, "file="+safetext.GitHubProperty(f.file))
			if f.line > 0 {
				props = append(props, fmt.Sprintf("line=%d", f.line))
			}
			if f.col > 0 {
				props = append(props, fmt.Sprintf("col=%d", f.col))
			}
		}
		props = append(props, "title="+safetext.GitHubProperty(f.title))
		fmt.Fprintf(&b, "::%s %s::%s\n", level, strings.Join(props, ","), safetext.GitHubData(f.msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// rules are check's SARIF rules, one per kind of finding.
var rules = []sarif.Rule{
	{ID: "refuted", Name: "Refuted", Short: "An assertion conflicts with every claim in the ledger",
		Help: "Correct the value, or add the claim that backs it to the ledger."},
	{ID: "conflicting", Name: "Conflicting", Short: "An assertion takes one side of a disputed topic",
		Help: "Say that the figure is disputed, or settle the dispute in the ledger's disputes: section."},
	{ID: "unverified", Name: "Unverified", Short: "The ledger has no claims to check an assertion against",
		Help: "Add the claims that back the value, or check the topic id and context."},
	{ID: "invalid-value", Name: "InvalidValue", Short: "An asserted value does not read as its topic's type",
		Help: "Write the value as the topic's type expects (a number, a date, one of the choices...)."},
	{ID: "supported", Name: "Supported", Short: "An assertion agrees with the ledger"},
	{ID: "dispute", Name: "Dispute", Short: "A dispute nobody has acknowledged, or whose acknowledgement expired",
		Help: "Acknowledge, resolve or dismiss it in the ledger's disputes: section, with a reason."},
	{ID: "quote-mismatch", Name: "QuoteMismatch", Short: "A quote is not in the archived text of any source on its chain",
		Help: "Quote the source verbatim, or fix the archived text."},
	{ID: "quote-unchecked", Name: "QuoteUnchecked", Short: "No source on a quote's chain has an archived text",
		Help: "Archive the source's text and name it with text: so the quote can be checked."},
	{ID: "quote-unreadable", Name: "QuoteUnreadable", Short: "An archived text could not be read"},
}

// SARIF writes a SARIF 2.1.0 log for code scanning. Supported assertions
// and matched quotes are not results: code scanning shows every result
// as an alert.
func SARIF(w io.Writer, version string, r *check.CheckReport) error {
	fs := findings(r, false)
	results := make([]sarif.Result, 0, len(fs))
	for _, f := range fs {
		results = append(results, sarif.Result{RuleID: f.rule, Level: f.level, Message: f.msg,
			File: f.file, Line: f.line, Col: f.col, Properties: f.props})
	}
	return sarif.Write(w, version, rules, results)
}

// JUnit writes one suite per check that ran (assertions, disputes,
// quotes), one case per item: failing ones fail, unverified assertions
// that do not fail and unchecked quotes are skipped.
func JUnit(w io.Writer, r *check.CheckReport) error {
	var suites []junit.Suite
	if len(r.Results) > 0 || r.Disputes == nil && r.Quotes == nil {
		s := junit.Suite{Name: "claimdiff check: assertions"}
		for i := range r.Results {
			x := &r.Results[i]
			c := junit.Case{Name: assertionTitle(x), Classname: "assertions", File: x.Pos.File, Line: x.Pos.Line}
			switch {
			case x.Fails || x.Verdict == check.Invalid:
				c.Failure = &junit.Failure{Type: string(x.Verdict), Message: x.Message, Text: where(x) + ": " + x.Message}
			case x.Verdict != check.Supported:
				c.Skipped = string(x.Verdict) + ": " + x.Message
			}
			s.Cases = append(s.Cases, c)
		}
		suites = append(suites, s)
	}
	if r.Disputes != nil {
		s := junit.Suite{Name: "claimdiff check: disputes"}
		for i := range r.Disputes {
			g := &r.Disputes[i]
			c := junit.Case{Name: disputeTitle(g), Classname: "disputes", File: g.Pos.File, Line: g.Pos.Line}
			if g.Fails {
				c.Failure = &junit.Failure{Type: "dispute", Message: g.Message, Text: g.Pos.String() + ": " + g.Message}
			}
			s.Cases = append(s.Cases, c)
		}
		suites = append(suites, s)
	}
	if r.Quotes != nil {
		s := junit.Suite{Name: "claimdiff check: quotes"}
		for i := range r.Quotes {
			q := &r.Quotes[i]
			c := junit.Case{Name: "quote of " + q.Claim, Classname: "quotes", File: q.Pos.File, Line: q.Pos.Line}
			switch {
			case q.Fails:
				text := q.Pos.String() + ": " + q.Message
				if q.Status == check.QuoteMismatch {
					text += fmt.Sprintf("\nquote:   %q\nclosest: %q", oneLine(q.Quote), oneLine(q.Passage))
				}
				c.Failure = &junit.Failure{Type: "quote-" + string(q.Status), Message: q.Message, Text: text}
			case q.Status == check.QuoteUnchecked:
				c.Skipped = q.Message
			}
			s.Cases = append(s.Cases, c)
		}
		suites = append(suites, s)
	}
	return junit.Write(w, suites)
}

// oneLine folds the white space of a quote or passage, which archived
// texts break across lines, into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
