// Package disputedout writes disputed's output: each dispute as a
// heading and a table of its positions, one line each (compact), or
// JSON. Its dispute, revision and ledger objects are the JSON contract
// the report, list and resolve extend (json.go).
package disputedout

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// DisputesText draws each dispute as a heading and a table with its
// positions side by side: value, support, chains and quotes. likely
// holds each dispute's likely side (resolve.Marks), in ds's order; it
// may be shorter, or nil when the estimate did not run.
func DisputesText(w io.Writer, st *render.Styles, ds []claims.Dispute, likely []*resolve.Likely, width int) error {
	if width <= 0 {
		width = render.DefaultWidth
	}
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteString("\n")
		}
		writeDisputeHeading(&b, st, &d, At(likely, i), width)
		b.WriteString(positionsTable(st, &d, width))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeDisputeHeading(b *strings.Builder, st *render.Styles, d *claims.Dispute, lk *resolve.Likely, width int) {
	kinds := make([]string, len(d.Kinds))
	for i, k := range d.Kinds {
		kinds[i] = string(k)
	}
	sev := st.Paint(severityStyle(st, d.Severity), fmt.Sprintf("%s (%d)", d.Severity, d.Score))
	status := d.Status
	if d.Expired {
		status += ", expired " + d.Until
	}
	fmt.Fprintf(b, "%s  %s  %s  %s\n", st.Paint(st.Header, safetext.Line(d.Topic)), sev,
		strings.Join(kinds, "+"), st.Paint(st.Dim, status))
	if d.Question != "" {
		writeNote(b, st, "", d.Question, width)
	}
	if d.Context != "" {
		writeNote(b, st, "context:", d.Context, width)
	}
	if d.Moment != "" {
		writeNote(b, st, "as of:", d.Moment, width)
	}
	for _, a := range d.Arithmetic {
		writeNote(b, st, "arithmetic:", a, width)
	}
	// Vague claims sit in no column: they fit several.
	for _, v := range d.Vague {
		writeNote(b, st, "vague:", v.String(), width)
	}
	// A relay that changed its origin's figure is the relay's word.
	for _, m := range d.Misquotes {
		writeNote(b, st, "misquote:", m.String(), width)
	}
	// A change of figure by one origin is often the story itself.
	for _, r := range d.Revisions {
		writeNote(b, st, "", r.String(), width)
	}
	if d.Reason != "" {
		writeNote(b, st, "desk:", d.Reason, width)
	}
	if label, text := render.LikelyNote(d.Settled, lk); label != "" {
		writeNote(b, st, label, text, width)
	}
}

// writeNote writes a line of free text under a dispute's heading, its
// label dimmed, wrapped at spaces to width with continuation lines
// indented past the label's, so that a long desk: or likely: stays
// inside the terminal like the table below it.
func writeNote(b *strings.Builder, st *render.Styles, label, text string, width int) {
	text = safetext.Line(text)
	if label != "" {
		text = label + " " + text
	}
	lines := render.WrapHanging(text, width-2, width-4)
	for i := range lines {
		if i == 0 {
			lines[i] = "  " + lines[i]
		} else {
			lines[i] = "    " + lines[i]
		}
	}
	// A wrapped line may begin with what was the middle of the text.
	lines = strings.Split(safetext.Commands(strings.Join(lines, "\n")), "\n")
	if rest, ok := strings.CutPrefix(lines[0], "  "+label+" "); ok && label != "" {
		lines[0] = "  " + st.Paint(st.Dim, label) + " " + rest
	}
	b.WriteString(strings.Join(lines, "\n"))
	b.WriteByte('\n')
}

// At is likely[i], or nil when there is none.
func At(likely []*resolve.Likely, i int) *resolve.Likely {
	if i < 0 || i >= len(likely) {
		return nil
	}
	return likely[i]
}

func severityStyle(st *render.Styles, s claims.Severity) lipgloss.Style {
	switch s {
	case claims.SeverityHigh:
		return st.Error
	case claims.SeverityMedium:
		return st.Warning
	}
	return st.Dim
}

