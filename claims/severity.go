package claims

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/internal/figure"
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

// minHighGap is the least gap part (of 1) a high dispute needs: however
// well supported, a split over a trivial difference (a few minutes, 2% of
// a figure) is medium.
const minHighGap = 0.25

// The parts of a dispute's score, out of 100: support carries the most, so
// that a split many independent origins carry outranks one outlet's slip,
// however far off the slip is.
const (
	supportPoints = 50
	gapPoints     = 30
	kindPoints    = 20
)

// rate scores a dispute from 0 to 100 between its best-supported position
// and the strongest position opposed to it:
//   - up to 50 for independent support: 30 for the weaker of the two sides
//     (full at 3 origins) and 20 for every origin on any side of the
//     dispute (full at 6), an anonymous origin counting half;
//   - up to 30 for how far apart the two are, on their own scale: numbers
//     by relative gap (full at 20%), dates and datetimes in time (see
//     timeScale), words that differ and denials always full;
//   - 20 when the values are more than wording.
//
// Disputes resting on one anonymous origin, or on text (often only
// wording), rank lower: text halves the support and gap parts and gets 6
// for its kind. A dispute that is only one origin's self-contradiction
// scores four fifths. High is 70 and up with a gap part of minHighGap or
// more; medium 45 and up; low below.
func rate(d *Dispute, l *Ledger) {
	ps := d.Positions
	first, second := &ps[0], &ps[min(1, len(ps)-1)]
	for j := 1; j < len(ps); j++ {
		if d.Opposed(0, j) {
			second = &ps[j]
			break
		}
	}
	weaker := math.Min(first.Strength, second.Strength)
	support := 0.6*math.Min(weaker, 3)/3 + 0.4*math.Min(d.origins, 6)/6
	var spec value.Spec
	if t := l.Topics[d.Topic]; t != nil {
		spec = t.Spec
	}
	d.Gap = figure.GapBetween(first.common, second.common, spec)
	if first.Denies || second.Denies {
		d.Gap = 1
	}
	gap := d.Gap
	if !figure.IsTime(first.common.Type) {
		gap = math.Min(d.Gap/wellBeyond, 1)
	}
	kind := 1.0
	if first.common.Type == value.Text {
		kind, gap, support = 0.3, gap*0.5, support*0.5
	}
	score := supportPoints*support + gapPoints*gap + kindPoints*kind
	if len(d.Kinds) == 1 && d.Kinds[0] == KindSelf {
		score *= 0.8 // one origin's slip: worth a look, less than a real split
	}
	if first.Mistake == MistakeMisquote || second.Mistake == MistakeMisquote || relaysDisagree(l, d, first, second) {
		// An outlet that misprinted what its origin said is the outlet's
		// error, not a split between sources.
		score = math.Min(score, 44)
	} else if weak := misread(l, d, first, second); weak != nil {
		// An outlet that printed the end of its origin's bound as the
		// figure ("0.1%" for "less than 0.1%") misread it.
		score = math.Min(score, 44)
		weak.Mistake = MistakeMisreading
	} else if weak := slip(l, first, second); weak != nil {
		// One outlet's slip, or a lone early guess, against a side several
		// origins carry is worth a note, not a desk's alarm.
		score = math.Min(score, 44)
		if strong, _ := strongAndWeak(first, second); weak.Mistake == "" && figure.TypoOf(weak.common, strong.common) {
			weak.Mistake = MistakeSlip
		}
	}
	d.Score = int(math.Round(score))
	switch {
	case d.Score >= 70 && gap >= minHighGap:
		d.Severity = SeverityHigh
	case d.Score >= 45:
		d.Severity = SeverityMedium
	default:
		d.Severity = SeverityLow
	}
}

// relaysDisagree reports whether d is one origin's figures that reach us
// only through outlets, which carried different ones: what the origin
// said is in doubt, not split between sources, and one outlet likely
// misprinted it.
func relaysDisagree(l *Ledger, d *Dispute, first, second *Position) bool {
	if len(d.Kinds) != 1 || d.Kinds[0] != KindSelf {
		return false
	}
	for _, p := range []*Position{first, second} {
		for _, i := range p.members {
			if len(l.Claims[i].Via) == 0 {
				return false
			}
		}
	}
	return true
}

// slipAgainst is how many independent origins a side needs before one
// lone figure against it reads as a slip rather than a split.
const slipAgainst = 3

