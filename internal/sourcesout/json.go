package sourcesout

import (
	"io"

	"github.com/claimdiff/claimdiff/claims/bysource"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
)

// sourcesJSON is the JSON contract of sources --format json.
type sourcesJSON struct {
	Sources []sourceJSON             `json:"sources"`
	Skipped *disputedout.SkippedJSON `json:"skipped,omitempty"`
}

type sourceJSON struct {
	ID        string   `json:"id"`
	Name      string   `json:"name,omitempty"`
	Kind      string   `json:"kind,omitempty"`
	Claims    int      `json:"claims"`
	Relayed   int      `json:"relayed"`
	Disputed  int      `json:"disputed"`
	Disputes  int      `json:"disputes"`
	WithBest  int      `json:"with_best_supported"`
	Chain     []string `json:"chain"`
	Anonymous bool     `json:"anonymous,omitempty"`
	// Accuracy and Copies are resolve's estimates, for a source whose
	// claims it took into account.
	Accuracy *float64    `json:"accuracy,omitempty"`
	Copies   *[]copyJSON `json:"copies,omitempty"`
}

// SourcesJSON writes each source's record as sources --format json does,
// with est's estimates of its accuracy and copying (est is nil when the
// estimate did not run).
func SourcesJSON(w io.Writer, stats []bysource.SourceStat, est *resolve.Result, skipped *disputedout.SkippedJSON) error {
	return render.WriteJSON(w, sourcesJSON{Sources: render.Each(stats, func(s *bysource.SourceStat) sourceJSON {
		out := newSourceJSON(s)
		if e := estimateOf(est, s.ID); e != nil {
			acc := render.Accuracy(e.Accuracy)
			copies := make([]copyJSON, 0, len(e.Copies))
			for _, c := range e.Copies {
				copies = append(copies, copyJSON{Source: c.From, Probability: render.Probability(c.Probability)})
			}
			out.Accuracy, out.Copies = &acc, &copies
		}
		return out
	}), Skipped: skipped})
}

// estimateOf is est's estimate for source id, or nil.
func estimateOf(est *resolve.Result, id string) *resolve.Source {
	if est == nil {
		return nil
	}
	return est.Source(id)
}

func newSourceJSON(s *bysource.SourceStat) sourceJSON {
	return sourceJSON{ID: s.ID, Name: s.Name, Kind: s.Kind, Claims: s.Claims, Relayed: s.Relayed,
		Disputed: s.Disputed, Disputes: s.Disputes, WithBest: s.WithBest, Chain: s.Chain,
		Anonymous: s.Anonymous}
}

// copyJSON is a source that one likely copies from, in sources --format
// json.
type copyJSON struct {
	Source      string  `json:"source"`
	Probability float64 `json:"probability"`
}
