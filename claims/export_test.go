package claims

import "github.com/claimdiff/claimdiff/claims/internal/figure"

// Hooks for the external tests of this package, which load ledgers through
// claims/load and so cannot live inside it.

// WithBruteRun sets how long a run of one origin's claims revise compares
// pair by pair, so a test can hold the ordered search to the pairwise one.
func WithBruteRun(o Options, n int) Options {
	o.bruteRun = n
	return o
}

// IsFigure lets the external tests tell figures from ranges and bounds.
var IsFigure = figure.IsFigure

// SaysEarlier lets the external tests read a quote as undatedReviser does.
var SaysEarlier = saysEarlier
