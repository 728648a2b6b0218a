// Package claimstest holds what tests of several claims packages share:
// comparing loaded claims field by field.
package claimstest

import (
	"fmt"
	"slices"

	"github.com/claimdiff/claimdiff/claims"
)

// Diff says how got differs from want, claim by claim, in the fields a
// ledger file writes; "" when they are the same.
func Diff(want, got []claims.Claim) string {
	if len(want) != len(got) {
		return fmt.Sprintf("%d claims, want %d", len(got), len(want))
	}
	type data struct {
		ID, Topic, Value, Source   string
		Via                        []string
		Date, AsOf, Quote, Context string
		Denies, Negated, DerivedID bool
		Note                       string
	}
	norm := func(c claims.Claim) data {
		return data{c.ID, c.Topic, c.Value.Raw, c.Source, slices.Clip(append([]string{}, c.Via...)), c.Date, c.AsOf, c.Quote, c.Context,
			c.Denies, c.Value.Negated, c.DerivedID, c.Note}
	}
	for i := range want {
		w, g := norm(want[i]), norm(got[i])
		if fmt.Sprintf("%#v", w) != fmt.Sprintf("%#v", g) {
			return fmt.Sprintf("claim %d:\n got %#v\nwant %#v", i, g, w)
		}
	}
	return ""
}
