package contrast

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/claims/diff"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// md escapes ledger text (and labels from the command line) for a
// Markdown table cell or heading: no links, HTML, images or extra columns.
func md(s string) string { return safetext.MarkdownCell(s) }

// DiffMarkdown writes the diff as a pull-request comment: a heading, a
// summary line, a table of the disputes the change opened, closed or
// changed, and the claims in a table folded under <details>.
func DiffMarkdown(w io.Writer, old, new Side, d *diff.Diff) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### claimdiff: %s → %s\n\n", md(old.Label), md(new.Label))
	if d.Empty() {
		b.WriteString("No change to claims or disputes.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "%s\n", markdownSummary(d))
	if len(d.Disputes) > 0 {
		b.WriteString("\n| | dispute | severity | positions | what changed |\n| --- | --- | --- | --- | --- |\n")
		for _, c := range d.Disputes {
			topic := md(c.Topic)
			if c.Context != "" {
				topic += "<br>" + md(c.Context)
			}
			if c.Moment != "" {
				topic += "<br>as of " + md(c.Moment)
			}
			var what []string
			for _, line := range c.Details {
				what = append(what, md(line))
			}
			if len(c.Claims) > 0 {
				what = append(what, "claims: "+md(strings.Join(c.Claims, ", ")))
			}
			fmt.Fprintf(&b, "| %s | %s | %s (%d)<br>%s | %s | %s |\n", c.Kind, topic, c.Severity, c.Score,
				kindsText(c.Kinds), md(positionsText(c.Positions)), strings.Join(what, "<br>"))
		}
	}
	if len(d.TopicChanges) > 0 {
		b.WriteString("\n| | topic | what changed |\n| --- | --- | --- |\n")
		for _, t := range d.TopicChanges {
			var what []string
			for _, f := range t.Fields {
				what = append(what, md(f.String()))
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", t.Kind, md(t.Topic), strings.Join(what, "<br>"))
		}
	}
	if len(d.Claims) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n", counts(d, "claim", claimKinds...))
		b.WriteString("| | claim | topic | source | value | other fields |\n| --- | --- | --- | --- | --- | --- |\n")
		for i := range d.Claims {
			c := &d.Claims[i]
			id := md(c.ID)
			if c.From != "" {
				id = md(c.From) + " → " + id
			}
			topic := md(c.Topic)
			if c.Context != "" {
				topic += "<br>" + md(c.Context)
			}
			var other []string
			if c.Kind == diff.Moved {
				other = append(other, md(movedText(c)))
			}
			for _, f := range c.Fields {
				if f.Field != "value" && f.Field != "denies" && (f.Field != "source" || c.Kind != diff.Moved) {
					other = append(other, md(f.Field+": "+fieldText(f)))
				}
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", c.Kind, id, topic, md(c.Source),
				md(claimSummary(c)), strings.Join(other, "<br>"))
		}
		b.WriteString("\n</details>\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownSummary is the summary line with the dispute counts in bold,
// as they are what a reviewer must see.
func markdownSummary(d *diff.Diff) string {
	var parts []string
	if len(d.Disputes) > 0 {
		parts = append(parts, "**"+counts(d, "dispute", diff.Opened, diff.Closed, diff.Changed)+"**")
	} else {
		parts = append(parts, "No dispute opened, closed or changed")
	}
	if len(d.TopicChanges) > 0 {
		parts = append(parts, counts(d, "topic", diff.Added, diff.Removed, diff.Changed))
	}
	if len(d.Claims) > 0 {
		parts = append(parts, counts(d, "claim", claimKinds...))
	}
	return strings.Join(parts, " · ") + "."
}
