package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/safetext"
	"github.com/claimdiff/claimdiff/sources"
)

// plainTable is a borderless table with a bold header row; it reads well
// on a terminal and still lines up when piped into a file.
func plainTable(st *Styles, headers []string, rows [][]string, width int) string {
	if width <= 0 {
		width = DefaultWidth
	}
	fitColumns(headers, rows, 2, width)
	t := table.New().
		Border(lipgloss.HiddenBorder()).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderColumn(false).BorderHeader(false).
		Headers(headers...).
		Rows(rows...).
		StyleFunc(func(row, col int) lipgloss.Style {
			s := st.R.NewStyle().PaddingRight(2)
			if row == table.HeaderRow {
				return s.Bold(true)
			}
			return s
		})
	out := t.String()
	// Trailing padding is noise in golden files and diffs.
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// ClaimsText lists claims one per line, wrapped to width (0 means
// DefaultWidth) at spaces, never inside an id.
func ClaimsText(w io.Writer, st *Styles, rows []claims.ListedClaim, width int) error {
	if len(rows) == 0 {
		return nil
	}
	cells := make([][]string, len(rows))
	for i, c := range rows {
		v := c.Value
		if c.Denies {
			v = "not " + v
		}
		mark := ""
		switch {
		case c.RevisedBy != "":
			mark = "revised by " + c.RevisedBy
		case c.Disputed:
			mark = "disputed"
		case c.NoValue:
			mark = "no value"
		}
		date := c.Date
		if c.AsOf != "" && c.AsOf != c.Date {
			date += " (as of " + c.AsOf + ")"
		}
		cells[i] = cleanRow(c.ID, c.Topic, clipText(v, 40), c.Source, date, c.Context, mark)
	}
	_, err := fmt.Fprintln(w, plainTable(st, []string{"CLAIM", "TOPIC", "VALUE", "SOURCE", "DATE", "CONTEXT", ""}, cells, width))
	return err
}

// RevisionsText lists revisions under a heading, one a line: the topic
// (with its context and moment), then "police revised 8,000 (1 Mar) →
// 12,000 (2 Mar)". It writes nothing when there are none.
func RevisionsText(w io.Writer, st *Styles, revs []claims.Revision, width int) error {
	if len(revs) == 0 {
		return nil
	}
	cells := make([][]string, len(revs))
	for i, r := range revs {
		topic := r.Topic
		if r.Context != "" {
			topic += " [" + r.Context + "]"
		}
		if r.Moment != "" {
			topic += " @ " + r.Moment
		}
		cells[i] = cleanRow(topic, r.String())
	}
	_, err := fmt.Fprintf(w, "\n%s\n", plainTable(st, []string{"TOPIC", "REVISION"}, cells, width))
	return err
}

// maxCopies is how many likely copies a row of SourcesText names; JSON
// lists them all.
const maxCopies = 3

// SourcesText lists each source's record; with est (nil when the
// estimate did not run), also its estimated accuracy and the sources it
// likely copies from.
func SourcesText(w io.Writer, st *Styles, stats []claims.SourceStat, est *resolve.Result, width int) error {
	head := []string{"SOURCE", "KIND", "CLAIMS", "DISPUTED", "WITH BEST", "RELAYED", "CHAIN"}
	if est != nil {
		head = slices.Insert(head, 6, "ACCURACY", "COPIES")
	}
	cells := make([][]string, len(stats))
	for i, s := range stats {
		sides := "-"
		if s.Disputes > 0 {
			sides = fmt.Sprintf("%d of %d", s.WithBest, s.Disputes)
		}
		// A chain of one is the source itself: nothing to show.
		chain := ""
		if len(s.Chain) > 1 {
			chain = sources.ChainString(s.Chain)
		}
		row := []string{s.ID, s.Kind, fmt.Sprint(s.Claims), fmt.Sprint(s.Disputed), sides, fmt.Sprint(s.Relayed)}
		if est != nil {
			acc, copies := "-", ""
			if e := est.Source(s.ID); e != nil {
				acc = Percent(e.Accuracy)
				var cs []string
				for _, c := range e.Copies[:min(len(e.Copies), maxCopies)] {
					cs = append(cs, c.From+" "+Percent(c.Probability))
				}
				copies = strings.Join(cs, ", ")
				if n := len(e.Copies) - maxCopies; n > 0 {
					copies += fmt.Sprintf(" +%d more", n)
				}
			}
			row = append(row, acc, copies)
		}
		cells[i] = cleanRow(append(row, chain)...)
	}
	_, err := fmt.Fprintln(w, plainTable(st, head, cells, width))
	return err
}

func cleanRow(cells ...string) []string {
	for i, c := range cells {
		cells[i] = safetext.Line(c)
	}
	return cells
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
