// Package listout writes list's output: claims one a line, the
// revisions among them, and their JSON.
package listout

import (
	"fmt"
	"io"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/render"
)

// ClaimsText lists claims one per line, wrapped to width (0 means
// DefaultWidth) at spaces, never inside an id.
func ClaimsText(w io.Writer, st *render.Styles, rows []claims.ListedClaim, width int) error {
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
		cells[i] = render.CleanRow(c.ID, c.Topic, diag.ClipRunes(v, 40), c.Source, date, c.Context, mark)
	}
	_, err := fmt.Fprintln(w, render.Table(st, []string{"CLAIM", "TOPIC", "VALUE", "SOURCE", "DATE", "CONTEXT", ""}, cells, width))
	return err
}

// RevisionsText lists revisions under a heading, one a line: the topic
// (with its context and moment), then "police revised 8,000 (1 Mar) →
// 12,000 (2 Mar)". It writes nothing when there are none.
func RevisionsText(w io.Writer, st *render.Styles, revs []claims.Revision, width int) error {
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
		cells[i] = render.CleanRow(topic, r.String())
	}
	_, err := fmt.Fprintf(w, "\n%s\n", render.Table(st, []string{"TOPIC", "REVISION"}, cells, width))
	return err
}
