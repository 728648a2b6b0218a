package check

import (
	"github.com/claimdiff/claimdiff/claims"
)

// CreditQuotes credits each quote of a's disputes to whoever wrote it. A
// claim relayed through outlets (via) may carry the outlet's own sentence
// rather than the origin's words: a fact-checker writing "the registry now
// lists 2,975 deaths". When the quote is in the archived text of an outlet
// on the claim's chain and in none of the source's own, the quote is the
// outlet's, with the source named as its origin; the outlet nearest the
// reader wins. Without archived texts nothing changes: a quote is its
// source's unless a text says otherwise.
func CreditQuotes(a *claims.Analysis) {
	l := a.Ledger
	if l.Example {
		return
	}
	qc := &quoteChecker{l: l, archives: map[string]*archived{}}
	for di := range a.Disputes {
		for pi := range a.Disputes[di].Positions {
			p := &a.Disputes[di].Positions[pi]
			if len(p.Quotes) == 0 {
				continue
			}
			byID := make(map[string]*claims.Claim, len(p.Members()))
			for _, i := range p.Members() {
				byID[l.Claims[i].ID] = &l.Claims[i]
			}
			for k := range p.Quotes {
				q := &p.Quotes[k]
				c := byID[q.Claim]
				if c == nil || len(c.Via) == 0 {
					continue
				}
				if by := qc.writer(c); by != "" && by != c.Source {
					q.Source, q.Origin = by, c.Source
				}
			}
		}
	}
}

// writer returns the source on c's chain whose archived text holds c's
// quote word for word: the claim's source when one of its own texts does,
// else the relay nearest the reader that does; "" when no text tells.
func (qc *quoteChecker) writer(c *claims.Claim) string {
	chain := qc.l.Sources.Chain(c.Source, c.Via)
	holds := func(id string) bool {
		s := qc.l.Sources.Get(id)
		if s == nil {
			return false
		}
		for _, p := range s.TextPaths() {
			if ar := qc.archive(s, p); ar.err == nil && ar.a.Find(c.Quote).Exact {
				return true
			}
		}
		return false
	}
	if holds(c.Source) {
		return c.Source
	}
	for k := len(chain) - 1; k >= 0; k-- { // the relay nearest the reader first
		if id := chain[k]; id != c.Source && holds(id) {
			return id
		}
	}
	return ""
}
