package report

import (
	"io"

	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
)

// reportJSON is the JSON contract of report --format json. It extends
// the contract of disputed --format json (disputes, count, ledger), whose
// objects render defines, with the summary; each dispute adds a location.
type reportJSON struct {
	Summary  summaryJSON            `json:"summary"`
	Disputes []disputeJSON          `json:"disputes"`
	Count    int                    `json:"count"`
	Ledger   disputedout.LedgerJSON `json:"ledger"`
	// Revisions are those on topics with no dispute.
	Revisions []disputedout.RevisionJSON `json:"revisions,omitempty"`
	Skipped   *disputedout.SkippedJSON   `json:"skipped,omitempty"`
}

type summaryJSON struct {
	Claims           int                `json:"claims"`
	Sources          int                `json:"sources"`
	Topics           int                `json:"topics"`
	Disputes         int                `json:"disputes"`
	ByKind           map[string]int     `json:"by_kind"`
	BySeverity       map[string]int     `json:"by_severity"`
	ByStatus         map[string]int     `json:"by_status"`
	MostContradicted []contradictedJSON `json:"most_contradicted"`
}

type contradictedJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name,omitempty"`
	Disputes int    `json:"disputes"`
}

// disputeJSON is a dispute as disputed prints it, plus where it is
// reported.
type disputeJSON struct {
	disputedout.DisputeJSON
	// Location is the claim the dispute is reported at (see Dispute.At).
	Location *locationJSON `json:"location,omitempty"`
}

type locationJSON struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// WriteJSON writes the report as JSON.
func WriteJSON(w io.Writer, r *Report) error {
	s := &r.Summary
	out := reportJSON{
		Summary: summaryJSON{
			Claims: s.Claims, Sources: s.Sources, Topics: s.Topics, Disputes: s.Disputes,
			ByKind: countMap(s.ByKind), BySeverity: countMap(s.BySeverity), ByStatus: countMap(s.ByStatus),
			MostContradicted: make([]contradictedJSON, 0, len(s.Contradicted)),
		},
		Disputes: make([]disputeJSON, 0, len(r.Disputes)),
		Count:    len(r.Disputes),
		Ledger: disputedout.LedgerJSON{Title: r.Ledger.Title, Files: r.Ledger.Files, Example: r.Ledger.Example,
			Claims: r.Ledger.Claims, Sources: r.Ledger.Sources, Topics: r.Ledger.Topics},
		Revisions: disputedout.NewRevisionsJSON(r.Revisions),
		Skipped:   r.Skipped.Cleaned(),
	}
	for _, c := range s.Contradicted {
		out.Summary.MostContradicted = append(out.Summary.MostContradicted,
			contradictedJSON{ID: c.Source.ID, Name: c.Source.Name, Disputes: c.Disputes})
	}
	for i := range r.Disputes {
		d := disputeJSON{DisputeJSON: disputedout.NewDisputeJSON(&r.Disputes[i].Dispute, r.Disputes[i].Likely)}
		if at := r.Disputes[i].At; at.File != "" {
			d.Location = &locationJSON{File: at.File, Line: at.Line, Column: at.Col}
		}
		out.Disputes = append(out.Disputes, d)
	}
	return render.WriteJSON(w, out)
}

func countMap(cs []Count) map[string]int {
	m := make(map[string]int, len(cs))
	for _, c := range cs {
		m[c.Name] = c.N
	}
	return m
}
