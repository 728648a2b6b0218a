package check

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/assert"
	"github.com/claimdiff/claimdiff/claims/estimate"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/diag"
)

const checkLedger = "../../testdata/ledgers/check/ledger.yaml"

// percent is the estimate's wording, named apart from the estimate
// the tests below hold in a variable.
var percent = estimate.Percent

func loadCheckLedger(t *testing.T, today string) *claims.Analysis {
	t.Helper()
	l, err := load.Load(load.Paths([]string{checkLedger}), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diag.HasErrors(l.Problems, false) {
		t.Fatalf("fixture has errors: %v", l.Problems)
	}
	day, err := time.Parse(time.DateOnly, today)
	if err != nil {
		t.Fatal(err)
	}
	return claims.Analyze(l, claims.Options{Today: day})
}

func TestCheckVerdicts(t *testing.T) {
	a := loadCheckLedger(t, "2025-12-01")
	tests := []struct {
		topic, value, context, asOf string
		verdict                     Verdict
		message                     string // a part of the message
	}{
		// An open dispute: each side is conflicting, naming the other.
		{topic: "bridge.repair-cost", value: "$12 million", verdict: Conflicting,
			message: "sides with $12 million (city-hall, river-gazette); the other side: $20 million (radio-north)"},
		{topic: "bridge.repair-cost", value: "$20M", verdict: Conflicting,
			message: "the other side: $12 million (city-hall, river-gazette)"},
		{topic: "bridge.repair-cost", value: "$5 million", verdict: Refuted, message: "conflicts with all 3 claims"},
		{topic: "bridge.repair-cost", value: "between $10 million and $25 million", verdict: Supported, message: "agrees with all 3 claims"},
		{topic: "bridge.repair-cost", value: "€12 million", verdict: Invalid, message: "currency EUR does not match the topic's USD"},
		{topic: "bridge.repair-cost", value: "lots", verdict: Invalid, message: "bridge.repair-cost is a money topic"},
		// A resolved dispute: the settled value decides.
		{topic: "bridge.cause", value: "corrosion", verdict: Supported, message: "agrees with corrosion, the value the desk settled the dispute on"},
		{topic: "bridge.cause", value: "Collision", verdict: Refuted, message: "it sides with collision (radio-north)"},
		{topic: "bridge.cause", value: "flood", verdict: Refuted},
		// A dismissed dispute: siding with either position is supported.
		{topic: "bridge.detour-lanes", value: "2", verdict: Supported, message: "the desk dismissed the dispute"},
		{topic: "bridge.detour-lanes", value: "5", verdict: Refuted},
		// An acknowledged dispute is still a dispute.
		{topic: "bridge.reopening", value: "1 March 2026", verdict: Conflicting, message: "(dispute acknowledged)"},
		// No dispute.
		{topic: "bridge.tolls-waived", value: "yes", verdict: Supported, message: "agrees with both claims: yes (city-hall, river-gazette)"},
		{topic: "bridge.tolls-waived", value: "no", verdict: Refuted, message: "the ledger says yes"},
		{topic: "bridge.months-closed", value: "5 months", verdict: Supported},
		{topic: "bridge.months-closed", value: "3 months", verdict: Refuted},
		// A changing topic: the latest moment, unless as_of picks one.
		{topic: "bridge.traffic-share", value: "55%", verdict: Supported},
		// Undated, a figure of a changing topic is judged at every moment:
		// 40% held on 1 October, until the November figure replaced it.
		{topic: "bridge.traffic-share", value: "40%", verdict: Supported,
			message: "held from 2025-10-01 until 2025-11-01, when it was revised to ≈ 55% (metro-wire, river-gazette); agrees with the one claim: 40% (metro-wire, river-gazette)"},
		{topic: "bridge.traffic-share", value: "20%", verdict: Refuted},
		{topic: "bridge.traffic-share", value: "40%", asOf: "2025-10-01", verdict: Supported},
		{topic: "bridge.traffic-share", value: "40%", asOf: "2025-12-01", verdict: Unverified, message: "no claims on bridge.traffic-share about 2025-12-01"},
		// No context, where every claim has one: judged in each.
		{topic: "bridge.contract-term", value: "18 months", verdict: Conflicting,
			message: "no context given; judged in each of 2 contexts (phase=maintenance: refuted; phase=repair: supported)"},
		{topic: "bridge.contract-term", value: "18 months", context: "phase=repair", verdict: Supported},
		{topic: "bridge.contract-term", value: "18 months", context: "phase=maintenance", verdict: Refuted},
		// No claims at all.
		{topic: "bridge.cuase", value: "corrosion", verdict: Unverified, message: "the ledger has no claims on bridge.cuase; did you mean bridge.cause?"},
	}
	var as []assert.Assertion
	for _, tt := range tests {
		as = append(as, assert.Assertion{Topic: tt.topic, Value: tt.value, Context: tt.context, AsOf: tt.asOf})
	}
	rs := Claims(a, as, FailingVerdicts)
	if len(rs) != len(tests) {
		t.Fatalf("got %d results for %d assertions", len(rs), len(tests))
	}
	for i, tt := range tests {
		r := rs[i]
		if r.Verdict != tt.verdict || !strings.Contains(r.Message, tt.message) {
			t.Errorf("%s = %q [%s]: got %s: %s\nwant %s: …%s…", tt.topic, tt.value, tt.context, r.Verdict, r.Message, tt.verdict, tt.message)
		}
		if wantFail := tt.verdict != Supported && tt.verdict != Invalid; r.Fails != wantFail {
			t.Errorf("%s = %q: Fails = %v, want %v", tt.topic, tt.value, r.Fails, wantFail)
		}
	}
}

func TestCheckFailOnAndPositions(t *testing.T) {
	a := loadCheckLedger(t, "2025-12-01")
	as := []assert.Assertion{
		{Topic: "bridge.tolls-waived", Value: "no", Pos: diag.Pos{File: "d.md", Line: 3, Col: 7}},
		{Topic: "bridge.repair-cost", Value: "$12 million"},
		{Topic: "nothing.here", Value: "1"},
	}
	rs := Claims(a, as, []Verdict{Refuted})
	if got := []bool{rs[0].Fails, rs[1].Fails, rs[2].Fails}; !slices.Equal(got, []bool{true, false, false}) {
		t.Errorf("Fails with --fail-on refuted = %v", got)
	}
	if want := (diag.Pos{File: "d.md", Line: 3, Col: 7}); rs[0].Pos != want || rs[1].Pos != (diag.Pos{}) {
		t.Errorf("positions = %v, %v", rs[0].Pos, rs[1].Pos)
	}
	if rs[1].Read != "$12 million" || rs[1].Status != "open" {
		t.Errorf("read = %q, status = %q", rs[1].Read, rs[1].Status)
	}
	if len(rs[1].Agrees) != 1 || len(rs[1].Others) != 1 || !slices.Equal(rs[1].Others[0].Sources, []string{"radio-north"}) {
		t.Errorf("sides = %+v / %+v", rs[1].Agrees, rs[1].Others)
	}
}

// Relative values are resolved on both sides: an assertion of "half of
// ukraine.army-size" sides with Axios in the example's army-cap dispute.
func TestCheckRelative(t *testing.T) {
	l := load.Bytes("example.yaml", example.YAML)
	a := claims.Analyze(l, claims.Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	rs := Claims(a, []assert.Assertion{
		{Topic: "plan.army-cap", Value: "half of ukraine.army-size"},
		{Topic: "plan.army-cap", Value: "425,000"},
		{Topic: "plan.army-cap", Value: "twice plan.nothing"},
	}, FailingVerdicts)
	for _, r := range rs[:2] {
		if r.Verdict != Conflicting || !strings.Contains(r.Message, "the other side: 600,000 (") {
			t.Errorf("%s: %s: %s", r.Asserted, r.Verdict, r.Message)
		}
	}
	if rs[2].Verdict != Unverified || !strings.Contains(rs[2].Message, "plan.nothing has no value to scale") {
		t.Errorf("unresolvable: %s: %s", rs[2].Verdict, rs[2].Message)
	}
}

// Without a dispute, an assertion that meets some claims but not others
// is conflicting too; a claim its origin revised no longer counts.
func TestCheckPartialAndRevised(t *testing.T) {
	a := analyzeText(t, `
ledger: 1
sources:
  a: {name: A, kind: outlet}
  b: {name: B, kind: outlet}
topics:
  t: {type: number}
  r: {type: number}
claims:
  - {topic: t, value: between 5 and 10, source: a, date: 2025-01-01}
  - {topic: t, value: between 8 and 12, source: b, date: 2025-01-01}
  - {topic: r, value: 10, source: a, date: 2025-01-01}
  - {topic: r, value: 20, source: a, date: 2025-02-01}
`)
	if len(a.Disputes) != 0 {
		t.Fatalf("unexpected disputes: %+v", a.Disputes)
	}
	rs := Claims(a, []assert.Assertion{
		{Topic: "t", Value: "6"}, {Topic: "t", Value: "9"}, {Topic: "r", Value: "10"}, {Topic: "r", Value: "20"},
	}, FailingVerdicts)
	want := []Verdict{Conflicting, Supported, Refuted, Supported}
	for i, r := range rs {
		if r.Verdict != want[i] {
			t.Errorf("%s = %s: got %s (%s), want %s", r.Topic, r.Asserted, r.Verdict, r.Message, want[i])
		}
	}
	if !strings.Contains(rs[0].Message, "agrees with 5–10 (a) but not with 8–12 (b)") {
		t.Errorf("partial message: %s", rs[0].Message)
	}
}

func TestGate(t *testing.T) {
	tests := []struct {
		today, gate string
		failing     []string
	}{
		// Before the acknowledgement expires, only the dispute with no
		// entry is new.
		{"2025-12-01", GateNew, []string{"bridge.repair-cost"}},
		// The until date itself still counts as acknowledged.
		{"2025-12-31", GateNew, []string{"bridge.repair-cost"}},
		{"2026-01-15", GateNew, []string{"bridge.reopening", "bridge.repair-cost"}},
		// any also fails on what is acknowledged; never on resolved or
		// dismissed disputes.
		{"2025-12-01", GateAny, []string{"bridge.reopening", "bridge.repair-cost"}},
	}
	for _, tt := range tests {
		a := loadCheckLedger(t, tt.today)
		gs := Disputes(a, tt.gate)
		if len(gs) != 4 {
			t.Fatalf("got %d gate results, want one per dispute (4)", len(gs))
		}
		var failing []string
		for _, g := range gs {
			if g.Fails {
				failing = append(failing, g.Topic)
			}
		}
		slices.Sort(failing)
		if !slices.Equal(failing, tt.failing) {
			t.Errorf("--disputes %s on %s: failing %v, want %v", tt.gate, tt.today, failing, tt.failing)
		}
	}
	a := loadCheckLedger(t, "2026-01-15")
	for _, g := range Disputes(a, GateNew) {
		switch g.Topic {
		case "bridge.repair-cost":
			// No entry: the position is the dispute's first claim.
			if g.Pos.String() != checkLedger+":"+lineOf(t, "  - id: city-hall/cost")+":5" || !strings.HasPrefix(g.Message, "new dispute, with no disputes: entry: $12 million (city-hall, river-gazette) vs $20 million (radio-north)") {
				t.Errorf("repair-cost: %s: %s", g.Pos.String(), g.Message)
			}
		case "bridge.reopening":
			// An entry: the position is the entry.
			if !strings.HasSuffix(g.Pos.String(), ":"+lineOf(t, "  bridge.reopening:")+":3") || !strings.HasPrefix(g.Message, "the acknowledgement expired after 2025-12-31") {
				t.Errorf("reopening: %s: %s", g.Pos.String(), g.Message)
			}
		}
	}
}

func TestCheckSummary(t *testing.T) {
	a := loadCheckLedger(t, "2026-01-15")
	r := &CheckReport{
		Results: Claims(a, []assert.Assertion{
			{Topic: "bridge.tolls-waived", Value: "yes"},
			{Topic: "bridge.tolls-waived", Value: "no"},
			{Topic: "bridge.tolls-waived", Value: "perhaps"},
		}, FailingVerdicts),
		Disputes: Disputes(a, GateNew),
		Quotes:   Quotes(a.Ledger, DefaultQuoteThreshold),
	}
	s := r.Summary()
	if s.Assertions != 3 || s.Verdicts[Supported] != 1 || s.Verdicts[Refuted] != 1 || s.Verdicts[Invalid] != 1 {
		t.Errorf("verdicts: %+v", s)
	}
	// 1 refuted + 2 disputes + 2 mismatched quotes fail; the invalid value
	// is an input error.
	if s.Failed != 5 || s.Invalid != 1 || s.DisputesFailed != 2 || s.QuoteStatuses[QuoteMismatch] != 2 {
		t.Errorf("summary: %+v", s)
	}
}

func TestParseVerdict(t *testing.T) {
	for _, v := range Verdicts {
		if got, ok := ParseVerdict(" " + strings.ToUpper(string(v))); !ok || got != v {
			t.Errorf("ParseVerdict(%s) = %s, %v", v, got, ok)
		}
	}
	if _, ok := ParseVerdict("invalid"); ok {
		t.Error("invalid is not a verdict --fail-on may name")
	}
}

// lineOf returns the number of the fixture's last line that is exactly
// text, so that tests do not hard-code lines that edits move.
func lineOf(t *testing.T, text string) string {
	t.Helper()
	data, err := os.ReadFile(checkLedger)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i] == text {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("no line %q in the fixture", text)
	return ""
}

// analyzeText loads a ledger written in the test, which must have no
// errors, and compares its claims.
func analyzeText(t *testing.T, text string) *claims.Analysis {
	t.Helper()
	l := load.Bytes("test.yaml", []byte(text))
	if diag.HasErrors(l.Problems, false) {
		t.Fatalf("ledger problems: %v", l.Problems)
	}
	return claims.Analyze(l, claims.Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
}

// A conflicting or refuted verdict names the ledger's likely value when
// it differs from the assertion; the estimate runs once, only when a
// verdict needs it, and never for a settled dispute.
func TestLikelyValueInVerdicts(t *testing.T) {
	a := loadCheckLedger(t, "2025-12-01")
	runs := 0
	estimate := func() *resolve.Result { runs++; return resolve.Run(a, resolve.Options{}) }
	tests := []struct {
		topic, value string
		verdict      Verdict
		likely       string // "" for none
	}{
		{"bridge.repair-cost", "$20M", Conflicting, "$12 million"},
		{"bridge.repair-cost", "$12 million", Conflicting, ""}, // it is the likely value
		{"bridge.repair-cost", "$5 million", Refuted, "$12 million"},
		{"bridge.tolls-waived", "no", Refuted, "yes"},
		{"bridge.tolls-waived", "yes", Supported, ""},
		{"bridge.cause", "Collision", Refuted, ""}, // settled: the desk's word wins
	}
	var as []assert.Assertion
	for _, tt := range tests {
		as = append(as, assert.Assertion{Topic: tt.topic, Value: tt.value})
	}
	rs := ClaimsLikely(a, as, FailingVerdicts, estimate)
	for i, tt := range tests {
		r := rs[i]
		if r.Verdict != tt.verdict {
			t.Errorf("%s=%s: verdict %s, want %s", tt.topic, tt.value, r.Verdict, tt.verdict)
		}
		switch {
		case tt.likely == "" && (r.Likely != nil || strings.Contains(r.Message, "likely value")):
			t.Errorf("%s=%s: likely %+v in %q", tt.topic, tt.value, r.Likely, r.Message)
		case tt.likely != "" && (r.Likely == nil || r.Likely.Value != tt.likely ||
			!strings.HasSuffix(r.Message, "; the ledger's likely value is "+tt.likely+" (estimate "+percent(r.Likely.Confidence)+")")):
			t.Errorf("%s=%s: likely %+v in %q, want %s", tt.topic, tt.value, r.Likely, r.Message, tt.likely)
		}
	}
	if runs != 1 {
		t.Errorf("the estimate ran %d times, want once", runs)
	}
	// Nothing to mention, nothing run.
	runs = 0
	ClaimsLikely(a, as[4:5], FailingVerdicts, estimate)
	if runs != 0 {
		t.Errorf("the estimate ran %d times for a supported verdict", runs)
	}
}