func positionsTable(st *render.Styles, d *claims.Dispute, width int) string {
	headers := make([]string, len(d.Positions))
	var written, support, chains, quotes []string
	for i, p := range d.Positions {
		v := p.Common
		if p.Denies {
			v = "denies " + strings.TrimPrefix(v, "not ")
		}
		headers[i] = safetext.Line(v)
		written = append(written, safetext.Line("as written: "+strings.Join(p.Values, " | ")))
		support = append(support, SupportLine(p))
		chains = append(chains, safetext.Terminal(strings.Join(p.Chains, "\n")))
		var q []string
		for _, qu := range p.Quotes {
			q = append(q, fmt.Sprintf("“%s” (%s)", safetext.Line(qu.Text), safetext.Line(qu.By())))
		}
		quotes = append(quotes, strings.Join(q, "\n"))
	}
	// Wrap each cell at spaces, the widest column giving way first, so
	// that an id is never split: a column holding a longer one keeps it
	// whole, and the table overflows the width rather than break it.
	n := len(headers)
	tw := min(width, 56*n+1)
	render.FitColumns(headers, [][]string{written, support, chains, quotes}, 2, tw-(n+1)-2)
	need := n + 1
	for i := range n {
		need += 2 + max(render.WidestLine(headers[i]), render.WidestLine(written[i]), render.WidestLine(support[i]),
			render.WidestLine(chains[i]), render.WidestLine(quotes[i]))
	}
	t := table.New().
		Border(lipgloss.RoundedBorder()).
		BorderStyle(st.R.NewStyle().Foreground(lipgloss.Color("8"))).
		BorderRow(false).
		Headers(headers...).
		Row(written...).
		Row(support...).
		Row(chains...).
		Width(max(tw, need)).
		StyleFunc(func(row, col int) lipgloss.Style {
			s := st.R.NewStyle().Padding(0, 1)
			switch row {
			case table.HeaderRow:
				return s.Bold(true)
			case 0:
				return s.Foreground(lipgloss.Color("8"))
			}
			return s
		})
	if strings.Join(quotes, "") != "" {
		t.Row(quotes...)
	}
	return t.String()
}

// SupportLine is "3 origins · 4 sources · 5 claims".
func SupportLine(p claims.Position) string {
	s := render.Plural(p.Origins, "independent origin")
	if p.Reach > p.Origins {
		s += fmt.Sprintf(" · %s", render.Plural(p.Reach, "source"))
	}
	return s + fmt.Sprintf(" · %s", render.Plural(len(p.Claims), "claim"))
}

// DisputesCompact prints one line per dispute: its topic, severity and
// kinds, then each position's value with its independent origins,
// "plan.army-cap  high  conflict  600,000 (3 origins) | ≈ 425,000 (1 origin)".
// Topics and severities are padded so that the columns line up.
func DisputesCompact(w io.Writer, st *render.Styles, ds []claims.Dispute) error {
	kindsOf := func(d *claims.Dispute) string {
		kinds := make([]string, len(d.Kinds))
		for k, kind := range d.Kinds {
			kinds[k] = string(kind)
		}
		return strings.Join(kinds, "+")
	}
	tw, sw, kw := 0, 0, 0
	for i := range ds {
		tw = max(tw, lipgloss.Width(safetext.Line(ds[i].Topic)))
		sw = max(sw, len(ds[i].Severity))
		kw = max(kw, len(kindsOf(&ds[i])))
	}
	var b strings.Builder
	for i := range ds {
		d := &ds[i]
		topic := safetext.Line(d.Topic)
		kinds := kindsOf(d)
		sides := make([]string, len(d.Positions))
		for p, pos := range d.Positions {
			v := pos.Common
			if pos.Denies {
				v = "denies " + strings.TrimPrefix(v, "not ")
			}
			sides[p] = fmt.Sprintf("%s (%s)", safetext.Line(v), render.Plural(pos.Origins, "origin"))
		}
		fmt.Fprintf(&b, "%s%s  %s%s  %-*s  %s\n",
			st.Paint(st.Header, topic), strings.Repeat(" ", tw-lipgloss.Width(topic)),
			st.Paint(severityStyle(st, d.Severity), string(d.Severity)), strings.Repeat(" ", sw-len(d.Severity)),
			kw, kinds, strings.Join(sides, " | "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
