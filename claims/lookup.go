package claims

import "github.com/claimdiff/claimdiff/claims/value"

// What the engine worked out about single claims, for the packages that
// judge claims against it (check, diff) without redoing its work.

// Value is claim i's comparable value: its own, or for a relative claim
// the value resolved against the topic it refers to.
func (a *Analysis) Value(i int) value.Value { return a.vals.at(i) }

// Comparable reports whether claim i takes part in comparison at all: it
// has a value, and a relative one could be resolved.
func (a *Analysis) Comparable(i int) bool { return a.vals.comparable(i) }

// Moment is what a claim of a changing topic is about (its as_of, or else
// its date); "" for a topic that does not change. Claims about different
// moments are never compared.
func (l *Ledger) Moment(c *Claim) string { return moment(l, c) }

// CommonSet is the set every claim of the position allows.
func (p *Position) CommonSet() value.Value { return p.common }

// Reference is what a relative value naming topic scales: the smallest
// interval holding every absolute value claimed on topic, as the engine
// takes it. ok is false when the topic has no absolute value.
func (l *Ledger) Reference(topic string) (ref value.Value, ok bool) {
	for i := range l.Claims {
		c := &l.Claims[i]
		if c.Topic != topic || c.Value.Type == "" || c.Value.Ref != "" || c.Value.Negated {
			continue
		}
		if !ok {
			ref, ok = c.Value, true
		} else {
			ref = hull(ref, c.Value)
		}
	}
	return ref, ok
}
