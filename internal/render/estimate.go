package render

import (
	"fmt"
	"math"

	"github.com/claimdiff/claimdiff/claims/estimate"
	"github.com/claimdiff/claimdiff/claims/resolve"
)

// What disputed, sources and the report say about resolve's estimate.
// The estimate comes from the ledger's own agreement, so its wording
// says so, and a value the desk settled on is never called an estimate.

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
		return "likely:", "too little evidence to estimate (a vote of independent origins does not settle it, and some of them have few claims in the ledger)"
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
	return "estimate " + estimate.Percent(lk.Confidence)
}
