package render

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"

	"github.com/claimdiff/claimdiff/internal/safetext"
)

// DefaultWidth is used when the output is not a terminal of known width.
const DefaultWidth = 100

// Table is a borderless table with a bold header row; it reads well
// on a terminal and still lines up when piped into a file.
func Table(st *Styles, headers []string, rows [][]string, width int) string {
	if width <= 0 {
		width = DefaultWidth
	}
	FitColumns(headers, rows, 2, width)
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

// CleanRow makes each cell safe to print on one line of a terminal.
func CleanRow(cells ...string) []string {
	for i, c := range cells {
		cells[i] = safetext.Line(c)
	}
	return cells
}
