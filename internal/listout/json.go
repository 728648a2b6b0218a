package listout

import (
	"io"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
)

// listJSON is the JSON contract of list --format json.
type listJSON struct {
	Claims    []claimJSON                `json:"claims"`
	Count     int                        `json:"count"`
	Revisions []disputedout.RevisionJSON `json:"revisions,omitempty"`
	Skipped   *disputedout.SkippedJSON   `json:"skipped,omitempty"`
}

type claimJSON struct {
	ID        string   `json:"id"`
	Topic     string   `json:"topic"`
	Value     string   `json:"value"`
	Denies    bool     `json:"denies,omitempty"`
	Source    string   `json:"source"`
	Via       []string `json:"via,omitempty"`
	Date      string   `json:"date,omitempty"`
	AsOf      string   `json:"as_of,omitempty"`
	Context   string   `json:"context,omitempty"`
	Quote     string   `json:"quote,omitempty"`
	Disputed  bool     `json:"disputed"`
	RevisedBy string   `json:"revised_by,omitempty"`
	NoValue   bool     `json:"no_value,omitempty"`
	Note      string   `json:"note,omitempty"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
}

// ClaimsJSON writes claims, and the revisions among them, as list
// --format json does.
func ClaimsJSON(w io.Writer, rows []claims.ListedClaim, revs []claims.Revision, skipped *disputedout.SkippedJSON) error {
	return render.WriteJSON(w, listJSON{Claims: render.Each(rows, newClaimJSON), Count: len(rows), Revisions: disputedout.NewRevisionsJSON(revs),
		Skipped: skipped})
}

func newClaimJSON(c *claims.ListedClaim) claimJSON {
	return claimJSON{ID: c.ID, Topic: c.Topic, Value: c.Value, Denies: c.Denies, Source: c.Source,
		Via: c.Via, Date: c.Date, AsOf: c.AsOf, Context: c.Context, Quote: c.Quote,
		Disputed: c.Disputed, RevisedBy: c.RevisedBy, NoValue: c.NoValue, Note: c.Note, File: c.File, Line: c.Line}
}
