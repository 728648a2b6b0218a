package load

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/example"
)

// TestParquetFromDuckDB reads Parquet files another tool wrote: DuckDB
// 1.5.6 copied the example ledger's export with Snappy, zstd in 16-row
// groups, gzip with version 2 data pages, and LZ4 (testdata/duckdb). Each,
// loaded against the example's head, must give the example's disputes.
func TestParquetFromDuckDB(t *testing.T) {
	// The example's YAML as the head: a head's claims are dropped.
	head, err := LoadHead([]File{{Name: "claims.yaml", Data: example.YAML}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	opts := claims.Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	disputes := func(l *claims.Ledger) []string {
		t.Helper()
		for _, p := range l.Problems {
			t.Errorf("%s", p.Error())
		}
		var out []string
		for _, d := range claims.Analyze(l, opts).Disputes {
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
		slices.Sort(out)
		return out
	}
	whole, err := Load([]File{{Name: "claims.yaml", Data: example.YAML}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := disputes(whole)
	files, _ := filepath.Glob(filepath.Join("testdata", "duckdb", "*.parquet"))
	if len(files) == 0 || len(want) == 0 {
		t.Fatal("nothing to compare")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			l, err := head.Part([]File{{Name: filepath.Base(f), Data: data}})
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Claims) != len(whole.Claims) {
				t.Fatalf("%d claims, the example has %d", len(l.Claims), len(whole.Claims))
			}
			if got := disputes(l); !slices.Equal(got, want) {
				t.Fatalf("%d disputes differ from the example's %d", len(got), len(want))
			}
		})
	}
}
