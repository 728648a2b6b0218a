package check

import (
	"testing"

	"github.com/claimdiff/claimdiff/claims/assert"
)

func TestSameContext(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"region=North", "region=North", true},
		{"region=North", "REGION=north", true},
		{"a=1; b=2", "B=2; A=1", true},
		{"region=North", "region=South", false},
		{"", "region=North", false},
	} {
		if got := sameContext(tt.a, tt.b); got != tt.want {
			t.Errorf("sameContext(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// An assertion without context on a topic whose claims all have one is
// judged in each, and the verdicts combine as the rule says.
func TestEachContext(t *testing.T) {
	a := analyzeText(t, `
ledger: 1
sources:
  a: {name: A, kind: outlet}
  b: {name: B, kind: outlet}
topics:
  t: {type: number}
  u: {type: number}
claims:
  - {topic: t, value: 10, source: a, context: {city: X}, date: 2025-01-01}
  - {topic: t, value: 10, source: b, context: {city: Y}, date: 2025-01-01}
  - {topic: u, value: 10, source: a, context: {city: X}, date: 2025-01-01}
  - {topic: u, value: 10, source: b, date: 2025-01-01}
`)
	for _, tt := range []struct {
		topic, value string
		want         Verdict
		contexts     int
	}{
		{"t", "10", Supported, 2},
		{"t", "20", Refuted, 2},
		// u has a claim without context, so the assertion meets that one.
		{"u", "10", Supported, 0},
	} {
		rs := Claims(a, []assert.Assertion{{Topic: tt.topic, Value: tt.value}}, FailingVerdicts)
		if rs[0].Verdict != tt.want || len(rs[0].Contexts) != tt.contexts {
			t.Errorf("%s=%s: %s with %d contexts (%s); want %s with %d", tt.topic, tt.value, rs[0].Verdict, len(rs[0].Contexts), rs[0].Message, tt.want, tt.contexts)
		}
	}
}
