// Package bysource is the ledger seen source by source: how each source
// fares across it (Stats, for the sources command) and what two sets of
// sources say against each other (CompareSources, for compare).
package bysource

import (
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
)

// SourceStat is how a source fares across the ledger.
type SourceStat struct {
	ID     string
	Name   string
	Kind   string
	Claims int
	// Relayed counts claims of other origins that passed through it (via).
	Relayed int
	// Disputed counts its claims that sit in a dispute.
	Disputed int
	// Disputes counts disputes it takes a side in; WithBest those where it
	// sides with the best-supported position, when one position leads.
	Disputes  int
	WithBest  int
	Chain     []string
	Anonymous bool
}

// SourceStats returns a stat for every defined source, in ledger order.
func Stats(a *claims.Analysis) []SourceStat {
	l := a.Ledger
	byID := map[string]*SourceStat{}
	out := make([]SourceStat, 0, l.Sources.Len())
	for _, s := range l.Sources.All() {
		out = append(out, SourceStat{ID: s.ID, Name: s.Name, Kind: string(s.Kind),
			Chain: l.Sources.Chain(s.ID, nil), Anonymous: s.Anonymous()})
	}
	for i := range out {
		byID[out[i].ID] = &out[i]
	}
	for i := range l.Claims {
		c := &l.Claims[i]
		if st := byID[c.Source]; st != nil {
			st.Claims++
			if a.InDispute(i) {
				st.Disputed++
			}
		}
		for _, v := range c.Via {
			if st := byID[v]; st != nil {
				st.Relayed++
			}
		}
	}
	for _, d := range a.Disputes {
		lead := len(d.Positions) > 1 && d.Positions[0].Strength > d.Positions[1].Strength
		sided := map[string]bool{}
		for pi, p := range d.Positions {
			for _, o := range p.OriginIDs {
				if st := byID[o]; st != nil && !sided[o] {
					sided[o] = true
					st.Disputes++
					if lead && pi == 0 {
						st.WithBest++
					}
				}
			}
		}
	}
	return out
}

// SortSourceStats orders by claims in disputes, then claims, then id.
func SortSourceStats(stats []SourceStat) {
	slices.SortStableFunc(stats, func(a, b SourceStat) int {
		if a.Disputed != b.Disputed {
			return b.Disputed - a.Disputed
		}
		if a.Claims != b.Claims {
			return b.Claims - a.Claims
		}
		return strings.Compare(a.ID, b.ID)
	})
}
