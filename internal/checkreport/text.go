package checkreport

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/claimdiff/claimdiff/claims/check"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Text writes one line per assertion, "where: verdict: topic = "value":
// message", then the disputes the gate fails on and the quotes that did
// not match, each mismatch followed by the quote and the closest passage.
// Passing disputes and quotes are only counted (see Summary), so that a
// ledger of thousands of good quotes prints nothing about them.
func Text(w io.Writer, st *render.Styles, r *check.CheckReport) error {
	var b strings.Builder
	for i := range r.Results {
		x := &r.Results[i]
		fmt.Fprintf(&b, "%s: %s: %s: %s\n", st.Paint(st.Bold, safetext.Line(where(x))),
			st.Paint(verdictStyle(st, x), string(x.Verdict)), safetext.Line(assertionTitle(x)), safetext.Line(x.Message))
	}
	for i := range r.Disputes {
		g := &r.Disputes[i]
		if !g.Fails {
			continue
		}
		fmt.Fprintf(&b, "%s: %s: %s: %s\n", st.Paint(st.Bold, safetext.Line(g.Pos.String())),
			st.Paint(st.Error, "dispute"), safetext.Line(disputeTitle(g)), safetext.Line(g.Message))
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		style := st.Error
		switch q.Status {
		case check.QuoteMatched, check.QuoteClose:
			continue
		case check.QuoteUnchecked:
			style = st.Dim
		}
		fmt.Fprintf(&b, "%s: %s: claim %s: %s\n", st.Paint(st.Bold, safetext.Line(q.Pos.String())),
			st.Paint(style, "quote "+string(q.Status)), safetext.Line(q.Claim), safetext.Line(q.Message))
		if q.Status == check.QuoteMismatch {
			fmt.Fprintf(&b, "    quote:   %q\n", safetext.Line(q.Quote))
			if q.Passage != "" {
				fmt.Fprintf(&b, "    closest: %q\n", safetext.Line(q.Passage))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func verdictStyle(st *render.Styles, x *check.Result) lipgloss.Style {
	switch {
	case x.Verdict == check.Supported:
		return st.Added
	case x.Fails || x.Verdict == check.Invalid:
		return st.Error
	}
	return st.Warning
}

// Summary is the line check prints on stderr: "3 assertions: 1 supported,
// 2 refuted; 1 of 4 disputes fails; 5 quotes: 3 matched, 2 unchecked".
func Summary(r *check.CheckReport) string {
	s := r.Summary()
	var parts []string
	if s.Assertions > 0 {
		var vs []string
		for _, v := range append([]check.Verdict{check.Invalid}, check.Verdicts...) {
			if n := s.Verdicts[v]; n > 0 {
				vs = append(vs, fmt.Sprintf("%d %s", n, v))
			}
		}
		parts = append(parts, fmt.Sprintf("%s: %s", render.Plural(s.Assertions, "assertion"), strings.Join(vs, ", ")))
	}
	if r.Disputes != nil {
		verb := "fail"
		if s.DisputesFailed == 1 {
			verb = "fails"
		}
		parts = append(parts, fmt.Sprintf("%d of %s %s the %s gate", s.DisputesFailed, render.Plural(s.Disputes, "dispute"), verb, r.Gate))
	}
	if r.Quotes != nil {
		var qs []string
		for _, st := range []check.QuoteStatus{check.QuoteMatched, check.QuoteClose, check.QuoteMismatch, check.QuoteUnchecked, check.QuoteUnreadable} {
			if n := s.QuoteStatuses[st]; n > 0 {
				qs = append(qs, fmt.Sprintf("%d %s", n, st))
			}
		}
		q := render.Plural(s.Quotes, "quote")
		if len(qs) > 0 {
			q += ": " + strings.Join(qs, ", ")
		}
		parts = append(parts, q)
	}
	return strings.Join(parts, "; ")
}
