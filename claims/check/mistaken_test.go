package check

import (
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims/assert"
)

// One outlet's slip of a figure several origins carry is set aside: the
// figure is supported, and the slip alone backs nothing. A misquote, and
// a lone figure against fewer origins, still conflict.
func TestSlipSetAside(t *testing.T) {
	a := analyzeText(t, `
ledger: 1
sources:
  a: {kind: outlet}
  b: {kind: outlet}
  c: {kind: outlet}
  d: {kind: outlet}
  e: {kind: outlet}
topics:
  collapse: {type: date}
  injured: {type: number}
claims:
  - {topic: collapse, value: 2013-04-24, source: a}
  - {topic: collapse, value: 2013-04-24, source: b}
  - {topic: collapse, value: 2013-04-24, source: c}
  - {topic: collapse, value: 2013-04-23, source: d}
  - {topic: injured, value: 2515, source: a}
  - {topic: injured, value: 2515, source: b}
  - {topic: injured, value: 2155, source: e}
`)
	tests := []struct {
		topic, value string
		verdict      Verdict
		message      string
	}{
		{"collapse", "24 April 2013", Supported, "set aside: 2013-04-23 (d), one outlet's slip"},
		{"collapse", "23 April 2013", Refuted, "sides only with 2013-04-23 (d), one outlet's slip; the ledger says 2013-04-24"},
		// Two origins are too few to call the third's figure a slip.
		{"injured", "2515", Conflicting, "the other side: 2,155 (e)"},
	}
	for _, tt := range tests {
		got := Claims(a, []assert.Assertion{{Topic: tt.topic, Value: tt.value}}, nil)[0]
		if got.Verdict != tt.verdict || !strings.Contains(got.Message, tt.message) {
			t.Errorf("%s = %q: %s: %s, want %s containing %q", tt.topic, tt.value, got.Verdict, got.Message, tt.verdict, tt.message)
		}
	}
}

// A draft that gives the count of the body that keeps it, made after the
// outlets' own figures, is supported; the outlets' earlier figure still
// conflicts. Grenfell: 293 inside, from the police's footage.
func TestTheKeepersLaterCountSupports(t *testing.T) {
	a := analyzeText(t, `
ledger: 1
sources:
  police: {kind: government}
  paper: {kind: outlet}
  mayor: {kind: official}
topics:
  inside: {type: number}
  flats: {type: number}
claims:
  - {topic: inside, value: about 600, source: paper, date: 2017-06-14}
  - {topic: inside, value: 293, source: police, date: 2017-11-16}
  - {topic: flats, value: 120, source: mayor, date: 2017-06-14}
  - {topic: flats, value: 129, source: police, date: 2017-11-16}
`)
	tests := []struct {
		topic, value string
		verdict      Verdict
		message      string
	}{
		{"inside", "293", Supported, "the later count of the body that keeps it; set aside: ≈ 600 (paper)"},
		{"inside", "600", Conflicting, "the other side: 293 (police); the ledger's likely value is 293 (the later count of the body that keeps it"},
		// An official's figure is no outlet's early report.
		{"flats", "129", Conflicting, "the other side: 120 (mayor)"},
	}
	for _, tt := range tests {
		got := Claims(a, []assert.Assertion{{Topic: tt.topic, Value: tt.value}}, nil)[0]
		if got.Verdict != tt.verdict || !strings.Contains(got.Message, tt.message) {
			t.Errorf("%s = %q: %s: %s, want %s containing %q", tt.topic, tt.value, got.Verdict, got.Message, tt.verdict, tt.message)
		}
	}
}
