package bysource

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/suggest"
)

// SideClaim is one claim of one side of a source comparison.
type SideClaim struct {
	Claim  string
	Source string
	// Value is as written ("not X" for a denial); Resolved is what a
	// relative value ("half of x") came to, when it differs.
	Value    string
	Resolved string
}

// TopicSides is what each side says about one topic, in one context and
// at one moment.
type TopicSides struct {
	Topic   string
	Context string
	Moment  string
	A       []SideClaim
	B       []SideClaim
}

// Versus compares what two sets of sources say: the topics both cover,
// split into those where they agree and those where they contradict, and
// the topics only one of them covers.
type Versus struct {
	// A and B are the source ids on each side.
	A, B       []string
	Agree      []TopicSides
	Contradict []TopicSides
	OnlyA      []TopicSides
	OnlyB      []TopicSides
}

// MatchSources returns the ids of defined sources that a pattern (an id or
// a glob such as 'us-*') names, in ledger order.
func MatchSources(l *claims.Ledger, pattern string) []string {
	var out []string
	for _, s := range l.Sources.All() {
		if pattern != "" && claims.Glob(pattern, s.ID) {
			out = append(out, s.ID)
		}
	}
	return out
}

// NearSources suggests up to n defined source ids for a pattern that
// matched none: those within a few edits of it (fewer for a short
// pattern), or containing its literal part.
func NearSources(l *claims.Ledger, pattern string, n int) []string {
	literal := strings.Trim(pattern, "*?[]")
	limit := max(1, min(3, len(pattern)/3))
	type cand struct {
		id   string
		dist int
	}
	var cs []cand
	for _, s := range l.Sources.All() {
		d := suggest.Distance(pattern, s.ID, limit)
		if d > limit && literal != "" && strings.Contains(s.ID, literal) {
			d = limit
		}
		if d <= limit {
			cs = append(cs, cand{s.ID, d})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return cmp.Compare(a.dist, b.dist) })
	var out []string
	for _, c := range cs[:min(n, len(cs))] {
		out = append(out, c.id)
	}
	return out
}

// CompareSources compares the claims whose origin is one of the a sources
// with those whose origin is one of b. A topic is compared within each
// context and moment; claims revised later by their own origin take no
// part. Two sides contradict each other on a topic when a claim of one
// contradicts a claim of the other as the analysis defines it (see
// Analysis.Contradict): they sit in opposed positions of a dispute. So a
// vague claim contradicts nobody, a denial only what it denies, and
// compare, disputed and graph never disagree. Values that cannot be
// compared, such as different currencies or an unresolved relative value,
// never contradict.
func CompareSources(l *claims.Ledger, a, b []string, opts claims.Options) (*Versus, error) {
	for _, s := range a {
		if slices.Contains(b, s) {
			return nil, fmt.Errorf("source %q is on both sides; give two sets of sources that do not overlap", s)
		}
	}
	an := claims.Analyze(l, opts)
	type group struct {
		TopicSides
		a, b []int
	}
	var groups []*group
	byKey := map[string]*group{}
	for i := range l.Claims {
		c := &l.Claims[i]
		inA, inB := slices.Contains(a, c.Source), slices.Contains(b, c.Source)
		if _, revised := an.Superseded[i]; revised || !inA && !inB {
			continue
		}
		k := c.Topic + "\x00" + c.Context + "\x00" + l.Moment(c)
		g := byKey[k]
		if g == nil {
			g = &group{TopicSides: TopicSides{Topic: c.Topic, Context: c.Context, Moment: l.Moment(c)}}
			byKey[k] = g
			groups = append(groups, g)
		}
		side := SideClaim{Claim: c.ID, Source: c.Source, Value: c.Shown()}
		if c.Value.Ref != "" && an.Comparable(i) {
			side.Resolved = an.Value(i).String()
		}
		if inA {
			g.a, g.A = append(g.a, i), append(g.A, side)
		} else {
			g.b, g.B = append(g.b, i), append(g.B, side)
		}
	}
	order := map[string]int{}
	for i, t := range l.TopicOrder {
		order[t] = i
	}
	slices.SortStableFunc(groups, func(x, y *group) int {
		return cmp.Or(cmp.Compare(order[x.Topic], order[y.Topic]), strings.Compare(x.Context, y.Context), strings.Compare(x.Moment, y.Moment))
	})
	v := &Versus{A: a, B: b}
	for _, g := range groups {
		switch {
		case len(g.a) == 0:
			v.OnlyB = append(v.OnlyB, g.TopicSides)
		case len(g.b) == 0:
			v.OnlyA = append(v.OnlyA, g.TopicSides)
		case an.SidesContradict(g.a, g.b):
			v.Contradict = append(v.Contradict, g.TopicSides)
		default:
			v.Agree = append(v.Agree, g.TopicSides)
		}
	}
	return v, nil
}