// slip returns the weaker of the two sides when it is one origin's lone
// claim against a side of slipAgainst origins or more, and that claim is
// an outlet's or a wire's typo of the other side's figure (see figure.TypoOf) or
// a figure within 5% of it (figure.NearFigure), or
// an early guess (a hedged or approximate figure, made before every claim
// of the other side). An outlet's early guess is one against fewer origins
// too, when one of them keeps the count. A denial, a reporter's own
// different figure, or one official's word against many is never a slip:
// that is often the story.
func slip(l *Ledger, first, second *Position) *Position {
	strong, weak := strongAndWeak(first, second)
	if strong.Origins < slipAgainst {
		// One outlet's early guess against the count of the body that
		// keeps it (a ministry, the police, a report) is a guess too,
		// however few carry the count.
		for _, p := range [][2]*Position{{strong, weak}, {weak, strong}} {
			if loneAgainst(p[1], p[0]) && byOutlet(l, p[1]) && keptBy(l, p[0]) && earlyGuess(l, p[1], p[0]) {
				return p[1]
			}
		}
		return nil
	}
	if !loneAgainst(weak, strong) {
		return nil
	}
	if byOutlet(l, weak) && (figure.TypoOf(weak.common, strong.common) || figure.NearFigure(weak.common, strong.common)) {
		return weak
	}
	if earlyGuess(l, weak, strong) {
		return weak
	}
	return nil
}

// earlyGuess reports whether weak's one claim is a hedged or approximate
// figure made before every claim of strong.
func earlyGuess(l *Ledger, weak, strong *Position) bool {
	c := &l.Claims[weak.members[0]]
	v := weak.common
	if c.Date == "" || c.Value.Ref != "" || !v.Approx && figure.IsFigure(v) {
		return false
	}
	for _, i := range strong.members {
		if d := l.Claims[i].Date; d == "" || d <= c.Date {
			return false
		}
	}
	return true
}

// misread returns the weaker of the two sides when it is one outlet's or
// wire's lone figure that equals the end of a bound published no later,
// which fits the stronger side and not the figure ("less than 0.1
// percent" of the phones, printed weeks later as "0.1 percent"): the
// outlet read the bound as the figure.
func misread(l *Ledger, d *Dispute, first, second *Position) *Position {
	strong, weak := strongAndWeak(first, second)
	if !loneAgainst(weak, strong) || math.IsNaN(weak.common.Nominal) || !byOutlet(l, weak) {
		return nil
	}
	x, when := weak.common.Nominal, l.Claims[weak.members[0]].Date
	for _, vc := range d.Vague {
		c := &l.Claims[vc.member]
		if c.Denies || !figure.IsBound(c.Value) || c.Date == "" || when == "" || c.Date > when ||
			!slices.Contains(vc.Fits, strong.Common) || slices.Contains(vc.Fits, weak.Common) {
			continue // not a bound published before the figure that only the stronger side fits
		}
		if figure.BoundEnd(c.Value) == x {
			return weak
		}
	}
	return nil
}

// strongAndWeak orders two sides by strength, the first on a tie.
func strongAndWeak(first, second *Position) (strong, weak *Position) {
	if second.Strength > first.Strength {
		return second, first
	}
	return first, second
}

// loneAgainst reports whether weak is one origin's lone claim, and
// neither side a denial: the shape of an outlet's mistake.
func loneAgainst(weak, strong *Position) bool {
	return !weak.Denies && !strong.Denies && weak.Origins == 1 && len(weak.members) == 1
}

// byOutlet reports whether a side's one origin is an outlet or a wire,
// whose slips of the pen these rules read; an official's or a study's
// different figure is its own.
func byOutlet(l *Ledger, p *Position) bool {
	s := l.Sources.Get(p.OriginIDs[0])
	return s != nil && s.Kind.Reports()
}

// KeepsCount reports whether source id keeps the figures it gives
// rather than reports them (sources.Kind.KeepsCount).
func (l *Ledger) KeepsCount(id string) bool {
	s := l.Sources.Get(id)
	return s != nil && s.Kind.KeepsCount()
}

// keptBy reports whether one of a side's origins keeps the count.
func keptBy(l *Ledger, p *Position) bool { return slices.ContainsFunc(p.OriginIDs, l.KeepsCount) }

// relativeRef records what a relative claim was scaled from: the value,
// and on a changing topic the moment it was taken at.
type relativeRef struct {
	topic string
	ref   value.Value
	at    string
}

