package claims_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	. "github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"

	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// testOptions fix the day, so acknowledgements expire the same way on any.
var testOptions = Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}

func analyze(t *testing.T, yaml string) *Analysis {
	t.Helper()
	return analyzeWith(t, yaml, testOptions)
}

// analyzeWith loads a ledger written in the test, which must have no
// errors, and analyses it with opts.
func analyzeWith(t *testing.T, yaml string, opts Options) *Analysis {
	t.Helper()
	l := load.Bytes("test.yaml", []byte(yaml))
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			t.Fatalf("ledger problem: %s", p.Error())
		}
	}
	return Analyze(l, opts)
}

func disputeOn(a *Analysis, topic string) *Dispute {
	for i := range a.Disputes {
		if a.Disputes[i].Topic == topic {
			return &a.Disputes[i]
		}
	}
	return nil
}

// Every contradiction in the seed articles is a dispute of the right kinds.
func TestExampleDisputes(t *testing.T) {
	l := load.Bytes("example.yaml", example.YAML)
	if diag.HasErrors(l.Problems, false) {
		t.Fatalf("example has errors: %v", l.Problems)
	}
	a := Analyze(l, Options{Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	tests := []struct {
		topic string
		kinds []Kind
	}{
		{"plan.army-cap", []Kind{KindConflict}},
		{"plan.russia-rejoins", []Kind{KindConflict, KindSelf}},
		{"umerov.approved-plan", []Kind{KindConflict}},
		{"kupiansk.captured-by", []Kind{KindNegation}},
		{"ankara-meeting.outcome", []Kind{KindConflict}},
		{"plan.kyiv-consulted", []Kind{KindConflict}},
		{"plan.moscow-consulted", []Kind{KindConflict}},
	}
	for _, tt := range tests {
		t.Run(tt.topic, func(t *testing.T) {
			d := disputeOn(a, tt.topic)
			if d == nil {
				t.Fatalf("no dispute on %s", tt.topic)
			}
			if !slices.Equal(d.Kinds, tt.kinds) {
				t.Errorf("kinds = %v, want %v", d.Kinds, tt.kinds)
			}
			if len(d.Positions) < 2 {
				t.Errorf("%d positions, want at least 2", len(d.Positions))
			}
		})
	}
	// The army cap's relative side shows its arithmetic and names its topic.
	if d := disputeOn(a, "plan.army-cap"); d != nil {
		if len(d.Arithmetic) != 1 || !strings.Contains(d.Arithmetic[0], "ukraine.army-size") ||
			!strings.Contains(d.Arithmetic[0], "425,000") || !strings.Contains(d.Arithmetic[0], "600,000") {
			t.Errorf("arithmetic = %q", d.Arithmetic)
		}
		if got := d.Positions[0].Values; !slices.Contains(got, "600k") || !slices.Contains(got, "600,000") {
			t.Errorf("600k and 600,000 should share a position, got %v", got)
		}
	}
	// Agreeing claims written in different forms are not disputes.
	for _, topic := range []string{"plan.frozen-assets", "plan.elections-within", "plan.guarantee-term",
		"plan.secret-work", "plan.southern-front", "plan.deadline", "russia.controlled-share"} {
		if d := disputeOn(a, topic); d != nil {
			t.Errorf("%s flagged as a dispute: %+v", topic, d.Positions)
		}
	}
}

const header = `ledger: 1
sources:
  a: {name: Outlet A, kind: outlet}
  b: {name: Outlet B, kind: outlet}
  c: {name: Outlet C, kind: outlet, via: a}
  anon: {name: Senior US official (unnamed), kind: official}
`

// Nothing that agrees is flagged.
func TestNoFalseDisputes(t *testing.T) {
	tests := []struct {
		name, ledger string
	}{
		{"same number in other forms", `topics:
  cap: {type: number, tolerance: 1%}
claims:
  - {topic: cap, value: 600k, source: a, date: 2025-11-20}
  - {topic: cap, value: "600,000", source: b, date: 2025-11-20}
  - {topic: cap, value: 0.6 million, source: c, date: 2025-11-20}
  - {topic: cap, value: about 605000, source: anon, date: 2025-11-20}
`},
		{"same money in other forms", `topics:
  assets: {type: money, unit: USD}
claims:
  - {topic: assets, value: $100B, source: a, date: 2025-11-20}
  - {topic: assets, value: $100 billion, source: b, date: 2025-11-20}
  - {topic: assets, value: USD 100bn, source: c, date: 2025-11-20}
`},
		{"a revision by the same origin", `claims:
  - {topic: meeting, value: postponed, source: a, date: 2025-11-19}
  - {topic: meeting, value: cancelled, source: a, date: 2025-11-20}
  - {topic: meeting, value: cancelled, source: b, date: 2025-11-20}
`},
		{"different contexts", `claims:
  - {topic: cap, value: 600000, source: a, date: 2025-11-20, context: {draft: 28-point}}
  - {topic: cap, value: 800000, source: b, date: 2025-11-20, context: {draft: 19-point}}
`},
		{"a changing topic at different moments", `topics:
  share: {type: percent, changes: true}
claims:
  - {topic: share, value: 18%, source: a, date: 2025-06-01, as_of: 2025-06-01}
  - {topic: share, value: about 19%, source: b, date: 2025-11-20, as_of: 2025-11-20}
`},
		{"bounds that overlap", `claims:
  - {topic: term, value: at least 10 years, source: a, date: 2025-11-20}
  - {topic: term, value: between 10 and 15 years, source: b, date: 2025-11-20}
`},
		{"text that differs only in case and punctuation", `claims:
  - {topic: front, value: Frozen at current lines., source: a, date: 2025-11-20}
  - {topic: front, value: frozen at current lines, source: b, date: 2025-11-20}
`},
		{"currencies are never compared", `topics:
  aid: {type: money}
claims:
  - {topic: aid, value: $5m, source: a, date: 2025-11-20}
  - {topic: aid, value: €9m, source: b, date: 2025-11-20}
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyze(t, header+tt.ledger)
			if len(a.Disputes) != 0 {
				t.Errorf("flagged %d disputes: %+v", len(a.Disputes), a.Disputes[0].Positions)
			}
		})
	}
}

func TestDisputeKindsAndSupport(t *testing.T) {
	tests := []struct {
		name      string
		ledger    string
		kinds     []Kind
		positions int
		origins   []int // per position, strongest first
	}{
		{"conflict across origins", `claims:
  - {topic: cap, value: 600000, source: a, date: 2025-11-20}
  - {topic: cap, value: 425000, source: b, date: 2025-11-20}
`, []Kind{KindConflict}, 2, []int{1, 1}},
		{"one origin contradicts itself on one date", `claims:
  - {topic: g, value: G7, source: a, date: 2025-11-20}
  - {topic: g, value: G8, source: a, date: 2025-11-20}
`, []Kind{KindSelf}, 2, []int{1, 1}},
		{"a denial", `claims:
  - {topic: held-by, value: Russia, source: a, date: 2025-11-20}
  - {topic: held-by, value: Russia, denies: true, source: b, date: 2025-11-20}
`, []Kind{KindNegation}, 2, []int{1, 1}},
		{"outlets repeating one origin count once", `claims:
  - {topic: cap, value: 600000, source: anon, via: [a, b], date: 2025-11-20}
  - {topic: cap, value: 600k, source: anon, via: [c], date: 2025-11-20}
  - {topic: cap, value: 425000, source: a, date: 2025-11-20}
  - {topic: cap, value: 425000, source: b, date: 2025-11-20}
`, []Kind{KindConflict}, 2, []int{2, 1}},
		{"a later revision can open a dispute", `claims:
  - {topic: cap, value: 600000, source: a, date: 2025-11-19}
  - {topic: cap, value: 500000, source: a, date: 2025-11-21}
  - {topic: cap, value: 600000, source: b, date: 2025-11-20}
`, []Kind{KindConflict}, 2, []int{1, 1}},
		{"a relative value", `claims:
  - {topic: size, value: ~850000, source: a, date: 2025-11-20}
  - {topic: cap, value: half of size, source: b, date: 2025-11-20}
  - {topic: cap, value: 600000, source: a, date: 2025-11-20}
`, []Kind{KindConflict}, 2, []int{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyze(t, header+tt.ledger)
			if len(a.Disputes) != 1 {
				t.Fatalf("%d disputes, want 1", len(a.Disputes))
			}
			d := a.Disputes[0]
			if !slices.Equal(d.Kinds, tt.kinds) {
				t.Errorf("kinds = %v, want %v", d.Kinds, tt.kinds)
			}
			if len(d.Positions) != tt.positions {
				t.Fatalf("%d positions, want %d", len(d.Positions), tt.positions)
			}
			for i, want := range tt.origins {
				if got := d.Positions[i].Origins; got != want {
					t.Errorf("position %d has %d origins, want %d (%v)", i, got, want, d.Positions[i].OriginIDs)
				}
			}
		})
	}
}

func TestRevisionShownInHistory(t *testing.T) {
	a := analyze(t, header+`claims:
  - {id: old, topic: m, value: postponed, source: a, date: 2025-11-19}
  - {id: new, topic: m, value: cancelled, source: a, date: 2025-11-20}
`)
	all := a.List(ListFilter{History: true})
	if len(all) != 2 || all[0].RevisedBy != "new" {
		t.Fatalf("history = %+v", all)
	}
	if cur := a.List(ListFilter{}); len(cur) != 1 || cur[0].ID != "new" {
		t.Fatalf("current = %+v", cur)
	}
}

func TestSeverityOrdersDisputes(t *testing.T) {
	a := analyze(t, header+`claims:
  - {topic: wording, value: the plan was leaked, source: a, date: 2025-11-20}
  - {topic: wording, value: the plan was published, source: b, date: 2025-11-20}
  - {topic: cap, value: 600000, source: a, date: 2025-11-20}
  - {topic: cap, value: 600000, source: c, date: 2025-11-20}
  - {topic: cap, value: 425000, source: b, date: 2025-11-20}
  - {topic: cap, value: 425000, source: anon, date: 2025-11-20}
  - {topic: near, value: 600000, source: anon, date: 2025-11-20}
  - {topic: near, value: 630000, source: b, date: 2025-11-20}
`)
	var order []string
	for _, d := range a.Disputes {
		order = append(order, d.Topic)
	}
	if !slices.Equal(order, []string{"cap", "near", "wording"}) {
		t.Errorf("order = %v, want cap, near, wording", order)
	}
	if a.Disputes[len(a.Disputes)-1].Severity != SeverityLow {
		t.Errorf("a text dispute should rank low, got %s", a.Disputes[len(a.Disputes)-1].Severity)
	}
}

func TestAcknowledgementExpires(t *testing.T) {
	a := analyze(t, header+`claims:
  - {topic: g, value: G7, source: a, date: 2025-11-20}
  - {topic: g, value: G8, source: b, date: 2025-11-20}
disputes:
  g: {status: acknowledged, reason: checking, until: 2025-12-31}
`)
	if d := a.Disputes[0]; d.Status != "acknowledged" || !d.Expired {
		t.Errorf("status %q expired %v, want acknowledged and expired", d.Status, d.Expired)
	}
}
