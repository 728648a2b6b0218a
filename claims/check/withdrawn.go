package check

import (
	"math"
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/assert"
	"github.com/claimdiff/claimdiff/claims/value"
)

// withdrawn refutes an assertion, judged conflicting or unverified
// among the live claims, that repeats a figure its own origin
// later revised away ("870,000" when the study that gave it lowered it to
// 837,214), on a topic whose value does not change: the figure is no
// longer anyone's word, however near some other side's rounder figure
// lies. A figure some live claim still
// states, or one the revision still meets, is left to the live claims;
// on a changes: true topic the moment-by-moment judgement says how long
// it held. A bound the origin moved away from ("more than one billion",
// then all three billion) is withdrawn too, even where the new figure
// fits it: the revision is the engine's word that the figure moved past
// what the bound said (docs/JUDGEMENT.md, rule 10a).
func (c *checker) withdrawn(r *Result, x assert.Assertion, t *claims.Topic, v value.Value) {
	if t.Changes || v.Negated || !isFigure(v) && !isBound(v) {
		return
	}
	l := c.a.Ledger
	for _, i := range c.live[x.Topic] {
		if sameContext(l.Claims[i].Context, x.Context) && states(c.a.Value(i), v) {
			return
		}
	}
	if c.revised == nil {
		c.revised = map[string][]int{}
		for from := range c.a.Superseded {
			t := l.Claims[from].Topic
			c.revised[t] = append(c.revised[t], from)
		}
		for _, idx := range c.revised {
			slices.Sort(idx)
		}
	}
	for _, from := range c.revised[x.Topic] {
		cl := &l.Claims[from]
		if !sameContext(cl.Context, x.Context) || !states(c.a.Value(from), v) {
			continue
		}
		last := c.a.Superseded[from]
		for next, ok := c.a.Superseded[last]; ok; next, ok = c.a.Superseded[last] {
			last = next
		}
		if isFigure(v) && value.Meets(v, c.a.Value(last)) || !c.a.Comparable(last) {
			continue
		}
		nc := &l.Claims[last]
		*r = Result{Topic: r.Topic, Asserted: r.Asserted, Read: r.Read, Context: r.Context, AsOf: r.AsOf, Pos: r.Pos}
		r.Verdict = Refuted
		r.Others = []Side{c.side([]int{last})}
		r.Message = "withdrawn: " + claims.Revision{
			Origin: cl.Source, From: cl.Shown(), To: nc.Shown(), FromDate: cl.Date, ToDate: nc.Date}.String()
		return
	}
}

// isFigure reports whether v is one number (not a range, a bound or a
// word) that an assertion can repeat.
func isFigure(v value.Value) bool { return !math.IsNaN(v.Nominal) && v.Ref == "" }

// isBound reports whether v is a half-line ("more than one billion").
func isBound(v value.Value) bool { return v.Ref == "" && math.IsInf(v.Lo, 0) != math.IsInf(v.Hi, 0) }

// states reports whether w states the figure or bound v: the same number,
// however written, or the same half-line, and not a denial of it.
func states(w, v value.Value) bool {
	if w.Negated || w.Currency != v.Currency || w.Type != v.Type {
		return false
	}
	if isBound(v) {
		return isBound(w) && w.Lo == v.Lo && w.Hi == v.Hi && w.LoOpen == v.LoOpen && w.HiOpen == v.HiOpen
	}
	return !math.IsNaN(w.Nominal) && w.Nominal == v.Nominal
}
