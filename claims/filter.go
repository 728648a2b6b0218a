package claims

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/internal/suggest"
)

// Glob matches s against a shell pattern where * also crosses the dots and
// slashes of topic and source ids (plan.* matches plan.army-cap).
// A bad pattern matches nothing.
func Glob(pattern, s string) bool {
	if pattern == "" || pattern == s {
		return true
	}
	// path.Match's * stops at '/', so compare with '/' swapped out.
	p := strings.ReplaceAll(pattern, "/", "\x00")
	ok, err := path.Match(p, strings.ReplaceAll(s, "/", "\x00"))
	return err == nil && ok
}

// anyGlob reports whether s matches one of patterns; no patterns match all.
func anyGlob(patterns []string, s string) bool {
	return len(patterns) == 0 || slices.ContainsFunc(patterns, func(p string) bool { return Glob(p, s) })
}

// Filter is the one set of filters that disputed, list, report, graph and
// export share. Zero fields select everything; each list is a choice of
// alternatives (topic a or topic b), and the fields are all required
// together.
type Filter struct {
	// Topics and Sources are globs (see Glob). A source matches a claim
	// whose origin or any source on its chain matches, and a dispute with
	// such a claim.
	Topics  []string
	Sources []string
	// Contexts are globs on one KEY=VALUE pair of a claim's or dispute's
	// context (period=sep-*, region=*): patterns on the same key are
	// alternatives, patterns on different keys are all required, so
	// "--context period=sep --context country=UA" means both.
	Contexts []string
	// Kinds, Statuses and MinSeverity select disputes; a claim passes them
	// when it sits in a dispute that does.
	Kinds       []Kind
	Statuses    []string
	MinSeverity Severity
}

// IsZero reports whether f selects everything.
func (f Filter) IsZero() bool {
	return len(f.Topics) == 0 && len(f.Sources) == 0 && len(f.Contexts) == 0 && !f.OnDisputes()
}

// OnDisputes reports whether f says anything about disputes (kind, status
// or severity), so that only claims in a matching dispute pass.
func (f Filter) OnDisputes() bool {
	return len(f.Kinds) > 0 || len(f.Statuses) > 0 || f.MinSeverity != ""
}

// MatchTopic reports whether topic passes --topic.
func (f Filter) MatchTopic(topic string) bool { return anyGlob(f.Topics, topic) }

// MatchContext reports whether a claim or dispute in context ctx (the
// canonical "key=value; key=value") passes --context.
func (f Filter) MatchContext(ctx string) bool {
	if len(f.Contexts) == 0 {
		return true
	}
	pairs := ContextPairs(ctx)
	byKey := map[string]bool{} // key pattern -> some pattern on it matched
	for _, p := range f.Contexts {
		kp, vp, _ := strings.Cut(p, "=")
		kp, vp = strings.TrimSpace(kp), strings.TrimSpace(vp)
		byKey[kp] = byKey[kp] || slices.ContainsFunc(pairs, func(kv [2]string) bool { return Glob(kp, kv[0]) && globAll(vp, kv[1]) })
	}
	for _, ok := range byKey {
		if !ok {
			return false
		}
	}
	return true
}

// globAll is Glob, except that an empty pattern matches only an empty
// value: "--context note=" asks for an empty value, not any.
func globAll(pattern, s string) bool {
	if pattern == "" {
		return s == ""
	}
	return Glob(pattern, s)
}

// MatchChain reports whether a claim with this attribution chain passes
// --source.
func (f Filter) MatchChain(chain []string) bool {
	return len(f.Sources) == 0 || slices.ContainsFunc(chain, func(s string) bool { return anyGlob(f.Sources, s) })
}

// matchDispute checks a dispute's kinds, severity, status and topic.
func (f Filter) matchDispute(d *Dispute) bool {
	if len(f.Kinds) > 0 && !slices.ContainsFunc(d.Kinds, func(k Kind) bool { return slices.Contains(f.Kinds, k) }) {
		return false
	}
	if f.MinSeverity != "" && !d.Severity.AtLeast(f.MinSeverity) {
		return false
	}
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, d.Status) {
		return false
	}
	return f.MatchTopic(d.Topic) && f.MatchContext(d.Context)
}

