// Package claimstest holds what tests of several claims packages share:
// ledgers to load and comparing loaded claims field by field.
package claimstest

import (
	"fmt"
	"slices"
	"strings"

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

// Header defines the sources and topics that tests of diff and source
// comparison write their claims under.
const Header = `ledger: 1
sources:
  reuters: {name: Reuters, kind: wire}
  axios: {name: Axios, kind: outlet}
  ap: {name: AP, kind: wire}
  tass: {name: TASS, kind: outlet}
topics:
  cap: {type: number, tolerance: 1%}
  rejoins: {type: choice, choices: [G7, G8]}
claims:
`

// ManyValues writes a ledger with one topic on which n claims each give a
// different figure, from 64 sources on one date: the worst case for the
// engine, since every claim is a position of its own. shift moves one
// claim's figure, so that a diff has something to find.
func ManyValues(n, shift int) []byte {
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n")
	for s := range 64 {
		fmt.Fprintf(&b, "  s%d: {name: Source %d, kind: outlet}\n", s, s)
	}
	b.WriteString("topics:\n  toll: {type: number}\nclaims:\n")
	for i := range n {
		v := 1000 + 3*i
		if i == n/2 {
			v += shift
		}
		fmt.Fprintf(&b, "  - {id: c%d, topic: toll, value: %d, source: s%d, date: 2025-11-20}\n", i, v, i%64)
	}
	return []byte(b.String())
}
