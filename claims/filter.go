package claims

import (
	"path"
	"slices"
	"strings"
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

// DisputeFilter selects disputes; zero fields select everything.
type DisputeFilter struct {
	Kinds       []Kind
	MinSeverity Severity
	Statuses    []string
	Topic       string
}

// Match reports whether d passes the filter.
func (f DisputeFilter) Match(d *Dispute) bool {
	if len(f.Kinds) > 0 && !slices.ContainsFunc(d.Kinds, func(k Kind) bool { return slices.Contains(f.Kinds, k) }) {
		return false
	}
	if f.MinSeverity != "" && !d.Severity.AtLeast(f.MinSeverity) {
		return false
	}
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, d.Status) {
		return false
	}
	return Glob(f.Topic, d.Topic)
}

// Filter returns the disputes that pass f, in order.
func (a *Analysis) Filter(f DisputeFilter) []Dispute {
	out := make([]Dispute, 0, len(a.Disputes))
	for i := range a.Disputes {
		if f.Match(&a.Disputes[i]) {
			out = append(out, a.Disputes[i])
		}
	}
	return out
}
