package parquetexport_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk/parquetexport"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/internal/claimstest"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/gen"
)

// withoutClaims cuts the claims section out of a ledger in the canonical
// layout, where disputes follow it, leaving its sources, topics and
// disputes: the head a bulk file of its claims loads beside.
func withoutClaims(t *testing.T, yaml []byte) []byte {
	t.Helper()
	s := string(yaml)
	i, j := strings.Index(s, "\nclaims:\n"), strings.Index(s, "\ndisputes:\n")
	if i < 0 || j < i {
		t.Fatal("no claims section before the disputes")
	}
	return []byte(s[:i+1] + s[j+1:])
}

func mustLoad(t *testing.T, files ...load.File) *claims.Ledger {
	t.Helper()
	l, err := load.Load(files, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			t.Fatalf("%v", p)
		}
	}
	return l
}

// The built-in example and a generated feed, exported to Parquet and
// loaded beside their heads, are the claims their YAML holds, field by
// field, and compare to the same disputes.
func TestParquetRoundTrip(t *testing.T) {
	t.Parallel()
	var feed, head bytes.Buffer
	o := gen.Options{Claims: 20_000, Seed: 3}
	if err := gen.YAML(&feed, o); err != nil {
		t.Fatal(err)
	}
	if err := gen.Head(&head, o); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct{ yaml, head []byte }{
		"example": {example.YAML, withoutClaims(t, example.YAML)},
		"gen":     {feed.Bytes(), head.Bytes()},
	} {
		t.Run(name, func(t *testing.T) {
			today := claims.Options{Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
			l := mustLoad(t, load.File{Name: "ledger.yaml", Data: tc.yaml})
			a := claims.Analyze(l, today)
			var pq bytes.Buffer
			if err := parquetexport.Write(&pq, a, nil); err != nil {
				t.Fatal(err)
			}
			back := mustLoad(t, load.File{Name: "head.yaml", Data: tc.head}, load.File{Name: "claims.parquet", Data: pq.Bytes()})
			if diff := claimstest.Diff(l.Claims, back.Claims); diff != "" {
				t.Fatal(diff)
			}
			b := claims.Analyze(back, today)
			if len(a.Disputes) == 0 || len(a.Disputes) != len(b.Disputes) {
				t.Fatalf("%d disputes, want %d", len(b.Disputes), len(a.Disputes))
			}
			for i := range a.Disputes {
				if a.Disputes[i].Topic != b.Disputes[i].Topic || a.Disputes[i].Score != b.Disputes[i].Score {
					t.Fatalf("dispute %d: %s (%d), want %s (%d)", i, b.Disputes[i].Topic, b.Disputes[i].Score, a.Disputes[i].Topic, a.Disputes[i].Score)
				}
			}
		})
	}
}
