package claims

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value"
)

// Severity ranks disputes for a reader's attention.
type Severity string

const (
	SeverityLow    Severity = "low"
	SeverityMedium Severity = "medium"
	SeverityHigh   Severity = "high"
)

// Severities lists them from least to most severe.
var Severities = []Severity{SeverityLow, SeverityMedium, SeverityHigh}

func (s Severity) rank() int { return slices.Index(Severities, s) }

// AtLeast reports whether s is min or more severe.
func (s Severity) AtLeast(min Severity) bool { return s.rank() >= min.rank() }

// ParseSeverity reads low, medium or high.
func ParseSeverity(s string) (Severity, bool) {
	sv := Severity(strings.ToLower(s))
	return sv, slices.Contains(Severities, sv)
}

// wellBeyond is the gap, as a fraction of the larger value, past which two
// numbers are plainly different claims rather than rounding.
const wellBeyond = 0.2

// rate scores a dispute from 0 to 100: up to 40 for independent support on
// both sides (an anonymous origin counting half; the weaker side weighs
// three times the stronger, since a split needs two sides), up to 40 for how far
// apart the sides are, and 20 when the values are more than wording.
// Disputes resting on one anonymous origin, or on text (often only
// wording), rank lower: text halves the support and gap parts.
func rate(d *Dispute, l *Ledger) {
	ps := d.Positions
	first, second := ps[0], ps[1]
	weaker, stronger := math.Min(first.Strength, second.Strength), math.Max(first.Strength, second.Strength)
	support := 0.75*math.Min(weaker, 3)/3 + 0.25*math.Min(stronger, 4)/4
	d.Gap = value.Gap(first.common, second.common)
	if first.Denies || second.Denies {
		d.Gap = 1
	}
	gap := math.Min(d.Gap/wellBeyond, 1)
	kind := 1.0
	if first.common.Type == value.Text {
		kind, gap, support = 0.3, gap*0.5, support*0.5
	}
	score := 40*support + 40*gap + 20*kind
	if len(d.Kinds) == 1 && d.Kinds[0] == KindSelf {
		score *= 0.8 // one origin's slip: worth a look, less than a real split
	}
	d.Score = int(math.Round(score))
	switch {
	case d.Score >= 70:
		d.Severity = SeverityHigh
	case d.Score >= 45:
		d.Severity = SeverityMedium
	default:
		d.Severity = SeverityLow
	}
}

// relativeRef records what a relative claim was scaled from.
type relativeRef struct {
	topic string
	ref   value.Value
}

// resolveRelative scales each relative claim ("half of ukraine.army-size")
// by the values of the topic it names. When that topic holds several
// compatible or conflicting values, the relative claim covers their whole
// range, so it conflicts only with what no reading of the reference allows.
func resolveRelative(l *Ledger, a *Analysis) (*values, map[int]relativeRef) {
	vals := &values{l: l, resolved: map[int]value.Value{}}
	refs := map[int]relativeRef{}
	var byTopic map[string][]int
	for i := range l.Claims {
		c := &l.Claims[i]
		if c.Value.Ref == "" {
			continue
		}
		if byTopic == nil {
			byTopic = map[string][]int{}
			for j := range l.Claims {
				cj := &l.Claims[j]
				if cj.Value.Type != "" && cj.Value.Ref == "" && !cj.Value.Negated {
					byTopic[cj.Topic] = append(byTopic[cj.Topic], j)
				}
			}
		}
		targets := byTopic[c.Value.Ref]
		if len(targets) == 0 {
			a.Unresolved = append(a.Unresolved, i)
			continue
		}
		ref := l.Claims[targets[0]].Value
		for _, j := range targets[1:] {
			ref = hull(ref, l.Claims[j].Value)
		}
		spec := value.Spec{}
		if t := l.Topics[c.Topic]; t != nil {
			spec = t.Spec
		}
		r := value.Resolve(c.Value, ref, spec)
		r.Negated = c.Value.Negated
		vals.resolved[i] = r
		refs[i] = relativeRef{topic: c.Value.Ref, ref: ref}
	}
	return vals, refs
}

// hull is the smallest interval holding both values.
func hull(a, b value.Value) value.Value {
	out := a
	out.Raw = a.Raw + ", " + b.Raw
	if b.Lo < a.Lo || b.Lo == a.Lo && !b.LoOpen {
		out.Lo, out.LoOpen = b.Lo, b.LoOpen
	}
	if b.Hi > a.Hi || b.Hi == a.Hi && !b.HiOpen {
		out.Hi, out.HiOpen = b.Hi, b.HiOpen
	}
	out.Approx = true
	return out
}

// arithmetic explains each relative claim in a dispute against the other
// positions, e.g. "half of ukraine.army-size (≈ 850,000) ≈ 425,000 vs 600,000":
// the relative value as written names its topic, then the numbers.
func arithmetic(l *Ledger, ps []Position, vals *values, refs map[int]relativeRef) []string {
	var out []string
	for pi, p := range ps {
		for _, i := range p.members {
			r, ok := refs[i]
			if !ok {
				continue
			}
			var others []string
			for pj, q := range ps {
				if pj != pi {
					others = append(others, q.Common)
				}
			}
			c := &l.Claims[i]
			line := fmt.Sprintf("%s (%s) ≈ %s", c.Value.Raw, r.ref.String(), strings.TrimPrefix(vals.at(i).String(), "≈ "))
			if len(others) > 0 {
				line += " vs " + strings.Join(others, " vs ")
			}
			out = append(out, line)
		}
	}
	return out
}
