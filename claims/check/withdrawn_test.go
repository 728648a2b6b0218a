package check

import (
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims/assert"
)

// A figure its own origin revised away is refuted, even when another
// side's rounder figure is near enough to meet it; a figure a live claim
// still states, or a topic whose value changes, is judged as before.
func TestWithdrawnFigure(t *testing.T) {
	const ledger = `ledger: 1
topics:
  crowd:
    type: number
  toll:
    type: number
    changes: true
  accounts:
    type: number
sources:
  study: {kind: document}
  police: {kind: government}
  planners: {kind: government}
  ministry: {kind: government}
  company: {kind: official}
claims:
  - {topic: crowd, value: 870000, source: study, date: 2025-10-19}
  - {topic: crowd, value: 837214, source: study, date: 2025-10-27}
  - {topic: crowd, value: 400000, source: police, date: 2025-10-17}
  - {topic: crowd, value: about 900000, source: planners, date: 2025-10-20}
  - {topic: toll, value: 100, source: ministry, date: 2025-10-01}
  - {topic: toll, value: 120, source: ministry, date: 2025-10-02}
  - {topic: accounts, value: more than 1 billion, source: company, date: 2016-12-14}
  - {topic: accounts, value: 3 billion, source: company, date: 2017-10-03}
  - {topic: accounts, value: at least 500, source: company, date: 2016-09-22}
  - {topic: accounts, value: 500, source: company, date: 2016-09-23}
`
	a := analyzeText(t, ledger)
	tests := []struct {
		topic, value string
		verdict      Verdict
		message      string
	}{
		{"crowd", "870,000", Refuted, "withdrawn: study revised 870000 (19 Oct) → 837214 (27 Oct)"},
		// The revision is within an approximate figure's band: the live
		// claims judge it.
		{"crowd", "about 870,000", Conflicting, "sides with ≈ 900,000 (planners); 837,214 (study)"},
		{"crowd", "900,000", Conflicting, "sides with ≈ 900,000"},
		{"crowd", "837,214", Conflicting, "sides with 837,214"},
		{"toll", "100", Supported, "held from"},
		// Yahoo: a bound the origin moved far past is withdrawn, though
		// the new figure fits it; one it did not state, or one its later
		// figure restates, is judged by the live claims.
		{"accounts", "more than one billion", Refuted, "withdrawn: company revised more than 1 billion (14 Dec 2016) → 3 billion (3 Oct 2017)"},
		{"accounts", "more than 2 billion", Supported, "agrees"},
		{"accounts", "at least 500", Supported, "agrees"},
	}
	for _, tt := range tests {
		got := Claims(a, []assert.Assertion{{Topic: tt.topic, Value: tt.value}}, nil)[0]
		if got.Verdict != tt.verdict || !strings.Contains(got.Message, tt.message) {
			t.Errorf("%s = %q: %s: %s, want %s containing %q", tt.topic, tt.value, got.Verdict, got.Message, tt.verdict, tt.message)
		}
	}
}
