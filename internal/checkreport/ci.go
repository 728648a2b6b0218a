package checkreport

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/claims/check"
	"github.com/claimdiff/claimdiff/internal/cijson"
	"github.com/claimdiff/claimdiff/internal/junit"
	"github.com/claimdiff/claimdiff/internal/safetext"
	"github.com/claimdiff/claimdiff/internal/sarif"
)

// finding is one line of CI output, whatever the format: what SARIF calls
// a result, GitHub an annotation. Its Code is the SARIF rule id, its Level
// error, warning or note (notice on GitHub).
type finding struct {
	cijson.Finding
	title string
	props map[string]any
}

// ci strips fs to what the shared CI writers need.
func ci(fs []finding) []cijson.Finding {
	out := make([]cijson.Finding, len(fs))
	for i := range fs {
		out[i] = fs[i].Finding
	}
	return out
}

// assertionSubject is what an assertion is about, for its fingerprint: the
// topic, the value and the context, or the message of one that could not
// be read.
func assertionSubject(x *check.Result, places *cijson.Places) []string {
	if x.Topic == "" {
		return []string{places.WithoutPositions(x.Message)}
	}
	return []string{x.Topic, x.Asserted, x.Context, x.AsOf}
}

// findings lists what CI should show: every assertion but supported ones
// (supported ones too when withPassing), failing disputes and quotes that
// did not match.
func findings(r *check.CheckReport, withPassing bool) []finding {
	var out []finding
	var places cijson.Places
	for i := range r.Results {
		x := &r.Results[i]
		f := finding{Finding: cijson.Finding{Message: assertionTitle(x) + ": " + x.Message,
			File: x.Pos.File, Line: x.Pos.Line, Col: x.Pos.Col, Subject: assertionSubject(x, &places)},
			title: "claimdiff: " + string(x.Verdict),
			props: map[string]any{"topic": x.Topic, "asserted": x.Asserted, "verdict": string(x.Verdict)}}
		switch {
		case x.Verdict == check.Invalid:
			f.Code, f.Level = "invalid-value", "error"
		case x.Verdict == check.Supported:
			if !withPassing {
				continue
			}
			f.Code, f.Level = "supported", "note"
		case x.Fails:
			f.Code, f.Level = string(x.Verdict), "error"
		default:
			f.Code, f.Level = string(x.Verdict), "warning"
		}
		out = append(out, f)
	}
	for i := range r.Disputes {
		g := &r.Disputes[i]
		if !g.Fails {
			continue
		}
		out = append(out, finding{Finding: cijson.Finding{Code: "dispute", Level: "error",
			Message: disputeTitle(g) + ": " + g.Message, File: g.Pos.File, Line: g.Pos.Line, Col: g.Pos.Col,
			Subject: []string{g.Topic, g.Context, g.Moment}}, title: "claimdiff: dispute",
			props: map[string]any{"topic": g.Topic, "status": g.Status, "severity": string(g.Severity)}})
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		f := finding{Finding: cijson.Finding{Message: "claim " + q.Claim + ": " + q.Message,
			File: q.Pos.File, Line: q.Pos.Line, Col: q.Pos.Col, Subject: []string{q.Claim}},
			title: "claimdiff: quote " + string(q.Status),
			props: map[string]any{"claim": q.Claim, "status": string(q.Status), "similarity": q.Similarity}}
		switch q.Status {
		case check.QuoteMatched, check.QuoteClose:
			continue
		case check.QuoteUnchecked:
			f.Code, f.Level = "quote-unchecked", "note"
		case check.QuoteUnreadable:
			f.Code, f.Level = "quote-unreadable", "error"
		default:
			f.Code, f.Level = "quote-mismatch", "error"
			f.Message += fmt.Sprintf("\nquote: %q\nclosest: %q", oneLine(q.Quote), oneLine(q.Passage))
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
		level := f.Level
		if level == "note" {
			level = "notice"
		}
		var props []string
		if f.File != "" {
			props = append(props, "file="+safetext.GitHubProperty(f.File))
			if f.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", f.Line))
			}
			if f.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", f.Col))
			}
		}
		props = append(props, "title="+safetext.GitHubProperty(f.title))
		fmt.Fprintf(&b, "::%s %s::%s\n", level, strings.Join(props, ","), safetext.GitHubData(f.Message))
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
// as an alert. Each result's partial fingerprint hashes what it is about,
// not its line.
func SARIF(w io.Writer, r *check.CheckReport, opts Options) error {
	fs := findings(r, false)
	fps := cijson.Fingerprints(ci(fs))
	results := make([]sarif.Result, 0, len(fs))
	for i, f := range fs {
		// An assertion given with --claim is located at its topic in the
		// ledger, after the fingerprint, which stays what it was.
		if f.File == "" && opts.TopicPos != nil {
			if topic, _ := f.props["topic"].(string); topic != "" {
				p := opts.TopicPos(topic)
				f.File, f.Line, f.Col = p.File, p.Line, p.Col
			}
		}
		results = append(results, sarif.Result{RuleID: f.Code, Level: f.Level, Message: f.Message,
			File: f.File, Line: f.Line, Col: f.Col, Properties: f.props, Fingerprint: fps[i]})
	}
	return sarif.Write(w, sarif.Run{AutomationID: "claimdiff/check/", ToolVersion: opts.Version, Rules: rules, Results: results, Warn: opts.Warn})
}

// RDJSONL writes reviewdog's rdjsonl, one diagnostic per line, with the
// same findings as SARIF.
func RDJSONL(w io.Writer, r *check.CheckReport) error {
	return cijson.WriteRDJSONL(w, ci(findings(r, false)))
}

// GitLab writes a GitLab Code Quality report with the same findings as
// SARIF, but for assertions given with --claim, which have no file.
func GitLab(w io.Writer, r *check.CheckReport) error {
	return cijson.WriteGitLab(w, ci(findings(r, false)))
}

// JUnit writes one suite per check that ran (assertions, disputes,
// quotes), one case per item: failing ones fail, unverified assertions
// that do not fail and unchecked quotes are skipped.
func JUnit(w io.Writer, r *check.CheckReport, flavor junit.Flavor) error {
	var suites []junit.Suite
	if len(r.Results) > 0 || r.Disputes == nil && r.Quotes == nil {
		s := junit.Suite{Name: "claimdiff check: assertions"}
		for i := range r.Results {
			x := &r.Results[i]
			c := junit.Case{Name: assertionTitle(x), Classname: "assertions"}
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
			c := junit.Case{Name: disputeTitle(g), Classname: "disputes"}
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
			c := junit.Case{Name: "quote of " + q.Claim, Classname: "quotes"}
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
	return junit.Write(w, suites, flavor)
}

// oneLine folds the white space of a quote or passage, which archived
// texts break across lines, into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
