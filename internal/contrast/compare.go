package contrast

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/claimdiff/claimdiff/claims/bysource"
	"github.com/claimdiff/claimdiff/claims/diff"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// CompareText writes a source comparison in four sections: where the two
// sides contradict (first, as it matters most), where they agree, and what
// only one of them covers. a and b label the sides as the user named them;
// each claim names its source only when a side has several.
func CompareText(w io.Writer, st *render.Styles, a, b string, v *bysource.Versus) error {
	a, b = safetext.Line(a), safetext.Line(b)
	showA, showB := len(v.A) > 1, len(v.B) > 1
	var sb strings.Builder
	section := func(title string, rows []bysource.TopicSides, kind diff.ChangeKind, heads ...string) {
		if len(rows) == 0 {
			return
		}
		if sb.Len() > 0 {
			sb.WriteString("\n")
		}
		cells := [][]string{append([]string{title}, heads...)}
		for _, r := range rows {
			row := []string{topicLabel(r)}
			if len(r.A) > 0 {
				row = append(row, sideText(r.A, showA))
			}
			if len(r.B) > 0 {
				row = append(row, sideText(r.B, showB))
			}
			cells = append(cells, row)
		}
		writeColumns(&sb, st, kind, cells)
	}
	section("Contradict", v.Contradict, diff.Removed, a, b)
	section("Agree", v.Agree, diff.Added, a, b)
	section("Only "+a, v.OnlyA, diff.Reworded)
	section("Only "+b, v.OnlyB, diff.Reworded)
	_, err := io.WriteString(w, sb.String())
	return err
}

// writeColumns lines up cells (already safe text) in columns: the first
// row is the header; below it the first column is indented and painted
// for kind.
func writeColumns(sb *strings.Builder, st *render.Styles, kind diff.ChangeKind, cells [][]string) {
	const indent = "  "
	var widths []int
	for r, row := range cells {
		for i, c := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			if r > 0 && i == 0 {
				c = indent + c
			}
			widths[i] = max(widths[i], lipgloss.Width(c))
		}
	}
	for r, row := range cells {
		var line strings.Builder
		for i, c := range row {
			shown := c
			switch {
			case r == 0:
				shown = st.Paint(st.Header, c)
			case i == 0:
				c = indent + c
				shown = indent + paintFor(st, kind, row[0])
			}
			line.WriteString(shown)
			if i < len(row)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-lipgloss.Width(c)+2))
			}
		}
		sb.WriteString(line.String() + "\n")
	}
}

// CompareSummary is the one-line count of a comparison.
func CompareSummary(a, b string, v *bysource.Versus) string {
	both := len(v.Agree) + len(v.Contradict)
	return fmt.Sprintf("%s vs %s: %s in common (%d agree, %d contradict); %d only %s, %d only %s",
		safetext.Line(a), safetext.Line(b), render.Plural(both, "topic"), len(v.Agree), len(v.Contradict),
		len(v.OnlyA), safetext.Line(a), len(v.OnlyB), safetext.Line(b))
}

// topicLabel is the topic with its context and moment, safe to print.
func topicLabel(r bysource.TopicSides) string {
	s := safetext.Line(r.Topic)
	if r.Context != "" {
		s += " [" + safetext.Line(r.Context) + "]"
	}
	if r.Moment != "" {
		s += " (as of " + safetext.Line(r.Moment) + ")"
	}
	return s
}

// sideText is "600,000, half of x (≈ 425,000)", each value followed by
// its source when showSource is set.
func sideText(cs []bysource.SideClaim, showSource bool) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		v := diag.ClipRunes(c.Value, 60)
		if c.Resolved != "" && c.Resolved != c.Value {
			v += " (" + c.Resolved + ")"
		}
		if showSource {
			v += " [" + c.Source + "]"
		}
		parts[i] = safetext.Line(v)
	}
	return strings.Join(parts, ", ")
}

// compareJSON is the JSON contract of claimdiff compare --format json;
// the types below decide its field names, order and what may be left out.
type compareJSON struct {
	A          []string                 `json:"a"`
	B          []string                 `json:"b"`
	Agree      []topicSidesJSON         `json:"agree"`
	Contradict []topicSidesJSON         `json:"contradict"`
	OnlyA      []string                 `json:"only_a"`
	OnlyB      []string                 `json:"only_b"`
	OnlyAItems []topicSidesJSON         `json:"only_a_claims"`
	OnlyBItems []topicSidesJSON         `json:"only_b_claims"`
	Skipped    *disputedout.SkippedJSON `json:"skipped,omitempty"`
}

// topicSidesJSON is what each side says about a topic, in one context
// and at one moment.
type topicSidesJSON struct {
	Topic   string          `json:"topic"`
	Context string          `json:"context,omitempty"`
	Moment  string          `json:"as_of,omitempty"`
	A       []sideClaimJSON `json:"a,omitempty"`
	B       []sideClaimJSON `json:"b,omitempty"`
}

type sideClaimJSON struct {
	Claim    string `json:"claim"`
	Source   string `json:"source"`
	Value    string `json:"value"`
	Resolved string `json:"resolved,omitempty"`
}

// CompareJSON writes a comparison as JSON: a and b are the source ids on
// each side; agree and contradict list topics with what each side says;
// only_a and only_b are the topics only one side covers, and only_a_claims
// and only_b_claims what it says about them.
func CompareJSON(w io.Writer, v *bysource.Versus, skipped *disputedout.SkippedJSON) error {
	out := compareJSON{
		A: nonNil(v.A), B: nonNil(v.B),
		Agree: topicSidesOf(v.Agree), Contradict: topicSidesOf(v.Contradict),
		OnlyA: topics(v.OnlyA), OnlyB: topics(v.OnlyB),
		OnlyAItems: topicSidesOf(v.OnlyA), OnlyBItems: topicSidesOf(v.OnlyB),
		Skipped: skipped,
	}
	return render.WriteJSON(w, out)
}

// topicSidesOf converts rows to their JSON, as [] when there are none.
func topicSidesOf(rows []bysource.TopicSides) []topicSidesJSON {
	out := make([]topicSidesJSON, len(rows))
	for i, r := range rows {
		out[i] = topicSidesJSON{Topic: r.Topic, Context: r.Context, Moment: r.Moment,
			A: sideClaimsOf(r.A), B: sideClaimsOf(r.B)}
	}
	return out
}

func sideClaimsOf(cs []bysource.SideClaim) []sideClaimJSON {
	var out []sideClaimJSON
	for _, c := range cs {
		out = append(out, sideClaimJSON{Claim: c.Claim, Source: c.Source, Value: c.Value, Resolved: c.Resolved})
	}
	return out
}

func topics(rows []bysource.TopicSides) []string {
	out := []string{}
	for _, r := range rows {
		if !slices.Contains(out, r.Topic) {
			out = append(out, r.Topic)
		}
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
