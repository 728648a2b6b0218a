package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// WriteText writes the report for a terminal: the summary, then every
// dispute as disputed draws it. Ledger text goes through safetext.Line, so
// it cannot carry escape sequences or fake a line.
func WriteText(w io.Writer, r *Report, opts Options) error {
	st := opts.Styles
	if st == nil {
		st = render.NewStyles(w, false)
	}
	var b strings.Builder
	title := "Contradiction report"
	if r.Ledger.Title != "" {
		title += ": " + safetext.Line(r.Ledger.Title)
	}
	fmt.Fprintln(&b, st.Paint(st.Header, title))
	s := &r.Summary
	fmt.Fprintf(&b, "%s among %s from %s on %s\n", render.Plural(s.Disputes, "dispute"),
		render.Plural(s.Claims, "claim"), render.Plural(s.Sources, "source"), render.Plural(s.Topics, "topic"))
	if s.Disputes > 0 {
		fmt.Fprintf(&b, "  %s %s\n", st.Paint(st.Dim, "by severity:"), countsText(s.BySeverity))
		fmt.Fprintf(&b, "  %s     %s\n", st.Paint(st.Dim, "by kind:"), countsText(s.ByKind))
		fmt.Fprintf(&b, "  %s   %s\n", st.Paint(st.Dim, "by status:"), countsText(s.ByStatus))
	}
	if len(s.Contradicted) > 0 {
		var parts []string
		for _, c := range s.Contradicted {
			parts = append(parts, fmt.Sprintf("%s (%d)", safetext.Line(c.Source.ID), c.Disputes))
		}
		fmt.Fprintf(&b, "  %s %s\n", st.Paint(st.Dim, "most contradicted:"), strings.Join(parts, ", "))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if len(r.Disputes) == 0 {
		return writeRevisionsText(w, st, r)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return err
	}
	ds := make([]claims.Dispute, len(r.Disputes))
	likely := make([]*resolve.Likely, len(r.Disputes))
	for i := range r.Disputes {
		ds[i], likely[i] = r.Disputes[i].Dispute, r.Disputes[i].Likely
	}
	if err := disputedout.DisputesText(w, st, ds, likely, opts.Width); err != nil {
		return err
	}
	return writeRevisionsText(w, st, r)
}

// writeRevisionsText lists the revisions on topics with no dispute.
func writeRevisionsText(w io.Writer, st *render.Styles, r *Report) error {
	if len(r.Revisions) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s\n", st.Paint(st.Header, "Revisions on topics with no dispute"))
	for _, rev := range r.Revisions {
		fmt.Fprintf(&b, "  %s: %s\n", safetext.Line(revisionTopic(rev)), safetext.Line(rev.String()))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// countsText is "5 high · 2 medium", leaving out zeros.
func countsText(cs []Count) string {
	var parts []string
	for _, c := range cs {
		if c.N > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.N, c.Name))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, " · ")
}
