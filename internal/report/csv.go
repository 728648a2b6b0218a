package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// csvHeader names the columns of the CSV report: one row per claim in a
// dispute, with the dispute and position it belongs to repeated, so the
// file sorts and filters well in a spreadsheet.
var csvHeader = []string{
	"dispute", "topic", "context", "as_of", "severity", "score", "kinds", "status",
	"position", "position_value", "best_supported", "origins",
	"claim", "value", "denies", "source", "source_name", "chain", "date", "quote", "url",
	"file", "line", "column", "likely", "likely_confidence",
}

// WriteCSV writes one row per claim in a dispute. The last two columns
// mark the rows of the position that likely holds the truth: likely is
// "estimate" (with likely_confidence, 0 to 1) or "settled" (by the desk). Every cell goes through
// safetext.CSVCell, so a cell that a spreadsheet would run as a formula
// starts with a single quote; encoding/csv does the quoting.
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for i := range r.Disputes {
		d := &r.Disputes[i]
		for pi, p := range d.Positions {
			for _, c := range p.Claims {
				row := []string{
					d.Anchor, d.Topic, d.Context, d.Moment, string(d.Severity), strconv.Itoa(d.Score), kindsText(d), statusText(d),
					strconv.Itoa(pi + 1), positionValue(p), yesNo(p.Best), strconv.Itoa(p.Origins),
					c.ID, c.Value, yesNo(c.Denies), c.Source.ID, c.Source.Name, chainIDs(c.Chain), c.Date, c.Quote, c.Source.URL,
					c.Pos.File, posNum(c.Pos.Line), posNum(c.Pos.Col),
				}
				row = append(row, likelyCells(d, p)...)
				for j := range row {
					row[j] = safetext.CSVCell(row[j])
				}
				if err := cw.Write(row); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// likelyCells are the likely and likely_confidence cells of a row of
// position p.
func likelyCells(d *Dispute, p Position) []string {
	switch {
	case !p.Likely || d.Likely == nil:
		return []string{"", ""}
	case d.Likely.Settled:
		return []string{"settled", ""}
	}
	return []string{"estimate", strconv.FormatFloat(render.Probability(d.Likely.Confidence), 'f', -1, 64)}
}

func chainIDs(ch []Source) string {
	ids := make([]string, len(ch))
	for i, s := range ch {
		ids[i] = s.ID
	}
	return strings.Join(ids, " → ")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func posNum(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}
