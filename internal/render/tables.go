package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/safetext"
	"github.com/claimdiff/claimdiff/sources"
)

// plainTable is a borderless table with a bold header row; it reads well
// on a terminal and still lines up when piped into a file.
func plainTable(st *Styles, headers []string, rows [][]string, width int) string {
	if width <= 0 {
		width = DefaultWidth
	}
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

// ClaimsText lists claims one per line.
func ClaimsText(w io.Writer, st *Styles, rows []claims.ListedClaim) error {
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
	_, err := fmt.Fprintln(w, plainTable(st, []string{"CLAIM", "TOPIC", "VALUE", "SOURCE", "DATE", "CONTEXT", ""}, cells, 0))
	return err
}

// RevisionsText lists revisions under a heading, one a line: the topic
// (with its context and moment), then "police revised 8,000 (1 Mar) →
// 12,000 (2 Mar)". It writes nothing when there are none.
func RevisionsText(w io.Writer, st *Styles, revs []claims.Revision) error {
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
	_, err := fmt.Fprintf(w, "\n%s\n", plainTable(st, []string{"TOPIC", "REVISION"}, cells, 0))
	return err
}

// SourcesText lists each source's record.
func SourcesText(w io.Writer, st *Styles, stats []claims.SourceStat, width int) error {
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
		cells[i] = cleanRow(s.ID, s.Kind, fmt.Sprint(s.Claims), fmt.Sprint(s.Disputed), sides, fmt.Sprint(s.Relayed), chain)
	}
	_, err := fmt.Fprintln(w, plainTable(st, []string{"SOURCE", "KIND", "CLAIMS", "DISPUTED", "WITH BEST", "RELAYED", "CHAIN"}, cells, width))
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
