package parquetexport_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk/parquetexport"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/internal/claimstest"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// Parquet round-trips through a file on disk, loaded beside the ledger's
// head as the text formats are, and its own export is the same bytes.
// It lives here rather than in load's tests so that they do not link
// parquet-go.
func TestExportRoundTripParquet(t *testing.T) {
	orig := load.Bytes("example/claims.yaml", example.YAML)
	export := func(l *claims.Ledger) []byte {
		var buf bytes.Buffer
		if err := parquetexport.Write(&buf, claims.Analyze(l, claims.Options{}), nil); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	data := export(orig)
	head := string(withoutClaims(t, example.YAML))
	got := loadFiles(t, load.Options{}, "head.yaml", head, "claims.parquet", string(data))
	if diag.HasErrors(got.Problems, false) {
		t.Fatal(problemList(got.Problems))
	}
	if diff := claimstest.Diff(orig.Claims, got.Claims); diff != "" {
		t.Fatal(diff)
	}
	if s, want := disputeSummary(got), disputeSummary(orig); s != want {
		t.Errorf("disputes differ:\n got %s\nwant %s", s, want)
	}
	if !bytes.Equal(export(got), data) {
		t.Error("export is not stable")
	}
	// Load's cap on a bulk file's claims holds for Parquet too.
	capped := loadFiles(t, load.Options{MaxRows: 60}, "head.yaml", head, "claims.parquet", string(data))
	if got := problemList(capped.Problems); len(got) != 1 || !strings.HasPrefix(got[0], "claims.parquet:61:1 too-many-rows:") || len(capped.Claims) != 60 {
		t.Fatalf("capped: %d claims, %q", len(capped.Claims), got)
	}
}

// loadFiles writes name, data pairs into a temporary directory and loads
// them as one ledger.
func loadFiles(t *testing.T, opts load.Options, files ...string) *claims.Ledger {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for i := 0; i+1 < len(files); i += 2 {
		name := filepath.Join(dir, files[i])
		if err := os.WriteFile(name, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	l, err := load.Load(load.Paths(names), opts)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// problemList renders problems as "file:line:col code: message" with the
// file's base name, for comparing.
func problemList(ps []diag.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s:%d:%d %s: %s", filepath.Base(p.Pos.File), p.Pos.Line, p.Pos.Col, p.Code, p.Message))
	}
	return out
}

func disputeSummary(l *claims.Ledger) string {
	var b strings.Builder
	for _, d := range claims.Analyze(l, claims.Options{}).Disputes {
		fmt.Fprintf(&b, "%s:%d ", d.Topic, len(d.Positions))
	}
	return b.String()
}
