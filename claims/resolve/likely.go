package resolve

import (
	"slices"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/value"
)

// Likely is the side of a dispute that disputed, the report and check
// point readers to: the value the desk settled the dispute on, when its
// disputes: entry did, and otherwise the estimate's likely value. An
// estimate comes from the ledger's own agreement and is not a fact;
// a settled value is the desk's word and wins over it.
type Likely struct {
	// Value is the likely value as the dispute shows it: the common
	// value of the position that holds it; the settled value as the desk
	// wrote it; or, when no position holds it (a vague claim's value),
	// as a claim wrote it.
	Value string
	// Position indexes the dispute's Positions: the side whose claims
	// hold Value. It is -1 when no side does, or when a settled value
	// meets more than one.
	Position int
	// Confidence is the estimated probability that Value is right; 0
	// when Settled.
	Confidence float64
	// Settled is set when the value is the one the desk settled the
	// dispute on rather than an estimate.
	Settled bool
	// Thin is set when there is too little evidence to estimate (see
	// Value.Thin): then Value is empty, Position -1 and Confidence 0.
	Thin bool
	// Reason is set when the likely side is the only one left once the
	// dispute's mistakes are set aside ("the other side is one outlet's
	// slip"): a desk needs no estimate for that. Confidence is 0 then.
	Reason string
}

// LikelyOf returns the likely side of d, a dispute of a: the settled
// value when the desk settled it, else r's likely value for its topic,
// context and moment. r may be nil (the estimate did not run): then only
// a settled dispute has a likely side. It returns nil when there is
// none, and when the estimate ties (see Value.Tied).
func LikelyOf(a *claims.Analysis, r *Result, d *claims.Dispute) *Likely {
	if d.Settled != "" {
		return settled(a.Ledger, d)
	}
	if lk := BesideMistakes(d); lk != nil {
		return lk
	}
	if lk := LaterCount(a.Ledger, d); lk != nil {
		return lk
	}
	if r == nil {
		return nil
	}
	v := r.ValueOf(firstMember(d))
	if v != nil && v.Thin {
		return &Likely{Position: -1, Thin: true}
	}
	if v == nil || v.Tied() {
		return nil
	}
	lk := &Likely{Value: v.Value, Position: -1, Confidence: v.Confidence}
	for pi := range d.Positions {
		p := &d.Positions[pi]
		if !p.Denies && slices.Contains(p.Members(), v.Rep) {
			lk.Value, lk.Position = p.Common, pi
			break
		}
	}
	return lk
}

// BesideMistakes returns the one side of d that holds a value and is no
// mistake, when every other side that holds one is (see
// claims.Position.Mistake); nil otherwise. Such a dispute is one side
// against its own misprint, and the side is likely whatever the
// sources' agreement elsewhere says.
func BesideMistakes(d *claims.Dispute) *Likely {
	kept, what := -1, ""
	for pi := range d.Positions {
		p := &d.Positions[pi]
		switch {
		case p.Denies:
		case p.Mistake != "":
			what = p.Mistake
		case kept >= 0:
			return nil
		default:
			kept = pi
		}
	}
	if kept < 0 || what == "" {
		return nil
	}
	reason := map[string]string{
		claims.MistakeSlip:       "the other side is one outlet's slip",
		claims.MistakeMisquote:   "the other side misquotes its origin",
		claims.MistakeMisreading: "the other side reads a bound as the figure",
	}[what]
	return &Likely{Value: d.Positions[kept].Common, Position: kept, Reason: reason}
}

// LaterCount returns the one side of d that holds the count of a body
// that keeps it (a government, an official, a document, a data set),
// when every other side is outlets' own figures printed before that body
// gave its count: the police's 350 residents after their investigation,
// against the 600 outlets printed in the first days. A desk takes the
// later count and needs no estimate for it. nil otherwise.
func LaterCount(l *claims.Ledger, d *claims.Dispute) *Likely {
	if t := l.Topics[d.Topic]; t == nil || t.Spec.Type != value.Number {
		return nil // a count, not a choice or a name
	}
	keeper, kept := -1, ""
	for pi := range d.Positions {
		p := &d.Positions[pi]
		if p.Denies || !slices.ContainsFunc(p.OriginIDs, l.KeepsCount) {
			continue
		}
		if keeper >= 0 {
			return nil
		}
		keeper = pi
		for _, i := range p.Members() {
			if c := &l.Claims[i]; l.KeepsCount(c.Source) && c.Date != "" && (kept == "" || c.Date < kept) {
				kept = c.Date
			}
		}
	}
	if keeper < 0 || kept == "" {
		return nil
	}
	others := 0
	for pi := range d.Positions {
		p := &d.Positions[pi]
		if pi == keeper || p.Denies {
			continue
		}
		others++
		for _, id := range p.OriginIDs {
			if s := l.Sources.Get(id); s == nil || !s.Kind.Reports() {
				return nil
			}
		}
		for _, i := range p.Members() {
			if c := &l.Claims[i]; c.Date == "" || c.Date >= kept {
				return nil
			}
		}
	}
	if others == 0 {
		return nil
	}
	p := &d.Positions[keeper]
	return &Likely{Value: p.Common, Position: keeper, Reason: "the later count of the body that keeps it; the other sides are outlets' earlier figures"}
}

// firstMember is the first claim of d's first position that has one, by
// which its group is found; -1 for none.
func firstMember(d *claims.Dispute) int {
	for _, p := range d.Positions {
		if m := p.Members(); len(m) > 0 {
			return m[0]
		}
	}
	return -1
}

// settled marks the position whose common value meets the value the desk
// settled d on, when exactly one does.
func settled(l *claims.Ledger, d *claims.Dispute) *Likely {
	lk := &Likely{Value: d.Settled, Position: -1, Settled: true}
	t := l.Topics[d.Topic]
	if t == nil {
		return lk
	}
	v, err := value.Parse(d.Settled, t.Spec)
	if err != nil {
		return lk
	}
	for pi := range d.Positions {
		p := &d.Positions[pi]
		if p.Denies || !value.Meets(v, p.CommonSet()) {
			continue
		}
		if lk.Position >= 0 {
			lk.Position = -1
			break
		}
		lk.Position = pi
	}
	return lk
}

// Marks returns the likely side of each dispute of ds (disputes of a),
// in ds's order; an entry is nil where there is none. It runs the
// estimator once, and only when estimate is set and some dispute has no
// settled value for it to mark.
func Marks(a *claims.Analysis, ds []claims.Dispute, estimate bool) []*Likely {
	if len(ds) == 0 {
		return nil
	}
	var r *Result
	if estimate && slices.ContainsFunc(ds, func(d claims.Dispute) bool { return d.Settled == "" }) {
		// Only the disputes' values are read: the groups of their
		// first claims, as LikelyOf finds them.
		l := a.Ledger
		only := map[[3]string]bool{}
		for i := range ds {
			if first := firstMember(&ds[i]); ds[i].Settled == "" && first >= 0 {
				c := &l.Claims[first]
				only[[3]string{c.Topic, c.Context, l.Moment(c)}] = true
			}
		}
		r = Run(a, Options{only: only})
	}
	out := make([]*Likely, len(ds))
	for i := range ds {
		out[i] = LikelyOf(a, r, &ds[i])
	}
	return out
}
