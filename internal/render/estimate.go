package render

import (
	"fmt"
	"math"
	"strconv"

	"github.com/claimdiff/claimdiff/claims/resolve"
)

// What disputed, sources and the report say about resolve's estimate.
// The estimate comes from the ledger's own agreement, so its wording
// says so, and a value the desk settled on is never called an estimate.

// Percent writes a probability for people: whole percents, rounded down
// so that nothing short of certainty reads 100%; under 1%, "<1%".
func Percent(p float64) string {
	switch pc := int(p * 100); {
	case p >= 1:
		return "100%"
	case pc == 0 && p > 0:
		return "<1%"
	default:
		return strconv.Itoa(pc) + "%"
	}
}

// Probability cuts a probability to four decimals, rounding down, so
// that a value the model is nearly sure of reads 0.9999 and never 1.
func Probability(p float64) float64 {
	if math.IsNaN(p) {
		return 0
	}
	return math.Floor(p*1e4) / 1e4
}

// Accuracy is a source's estimated accuracy to four decimals, as resolve
// --format json writes it.
func Accuracy(a float64) float64 { return math.Round(a*1e4) / 1e4 }

// LikelyNote is the line under a dispute that names its likely side:
// "likely:" and "600,000 (estimate 87%, from the sources' agreement
// across the ledger)", or "settled by the desk:" and the settled value.
// settled is the dispute's settled value; it wins over lk, which may be
// nil. label is "" when there is nothing to say.
func LikelyNote(settled string, lk *resolve.Likely) (label, text string) {
	switch {
	case settled != "":
		return "settled by the desk:", settled
	case lk == nil || lk.Settled:
		return "", ""
	case lk.Thin:
		return "likely:", "too little evidence to estimate (a single source on each side, one of them with few claims in the ledger)"
	case lk.Reason != "":
		return "likely:", fmt.Sprintf("%s (%s)", lk.Value, lk.Reason)
	}
	return "likely:", fmt.Sprintf("%s (%s, from the sources' agreement across the ledger)", lk.Value, EstimateText(lk))
}

// EstimateText is "estimate 87%" for an estimate, "settled by the desk"
// for a settled value.
func EstimateText(lk *resolve.Likely) string {
	if lk.Settled {
		return "settled by the desk"
	}
	if lk.Thin {
		return "too little evidence to estimate"
	}
	if lk.Reason != "" {
		return lk.Reason
	}
	return "estimate " + Percent(lk.Confidence)
}

// likelyJSON is a dispute's "likely" object: its likely value, the index
// of the position that holds it, and whether it is an estimate (with
// its confidence) or the value the desk settled on.
type likelyJSON struct {
	Value      string  `json:"value"`
	Position   *int    `json:"position,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	Estimate   bool    `json:"estimate"`
	// TooLittleEvidence marks an estimate not made (resolve.Likely.Thin):
	// value is empty then.
	TooLittleEvidence bool `json:"too_little_evidence,omitempty"`
	// Reason says why the value is likely without an estimate (see
	// resolve.Likely.Reason); estimate is false then.
	Reason string `json:"reason,omitempty"`
}

func newLikelyJSON(lk *resolve.Likely) *likelyJSON {
	if lk == nil {
		return nil
	}
	out := &likelyJSON{Value: lk.Value, Estimate: !lk.Settled && lk.Reason == "", TooLittleEvidence: lk.Thin, Reason: lk.Reason}
	if lk.Position >= 0 {
		p := lk.Position
		out.Position = &p
	}
	if !lk.Settled {
		out.Confidence = Probability(lk.Confidence)
	}
	return out
}

// copyJSON is a source that one likely copies from, in sources --format
// json.
type copyJSON struct {
	Source      string  `json:"source"`
	Probability float64 `json:"probability"`
}
