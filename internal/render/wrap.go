package render

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/claimdiff/claimdiff/internal/safetext"
)

// wrapWords wraps s at spaces into lines at most width cells wide. A word
// (an id, a URL) is never split: one longer than width gets a line of its
// own and overflows it. Existing line breaks are kept. A wrapped line may
// start with what was the middle of the text, so workflow commands are
// defused again.
func wrapWords(s string, width int) string {
	if width <= 0 || lipgloss.Width(s) <= width {
		return s
	}
	var b strings.Builder
	for li, line := range strings.Split(s, "\n") {
		if li > 0 {
			b.WriteByte('\n')
		}
		n := 0
		for _, w := range strings.Fields(line) {
			ww := lipgloss.Width(w)
			switch {
			case n == 0:
			case n+1+ww <= width:
				b.WriteByte(' ')
				n++
			default:
				b.WriteByte('\n')
				n = 0
			}
			b.WriteString(w)
			n += ww
		}
	}
	return safetext.Commands(b.String())
}

// longestWord is the width of s's widest word.
func longestWord(s string) int {
	m := 0
	for _, w := range strings.Fields(s) {
		m = max(m, lipgloss.Width(w))
	}
	return m
}

// WidestLine is the width of s's widest line.
func WidestLine(s string) int {
	m := 0
	for _, l := range strings.Split(s, "\n") {
		m = max(m, lipgloss.Width(l))
	}
	return m
}

// FitColumns wraps the cells of a table (headers, then rows) so that its
// columns, each pad cells wider than its text, fit in width: the widest
// column gives way first, and none gets narrower than its longest word,
// so the table may overflow width rather than split an id.
func FitColumns(headers []string, rows [][]string, pad, width int) {
	n := len(headers)
	natural, floor := make([]int, n), make([]int, n)
	each := func(f func(j int, cell *string)) {
		for j := range headers {
			f(j, &headers[j])
		}
		for _, r := range rows {
			for j := range r[:min(len(r), n)] {
				f(j, &r[j])
			}
		}
	}
	each(func(j int, c *string) {
		natural[j] = max(natural[j], WidestLine(*c))
		floor[j] = max(floor[j], longestWord(*c))
	})
	// The last column's padding is trimmed from every line.
	total := -pad
	for _, w := range natural {
		total += w + pad
	}
	for total > width {
		big := -1
		for j, w := range natural {
			if w > floor[j] && (big < 0 || w > natural[big]) {
				big = j
			}
		}
		if big < 0 {
			break
		}
		natural[big]--
		total--
	}
	each(func(j int, c *string) { *c = wrapWords(*c, natural[j]) })
}

// WrapHanging wraps s at spaces into lines, the first at most first
// cells wide and the rest at most rest, for a note whose continuation
// lines sit deeper than its label. As in wrapWords, a word is never split:
// one wider than its line overflows it alone.
func WrapHanging(s string, first, rest int) []string {
	var lines []string
	var line strings.Builder
	n, limit := 0, first
	for _, w := range strings.Fields(s) {
		ww := lipgloss.Width(w)
		if n > 0 && n+1+ww > limit {
			lines = append(lines, line.String())
			line.Reset()
			n, limit = 0, rest
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(w)
		n += ww
	}
	return append(lines, line.String())
}