// resolveRelative scales each relative claim ("half of ukraine.army-size")
// by the values of the topic it names. When that topic holds several
// compatible or conflicting values, the relative claim covers their whole
// range, so it conflicts only with what no reading of the reference allows.
func resolveRelative(l *Ledger, a *Analysis, given map[string]value.Value) (*values, map[int]relativeRef) {
	vals := &values{l: l, resolved: map[int]value.Value{}}
	refs := map[int]relativeRef{}
	var byTopic map[string][]int
	for i := range l.Claims {
		c := &l.Claims[i]
		if c.Value.Ref == "" {
			continue
		}
		if given != nil {
			ref, ok := given[c.Value.Ref]
			if !ok {
				a.Unresolved = append(a.Unresolved, i)
				continue
			}
			resolveOne(l, a, vals, refs, i, ref)
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
		if t := l.Topics[c.Value.Ref]; t != nil && t.Changes {
			if ref, at, ok := baseOnDate(l, targets, cmp.Or(c.AsOf, c.Date)); ok {
				resolveOne(l, a, vals, refs, i, ref)
				if r, ok := refs[i]; ok {
					r.at = at
					refs[i] = r
				}
				continue
			}
		}
		ref := l.Claims[targets[0]].Value
		for _, j := range targets[1:] {
			ref = figure.Hull(ref, l.Claims[j].Value)
		}
		resolveOne(l, a, vals, refs, i, ref)
	}
	return vals, refs
}

// baseOnDate is what a relative claim made on date when scales, on a
// topic whose value changes: the referenced topic's value at its latest
// moment on or before when, the figure most of its sources gave for that
// moment, as stated (not widened to the low end of its tolerance). "More
// than 70 times the official toll", said when the toll was 64, is more
// than 4,480, whatever the toll became later. It reports false when the
// claim has no date or predates every moment, and the whole range of the
// topic's values stands in.
func baseOnDate(l *Ledger, targets []int, when string) (value.Value, string, bool) {
	if when == "" {
		return value.Value{}, "", false
	}
	when = when[:min(len(when), 10)]
	at := ""
	for _, j := range targets {
		m := moment(l, &l.Claims[j])
		if m = m[:min(len(m), 10)]; m <= when && m > at {
			at = m
		}
	}
	if at == "" {
		return value.Value{}, "", false
	}
	type tally struct {
		v       value.Value
		sources map[string]bool
	}
	// By what each claim states, so that many distinct figures at one
	// moment cost one pass, not one pass each.
	stated := map[figure.Statement]*tally{}
	for _, j := range targets {
		c := &l.Claims[j]
		if m := moment(l, c); m[:min(len(m), 10)] != at {
			continue
		}
		key := figure.StatementOf(c.Value)
		if stated[key] == nil {
			stated[key] = &tally{v: c.Value, sources: map[string]bool{}}
		}
		stated[key].sources[c.Source] = true
	}
	// The most sources, when no other statement has as many; the order
	// the map gives does not matter then.
	var best *tally
	tied := false
	for _, t := range stated {
		switch {
		case best == nil || len(t.sources) > len(best.sources):
			best, tied = t, false
		case len(t.sources) == len(best.sources):
			tied = true
		}
	}
	if tied {
		return value.Value{}, "", false
	}
	ref := best.v
	if figure.IsFigure(ref) && !figure.IsTime(ref.Type) {
		ref.Lo, ref.Hi, ref.LoOpen, ref.HiOpen = ref.Nominal, ref.Nominal, false, false
	}
	return ref, at, true
}

// resolveOne scales relative claim i by ref.
func resolveOne(l *Ledger, a *Analysis, vals *values, refs map[int]relativeRef, i int, ref value.Value) {
	c := &l.Claims[i]
	spec := value.Spec{}
	if t := l.Topics[c.Topic]; t != nil {
		spec = t.Spec
	}
	r, err := value.ResolveChecked(c.Value, ref, spec)
	if err != nil {
		// Scaled past any number: it would meet everything, so it
		// takes no part rather than agreeing with all.
		a.Unresolved = append(a.Unresolved, i)
		return
	}
	r.Negated = c.Value.Negated
	vals.resolved[i] = r
	refs[i] = relativeRef{topic: c.Value.Ref, ref: ref}
}

// maxArithmetic is how many opposed positions an arithmetic line names.
const maxArithmetic = 3

// arithmetic explains each relative claim in a dispute against the
// positions opposed to its own, e.g. "half of ukraine.army-size (≈ 850,000)
// ≈ 425,000 vs 600,000": the relative value as written names its topic,
// then the numbers. A vague relative claim opposes nobody, so its line
// only shows what it came to.
func arithmetic(l *Ledger, d *Dispute, vals *values, refs map[int]relativeRef) []string {
	if len(refs) == 0 {
		return nil
	}
	var out []string
	line := func(i int, r relativeRef) string {
		c := &l.Claims[i]
		base := r.ref.String()
		if r.at != "" {
			base += " on " + r.at
		}
		return fmt.Sprintf("%s (%s) ≈ %s", c.Value.Raw, base, strings.TrimPrefix(vals.at(i).String(), "≈ "))
	}
	for pi := range d.Positions {
		var against string
		for _, i := range d.Positions[pi].members {
			r, ok := refs[i]
			if !ok {
				continue
			}
			if against == "" {
				against = opposedValues(d, pi)
			}
			out = append(out, line(i, r)+against)
		}
	}
	for _, v := range d.Vague {
		if r, ok := refs[v.member]; ok {
			out = append(out, line(v.member, r))
		}
	}
	return out
}

// opposedValues is " vs 600,000 vs …": the values of the first positions,
// strongest first, opposed to position pi.
func opposedValues(d *Dispute, pi int) string {
	var b strings.Builder
	n := 0
	for pj := range d.Positions {
		if !d.Opposed(pi, pj) {
			continue
		}
		if n == maxArithmetic {
			b.WriteString(" vs …")
			break
		}
		b.WriteString(" vs " + d.Positions[pj].Common)
		n++
	}
	return b.String()
}