// MatchDispute reports whether d passes f: its kinds, severity, status and
// topic, and, with Sources, one of its claims' chains.
func (a *Analysis) MatchDispute(f Filter, d *Dispute) bool {
	if !f.matchDispute(d) {
		return false
	}
	if len(f.Sources) == 0 {
		return true
	}
	l := a.Ledger
	for _, p := range d.Positions {
		for _, i := range p.members {
			c := &l.Claims[i]
			if f.MatchChain(l.Sources.Chain(c.Source, c.Via)) {
				return true
			}
		}
	}
	return false
}

// MatchClaim reports whether claim i passes f: its topic and chain, and,
// when f says anything about disputes, a dispute it sits in.
func (a *Analysis) MatchClaim(f Filter, i int) bool {
	c := &a.Ledger.Claims[i]
	if !f.MatchTopic(c.Topic) || !f.MatchContext(c.Context) || !f.MatchChain(a.Ledger.Sources.Chain(c.Source, c.Via)) {
		return false
	}
	if !f.OnDisputes() {
		return true
	}
	p, ok := a.placed.at(i)
	return ok && f.matchDispute(&a.Disputes[p.dispute])
}

// Filter returns the disputes that pass f, in order.
func (a *Analysis) Filter(f Filter) []Dispute {
	out := make([]Dispute, 0, len(a.Disputes))
	for i := range a.Disputes {
		if a.MatchDispute(f, &a.Disputes[i]) {
			out = append(out, a.Disputes[i])
		}
	}
	return out
}

// Unmatched says which of f's topic and source globs match no topic or
// source of the ledger at all, each as a sentence with the nearest name
// when there is one close enough: "--topic 'plan.armycap' matches no
// topic; did you mean plan.army-cap?".
func (a *Analysis) Unmatched(f Filter) []string {
	l := a.Ledger
	var out []string
	for _, p := range f.Topics {
		if !slices.ContainsFunc(l.TopicOrder, func(t string) bool { return Glob(p, t) }) {
			out = append(out, noMatch("--topic", p, "topic", l.TopicOrder))
		}
	}
	if len(f.Sources) > 0 {
		var ids []string
		for _, s := range l.Sources.All() {
			ids = append(ids, s.ID)
		}
		for _, p := range f.Sources {
			if !slices.ContainsFunc(ids, func(s string) bool { return Glob(p, s) }) {
				out = append(out, noMatch("--source", p, "source", ids))
			}
		}
	}
	for _, p := range f.Contexts {
		one := Filter{Contexts: []string{p}}
		if !slices.ContainsFunc(l.Claims, func(c Claim) bool { return one.MatchContext(c.Context) }) {
			out = append(out, noContext(p, l))
		}
	}
	return out
}

// noContext says that --context p matches no claim, naming the nearest
// key=value pair of the ledger's contexts when there is one.
func noContext(p string, l *Ledger) string {
	seen := map[string]bool{}
	var pairs []string
	for i := range l.Claims {
		if l.Claims[i].Context == "" || seen[l.Claims[i].Context] {
			continue
		}
		seen[l.Claims[i].Context] = true
		for _, kv := range ContextPairs(l.Claims[i].Context) {
			if s := kv[0] + "=" + kv[1]; !slices.Contains(pairs, s) {
				pairs = append(pairs, s)
			}
		}
	}
	if len(pairs) == 0 {
		return fmt.Sprintf("--context '%s' matches no claim: no claim has a context", p)
	}
	return noMatch("--context", p, "claim's context", pairs)
}

func noMatch(flag, pattern, what string, names []string) string {
	msg := fmt.Sprintf("%s '%s' matches no %s", flag, pattern, what)
	if near := suggest.Nearest(pattern, names, max(2, len(pattern)/4)); near != "" {
		msg += "; did you mean " + near + "?"
	}
	return msg
}

// Narrow returns a copy of the analysis that holds only the disputes and
// revisions that pass f, for writers that take a whole analysis (the
// report, the graph). Its claims' places point into its own disputes.
func (a *Analysis) Narrow(f Filter) *Analysis {
	n := *a
	n.Disputes = a.Filter(f)
	n.Revisions = a.RevisionsOf(f)
	n.placed = placementsOf(n.Ledger, n.Disputes)
	return &n
}
