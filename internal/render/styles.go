// Package render is the kit every writer of human output shares:
// styles, borderless tables and wrapping that never splits an id,
// WriteJSON (which escapes every control a terminal or a CI runner
// would obey), plural nouns, and the wording of resolve's estimate.
// It prints no command's output itself: each command's writer
// (disputedout, listout, sourcesout, timelineout, problemout, report,
// checkreport, contrast, resolveout) builds on it, never the reverse.
package render

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles are the few looks claimdiff uses. With colour off they render
// plain text, so the same code serves pipes and terminals.
type Styles struct {
	R       *lipgloss.Renderer
	Color   bool
	Error   lipgloss.Style
	Warning lipgloss.Style
	Dim     lipgloss.Style
	Bold    lipgloss.Style
	Added   lipgloss.Style
	Removed lipgloss.Style
	Accent  lipgloss.Style
	Header  lipgloss.Style
}

// NewStyles makes styles for w; color says whether ANSI codes are allowed,
// as decided once from --color, NO_COLOR and the terminal.
func NewStyles(w io.Writer, color bool) *Styles {
	r := lipgloss.NewRenderer(w)
	if color {
		r.SetColorProfile(termenv.ANSI256)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	s := &Styles{R: r, Color: color}
	s.Error = r.NewStyle().Foreground(lipgloss.Color("9")).Bold(true)
	s.Warning = r.NewStyle().Foreground(lipgloss.Color("11")).Bold(true)
	s.Dim = r.NewStyle().Foreground(lipgloss.Color("8"))
	s.Bold = r.NewStyle().Bold(true)
	s.Added = r.NewStyle().Foreground(lipgloss.Color("10"))
	s.Removed = r.NewStyle().Foreground(lipgloss.Color("9"))
	s.Accent = r.NewStyle().Foreground(lipgloss.Color("12"))
	s.Header = r.NewStyle().Bold(true).Foreground(lipgloss.Color("12"))
	return s
}

// Paint applies st only when colour is on; lipgloss would otherwise still
// pad or transform text.
func (s *Styles) Paint(st lipgloss.Style, text string) string {
	if !s.Color {
		return text
	}
	return st.Render(text)
}
