package resolveout

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/claimdiff/claimdiff/claims/estimate"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// CSVHeader names the columns of --format csv: one row per value.
var CSVHeader = []string{"topic", "context", "as_of", "currency", "value", "canonical", "confidence", "claims", "origins"}

// CSV writes one row per value. Claim ids are separated by spaces. Every
// cell from the ledger goes through safetext.CSVCell, so a cell that a
// spreadsheet would run as a formula starts with a single quote; a
// canonical number is written as it is.
func CSV(w io.Writer, r *resolve.Result, values []resolve.Value) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for i := range values {
		v := &values[i]
		canonical := v.Canonical
		if _, err := strconv.ParseFloat(canonical, 64); err != nil {
			canonical = safetext.CSVCell(canonical)
		}
		row := []string{safetext.CSVCell(v.Topic), safetext.CSVCell(v.Context), safetext.CSVCell(v.Moment), v.Currency,
			safetext.CSVCell(v.Value), canonical, strconv.FormatFloat(Round(v.Confidence), 'f', -1, 64),
			safetext.CSVCell(strings.Join(ids(r.Ledger, v.Claims), " ")), strconv.Itoa(len(v.Origins))}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Text writes the values as a table, then each source's estimated
// accuracy and the sources it likely copies. Cells are aligned by hand,
// not by a table layout, so that a ledger of a million claims prints in
// seconds.
func Text(w io.Writer, st *render.Styles, r *resolve.Result, values []resolve.Value) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	hasContext, hasMoment := false, false
	for i := range values {
		hasContext = hasContext || values[i].Context != ""
		hasMoment = hasMoment || values[i].Moment != ""
	}
	head := []string{"TOPIC"}
	if hasContext {
		head = append(head, "CONTEXT")
	}
	if hasMoment {
		head = append(head, "AS OF")
	}
	head = append(head, "VALUE", "CONFIDENCE", "ORIGINS", "OTHER VALUES")
	rows := make([][]string, 0, len(values))
	for i := range values {
		v := &values[i]
		row := []string{v.Topic}
		if hasContext {
			row = append(row, v.Context)
		}
		if hasMoment {
			row = append(row, v.Moment)
		}
		conf := estimate.Percent(v.Confidence)
		if v.Thin {
			conf = "too little evidence"
		}
		row = append(row, diag.ClipRunes(v.Value, 40), conf, strconv.Itoa(len(v.Origins)), others(v))
		rows = append(rows, row)
	}
	table(bw, st, head, rows)
	if len(r.Sources) > 0 {
		bw.WriteString("\n")
		rows = rows[:0]
		for _, s := range r.Sources {
			var copies []string
			for _, c := range s.Copies {
				copies = append(copies, fmt.Sprintf("%s (%s)", c.From, estimate.Percent(c.Probability)))
			}
			rows = append(rows, []string{s.ID, estimate.Percent(s.Accuracy), strconv.Itoa(s.Claims), strings.Join(copies, ", ")})
		}
		table(bw, st, []string{"SOURCE", "ACCURACY", "CLAIMS", "LIKELY COPIES"}, rows)
	}
	return bw.Flush()
}

// others sums up the values judged less likely: the likeliest of them
// and how many more there are.
func others(v *resolve.Value) string {
	if len(v.Alternatives) == 0 {
		return ""
	}
	a := v.Alternatives[0]
	s := fmt.Sprintf("%s (%s)", diag.ClipRunes(a.Value, 30), estimate.Percent(a.Probability))
	if n := len(v.Alternatives) - 1; n > 0 {
		s += fmt.Sprintf(" +%d more", n)
	}
	return s
}

// table writes rows under a bold header, columns padded to their widest
// cell, every cell made safe for a terminal on one line.
func table(w *bufio.Writer, st *render.Styles, head []string, rows [][]string) {
	widths := make([]int, len(head))
	for c, h := range head {
		widths[c] = lipgloss.Width(h)
	}
	for _, row := range rows {
		for c := range row {
			row[c] = safetext.Line(row[c])
			widths[c] = max(widths[c], lipgloss.Width(row[c]))
		}
	}
	line := func(cells []string, header bool) {
		last := len(cells) - 1
		for last > 0 && cells[last] == "" {
			last--
		}
		for c := 0; c <= last; c++ {
			cell := cells[c]
			pad := widths[c] - lipgloss.Width(cell)
			if header {
				cell = st.Paint(st.Bold, cell)
			}
			w.WriteString(cell)
			if c < last {
				w.WriteString(strings.Repeat(" ", pad+2))
			}
		}
		w.WriteByte('\n')
	}
	line(head, true)
	for _, row := range rows {
		line(row, false)
	}
}
