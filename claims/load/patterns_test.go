package load

import (
	"testing"

	"github.com/claimdiff/claimdiff/claims"
)

// The most specific pattern types a topic: most literal characters, then
// the longest, then the first in text order.
func TestPatternFor(t *testing.T) {
	b := newBuilder(Options{})
	for _, p := range []string{"*", "*.departure", "ua*.departure", "ua?.departure", "*.arrival", "u*"} {
		b.patterns = append(b.patterns, &claims.Topic{ID: p})
	}
	for _, tt := range []struct{ id, want string }{
		{"aa1.departure", "*.departure"},
		{"ua1.departure", "ua?.departure"},
		{"ua12.departure", "ua*.departure"},
		{"x.arrival", "*.arrival"},
		{"ub", "u*"},
		{"zz", "*"},
	} {
		got := ""
		if p := b.patternFor(tt.id); p != nil {
			got = p.ID
		}
		if got != tt.want {
			t.Errorf("patternFor(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
	if (&builder{}).patternFor("x") != nil {
		t.Error("no patterns matched something")
	}
}

// A topic's own entry wins over every pattern, and a pattern types only
// topics that no entry defines.
func TestPatternsTypeUndefinedTopics(t *testing.T) {
	l := Bytes("p.yaml", []byte(`ledger: 1
sources:
  a: {name: A, kind: outlet}
topics:
  "*.share": {type: percent, changes: true}
  own.share: {type: number}
claims:
  - {topic: x.share, value: 5%, source: a, date: 2025-01-01}
  - {topic: own.share, value: 5, source: a, date: 2025-01-01}
  - {topic: other, value: 5, source: a, date: 2025-01-01}
`))
	for _, p := range l.Problems {
		t.Fatalf("problem: %s", p.Error())
	}
	for _, tt := range []struct {
		id, typ, pattern string
		changes          bool
	}{
		{"x.share", "percent", "*.share", true},
		{"own.share", "number", "", false},
		{"other", "number", "", false},
	} {
		top := l.Topics[tt.id]
		if string(top.Spec.Type) != tt.typ || top.Pattern != tt.pattern || top.Changes != tt.changes {
			t.Errorf("%s: type %s, pattern %q, changes %v; want %s, %q, %v", tt.id, top.Spec.Type, top.Pattern, top.Changes, tt.typ, tt.pattern, tt.changes)
		}
	}
	if _, ok := l.Topics["*.share"]; ok {
		t.Error("the pattern itself became a topic")
	}
}
