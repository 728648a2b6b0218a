package claims

import (
	"github.com/claimdiff/claimdiff/claims/internal/figure"
	"github.com/claimdiff/claimdiff/claims/value"
)

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
		if c := &l.Claims[i]; c.Topic == topic {
			ref, ok = AddReference(ref, ok, c)
		}
	}
	return ref, ok
}

// AddReference widens ref (set when ok) by claim c's value, as Reference
// does claim by claim, in ledger order; a claim with no absolute value
// leaves it as it is. A pipeline that finds references from claims spread
// over many machines folds them with it.
func AddReference(ref value.Value, ok bool, c *Claim) (value.Value, bool) {
	if c.Value.Type == "" || c.Value.Ref != "" || c.Value.Negated {
		return ref, ok
	}
	if !ok {
		return c.Value, true
	}
	return figure.Hull(ref, c.Value), true
}
