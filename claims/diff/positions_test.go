package diff

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

func topicLedger(t *testing.T, topics, claimsText string) *claims.Ledger {
	t.Helper()
	l := load.Bytes("l.yaml", []byte("ledger: 1\nsources:\n  study: {name: Study, kind: document}\n"+
		"  outlet: {name: Outlet, kind: outlet}\n  gov: {name: Gov, kind: government}\ntopics:\n"+topics+"claims:\n"+claimsText))
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			t.Fatalf("ledger problem: %s", p.Error())
		}
	}
	return l
}

// A position that keeps its value and gains an origin is that position
// gaining an origin, even when its set moved (a tolerance was added) and
// its claims cannot be followed across the edit: not one dropped and a
// new one made.
func TestPositionKeepsItsValue(t *testing.T) {
	old := topicLedger(t, "  deaths: {type: number}\n",
		"  - {topic: deaths, value: '4,354', source: study}\n  - {topic: deaths, value: 64, source: gov}\n")
	tests := []struct{ name, topics, claims, want string }{{
		name:   "written the same",
		topics: "  deaths: {type: number, tolerance: 1%}\n",
		claims: "  - {topic: deaths, value: '4,354', source: study}\n  - {topic: deaths, value: '4,354', source: outlet}\n" +
			"  - {topic: deaths, value: 64, source: gov}\n",
		want: "position 4,354 gained origin outlet",
	}, {
		name:   "written otherwise, still meeting, an origin kept",
		topics: "  deaths: {type: number}\n",
		claims: "  - {topic: deaths, value: 'about 4,350', source: study}\n  - {topic: deaths, value: '4,354', source: outlet}\n" +
			"  - {topic: deaths, value: 64, source: gov}\n",
		want: "gained origin outlet",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nl := topicLedger(t, tt.topics, tt.claims)
			oa, na := claims.Analyze(old, diffToday), claims.Analyze(nl, diffToday)
			if len(oa.Disputes) != 1 || len(na.Disputes) != 1 {
				t.Fatalf("%d and %d disputes, want 1 each", len(oa.Disputes), len(na.Disputes))
			}
			// No claim followed across the edit: only the positions' values
			// and origins can pair them.
			oldTo := slices.Repeat([]int{-1}, len(old.Claims))
			got := strings.Join(disputeDetails(&oa.Disputes[0], &na.Disputes[0], oldTo), "; ")
			if !strings.Contains(got, tt.want) || strings.Contains(got, "dropped") || strings.Contains(got, "new position") {
				t.Errorf("details %q, want %q and no dropped or new position", got, tt.want)
			}
		})
	}
}

// diff reports a topic's definition: a tolerance added or changed, a
// topic defined or no longer defined.
func TestDiffTopics(t *testing.T) {
	c := "  - {topic: deaths, value: 1, source: study}\n"
	old := topicLedger(t, "  deaths: {type: number}\n  gone: {type: text, question: 'Who?'}\n  same: {type: bool}\n", c)
	nl := topicLedger(t, "  deaths: {type: number, tolerance: 1%, changes: true}\n  same: {type: bool}\n  fresh: {type: percent}\n", c)
	d := Ledgers(old, nl, diffToday)
	var got []string
	for _, tc := range d.TopicChanges {
		var fs []string
		for _, f := range tc.Fields {
			fs = append(fs, f.String())
		}
		got = append(got, string(tc.Kind)+" "+tc.Topic+": "+strings.Join(fs, ", "))
	}
	want := []string{
		"changed deaths: tolerance: (none) → 1%, changes: (none) → true",
		"added fresh: type: (none) → percent",
		"removed gone: question: Who? → (none), type: text → (none)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("topic changes\n%q\nwant\n%q", got, want)
	}
	if d.Empty() {
		t.Error("a diff with topic changes is not empty")
	}
	again := topicLedger(t, "  deaths: {type: number, tolerance: 2%}\n", c)
	d = Ledgers(topicLedger(t, "  deaths: {type: number, tolerance: 1%}\n", c), again, diffToday)
	if len(d.TopicChanges) != 1 || d.TopicChanges[0].Fields[0].String() != "tolerance: 1% → 2%" {
		t.Errorf("a changed tolerance: %+v", d.TopicChanges)
	}
}
