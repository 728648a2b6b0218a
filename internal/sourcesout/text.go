// Package sourcesout writes sources' output: each source's record, with
// resolve's estimate of its accuracy and copying, as a table or JSON.
package sourcesout

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/bysource"
	"github.com/claimdiff/claimdiff/claims/estimate"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/sources"
)

// maxCopies is how many likely copies a row of SourcesText names; JSON
// lists them all.
const maxCopies = 3

// SourcesText lists each source's record; with est (nil when the
// estimate did not run), also its estimated accuracy and the sources it
// likely copies from.
func SourcesText(w io.Writer, st *render.Styles, stats []bysource.SourceStat, est *resolve.Result, width int) error {
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
				acc = estimate.Percent(e.Accuracy)
				var cs []string
				for _, c := range e.Copies[:min(len(e.Copies), maxCopies)] {
					cs = append(cs, c.From+" "+estimate.Percent(c.Probability))
				}
				copies = strings.Join(cs, ", ")
				if n := len(e.Copies) - maxCopies; n > 0 {
					copies += fmt.Sprintf(" +%d more", n)
				}
			}
			row = append(row, acc, copies)
		}
		cells[i] = render.CleanRow(append(row, chain)...)
	}
	_, err := fmt.Fprintln(w, render.Table(st, head, cells, width))
	return err
}
