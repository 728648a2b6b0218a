package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/sarif"
)

// A ledger with more problems than code scanning takes in one run gives
// a SARIF log capped at sarif.MaxResults, most severe first, that says so
// in the log and on stderr.
func TestLintSARIFCapped(t *testing.T) {
	// sarif.MaxResults is 25,000, so no smaller ledger can reach the cap;
	// internal/sarif's own test holds the cap at every size, and this one,
	// of lint's order under it, runs in CI (.ci/run sets the variable).
	if testing.Short() || !fullTests() {
		t.Skip("writes 26,000 problems; set CLAIMDIFF_FULL_TESTS=1 to run it")
	}
	dir := t.TempDir()
	// 260 files of 100 unknown fields are above the cap; the first file's
	// claims lack a date instead, warnings that come first in lint's order
	// and so would be kept by a cap that did not look at severity.
	for f := range 260 {
		var b strings.Builder
		b.WriteString("ledger: 1\nsources:\n  s: {name: S, kind: outlet}\nclaims:\n")
		for i := range 100 {
			field := "date: 2025-01-01, bogus: 1"
			if f == 0 {
				field = "note: undated"
			}
			fmt.Fprintf(&b, "  - {id: c%d-%d, topic: t.x, value: 1, source: s, %s}\n", f, i, field)
		}
		write(t, filepath.Join(dir, fmt.Sprintf("f%03d.yaml", f)), b.String())
	}
	ios, _, out, errOut := iostreams.Test()
	if code := runWith(ios, []string{"lint", "-f", dir, "--format", "sarif"}); code != 1 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var log struct {
		Runs []struct {
			Results     []struct{ Level string }
			Invocations []struct {
				ToolExecutionNotifications []struct{ Message struct{ Text string } }
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != sarif.MaxResults {
		t.Fatalf("%d results, want %d", len(run.Results), sarif.MaxResults)
	}
	for i, r := range run.Results {
		if r.Level != "error" {
			t.Fatalf("result %d is a %s: errors are kept first", i, r.Level)
		}
	}
	if len(run.Invocations) != 1 || !strings.Contains(run.Invocations[0].ToolExecutionNotifications[0].Message.Text, "results were left out") {
		t.Errorf("the log does not say it was capped: %+v", run.Invocations)
	}
	if !strings.Contains(errOut.String(), "claimdiff: sarif: ") || !strings.Contains(errOut.String(), "results were left out") {
		t.Errorf("stderr does not say it was capped: %q", errOut.String())
	}
}
