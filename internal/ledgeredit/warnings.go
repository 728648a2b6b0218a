package ledgeredit

import (
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// NewWarnings are the warnings of after that before did not have, by
// code and message.
func NewWarnings(before, after *claims.Ledger) []diag.Problem {
	key := func(p diag.Problem) string { return p.Code + "\x00" + p.Message }
	had := map[string]int{}
	for _, p := range append(slices.Clone(before.Problems), load.Warnings(before)...) {
		had[key(p)]++
	}
	var out []diag.Problem
	for _, p := range append(slices.Clone(after.Problems), load.Warnings(after)...) {
		if p.Severity != diag.Warning {
			continue
		}
		if had[key(p)] > 0 {
			had[key(p)]--
			continue
		}
		out = append(out, p)
	}
	diag.Sort(out)
	return out
}

// Errors are the errors among ps.
func Errors(ps []diag.Problem) []diag.Problem {
	var out []diag.Problem
	for _, p := range ps {
		if p.Severity == diag.Error {
			out = append(out, p)
		}
	}
	return out
}
