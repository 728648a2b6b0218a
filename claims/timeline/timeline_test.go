package timeline_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	. "github.com/claimdiff/claimdiff/claims/timeline"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// events describes a topic's timeline as "date kind claim source value",
// with the revision marks.
func events(tt Topic) []string {
	var out []string
	for _, e := range tt.Events {
		s := fmt.Sprintf("%s %s %s %s %s", e.Date, e.Kind, e.Claim, e.Source, e.Value)
		if e.Kind == EventSettled {
			s = fmt.Sprintf("%s %s %s %s", e.Date, e.Kind, e.Status, e.Value)
		}
		if e.Revises != "" {
			s += " revises " + e.Revises
		}
		if e.RevisedBy != "" {
			s += " revised-by " + e.RevisedBy
		}
		out = append(out, s)
	}
	return out
}

func TestTimeline(t *testing.T) {
	tests := []struct {
		name     string
		claims   string
		disputes string
		glob     string
		disputed bool
		origins  []string
		want     []string
	}{
		{
			name: "claims by date, the revision marked, the opening claim named",
			claims: `  - {id: a, topic: toll, value: 1720, source: agency, date: 2025-03-02}
  - {id: m1, topic: toll, value: 2100, source: ministry, date: 2025-03-01}
  - {id: m2, topic: toll, value: 1450, source: ministry, date: 2025-03-03}
  - {id: u, topic: toll, value: 1720, source: governor}
`,
			disputed: true,
			origins:  []string{"ministry", "agency", "governor"},
			want: []string{
				"2025-03-01 claim m1 ministry 2100 revised-by m2",
				"2025-03-02 claim a agency 1720",
				"2025-03-03 claim m2 ministry 1450 revises m1",
				"2025-03-03 opened m2 ministry 1450",
				" claim u governor 1720",
			},
		},
		{
			name: "a dispute the desk resolved, with no date, is settled last",
			claims: `  - {id: p, topic: toll, value: 8000, source: police, date: 2025-03-01}
  - {id: o, topic: toll, value: 12000, source: organisers, date: 2025-03-01}
`,
			disputes: "disputes:\n  toll: {status: resolved, value: \"8,000\", reason: counted}\n",
			disputed: true,
			origins:  []string{"police", "organisers"},
			want: []string{
				"2025-03-01 claim p police 8000",
				"2025-03-01 claim o organisers 12000",
				"2025-03-01 opened o organisers 12000",
				" settled resolved 8,000",
			},
		},
		{
			name: "a topic with no dispute opens nothing",
			claims: `  - {id: p1, topic: toll, value: 8000, source: police, date: 2025-03-02}
  - {id: p2, topic: toll, value: 8000, source: wire, date: 2025-03-01}
`,
			origins: []string{"wire", "police"},
			want: []string{
				"2025-03-01 claim p2 wire 8000",
				"2025-03-02 claim p1 police 8000",
			},
		},
		{
			name:   "the glob leaves other topics out",
			claims: "  - {id: p1, topic: toll, value: 8000, source: police, date: 2025-03-02}\n",
			glob:   "other.*",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyze(t, tollHeader+tt.claims+tt.disputes)
			got := Glob(a, tt.glob)
			if tt.want == nil {
				if len(got) != 0 {
					t.Fatalf("Timeline = %+v, want none", got)
				}
				return
			}
			if len(got) != 1 || got[0].Topic != "toll" {
				t.Fatalf("Timeline = %+v, want the one topic toll", got)
			}
			if got[0].Disputed != tt.disputed {
				t.Errorf("Disputed = %v, want %v", got[0].Disputed, tt.disputed)
			}
			if !slices.Equal(got[0].Origins, tt.origins) {
				t.Errorf("Origins = %q, want %q", got[0].Origins, tt.origins)
			}
			if ev := events(got[0]); !slices.Equal(ev, tt.want) {
				t.Errorf("events:\n%q\nwant\n%q", ev, tt.want)
			}
			if d := Disputed(a); tt.disputed != (len(d) == 1) {
				t.Errorf("Disputed = %+v, want the topic only when it is disputed", d)
			}
		})
	}
}

// tollHeader is the sources and the topic the cases write claims under.
const tollHeader = `ledger: 1
sources:
  governor: {name: Governor, kind: official}
  ministry: {name: Ministry of Health, kind: government}
  agency: {name: Relief agency, kind: government}
  police: {name: Police, kind: government}
  organisers: {name: Organisers, kind: person}
  wire: {name: Wire, kind: wire}
  paper: {name: Paper, kind: outlet}
topics:
  toll: {type: number}
claims:
`

// analyze loads a ledger written in the test, which must have no errors,
// and compares its claims.
func analyze(t *testing.T, yaml string) *claims.Analysis {
	t.Helper()
	l := load.Bytes("test.yaml", []byte(yaml))
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			t.Fatalf("ledger problem: %s", p.Error())
		}
	}
	return claims.Analyze(l, claims.Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
}
