package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// Counting, refusing and skipping see every problem of a file, not only
// the first hundred its display shows: issue 25's reproductions, each
// generated at the size that hid its problems past the cap.

const skipHead = `ledger: 1
sources:
  s1: {name: S1, kind: outlet}
  s2: {name: S2, kind: outlet}
topics:
  "*.departs": {type: datetime, zone: America/New_York}
  t: {type: number}
`

// rows makes n CSV lines, each from f(i) for i from 1.
func rows(n int, f func(i int) string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(f(i) + "\n")
	}
	return b.String()
}

const csvHeader = "topic,value,source,date\n"

// Fine rows that make one dispute, so a test can tell kept claims apply.
var disputeRows = "t,5,s1,2025-01-01\nt,9,s2,2025-01-01\n"

// Ambiguous dates are warnings; "not a time" cannot be read.
var (
	ambiguous = rows(200, func(i int) string { return fmt.Sprintf("w%d.departs,12/01/2011 01:55 PM,s1,2011-12-01", i) })
	notATime  = rows(50, func(i int) string { return fmt.Sprintf("x%d.departs,not a time %d,s1,2011-12-01", i, i) })
	junk      = func(n int) string {
		return rows(n, func(i int) string { return fmt.Sprintf("t,lots%d,s1,2025-01-01", i) })
	}
)

type skipRun struct {
	args   []string
	code   int
	stderr []string // substrings
	stdout []string
	// skipped and kept, when set, are what disputed's JSON says.
	skipped, kept int
}

func TestSkipSeesEveryProblem(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		runs  []skipRun
	}{
		{
			name:  "many warnings before the first error",
			files: map[string]string{"claims.csv": csvHeader + ambiguous + notATime},
			runs: []skipRun{
				{args: []string{"disputed"}, code: 2, stderr: []string{"the ledger has 50 errors"}},
				{args: []string{"list"}, code: 2},
				{args: []string{"lint", "--format", "json"}, code: 1, stdout: []string{`"errors": 50`, `"warnings": 201`}},
				{args: []string{"disputed", "--skip-invalid", "--format", "json"}, skipped: 50, kept: 200},
				{args: []string{"list", "--skip-invalid"}, stderr: []string{"skipped 50 claims that could not be read (bad-value 50; first at "}},
			},
		},
		{
			name:  "the cap's line is not a claim",
			files: map[string]string{"claims.csv": csvHeader + junk(300) + disputeRows},
			runs: []skipRun{
				{args: []string{"disputed", "--skip-invalid"}, stderr: []string{"skipped 300 claims that could not be read (bad-value 300; first at claims.csv:2:3, claims.csv:3:3, claims.csv:4:3)"}},
				{args: []string{"disputed", "--skip-invalid", "--format", "json"}, skipped: 300, kept: 2},
			},
		},
		{
			// A row with a cell too few was counted with the 300 before.
			name: "a problem past the cap that is not a claim's is not counted as one",
			files: map[string]string{"claims.csv": "topic,value,source,date,denies\n" +
				rows(300, func(int) string { return "t,5,s1,2025-01-01,maybe" }) + "t,5,s1,2025-01-01\n"},
			runs: []skipRun{
				{args: []string{"disputed", "--skip-invalid"}, code: 2,
					stderr: []string{"skipped 300 claims that could not be read (wrong-type 300;", "the row has 4 cells; the header has 5"}},
			},
		},
		{
			name:  "a file without a value column is not one claim",
			files: map[string]string{"claims.csv": "topic,source\nt,s1\nt,s2\n"},
			runs: []skipRun{
				{args: []string{"disputed", "--skip-invalid"}, code: 2, stderr: []string{"the header has no value column"}},
			},
		},
		{
			name: "a ledger error past the cap is never skipped",
			files: map[string]string{"claims.csv": csvHeader + junk(101) + disputeRows +
				"nowhere,1,nobody,2025-01-01\n"},
			runs: []skipRun{
				{args: []string{"disputed"}, code: 2},
				{args: []string{"disputed", "--skip-invalid"}, code: 2, stderr: []string{`claim cites source "nobody", which is not defined`, "skipped 101 claims"}},
			},
		},
		{
			name: "a claim with a field unread is left out whole",
			files: map[string]string{"claims.csv": "topic,value,source,date,as_of,denies\n" +
				rows(5000, func(i int) string { return "t,5,s2,2025-01-01,,maybe" }) +
				rows(30, func(i int) string { return "t,9,s1,20250101,," }) +
				rows(30, func(i int) string { return "t,9,s1,2025-01-01,someday," }) +
				"t,5,s1,2025-01-01,,\nt,9,s2,2025-01-01,,\n"},
			runs: []skipRun{
				{args: []string{"disputed"}, code: 2, stderr: []string{"the ledger has 5060 errors"}},
				{args: []string{"disputed", "--skip-invalid", "--format", "json"}, skipped: 5060, kept: 2,
					stdout: []string{`"bad-date": 60`, `"wrong-type": 5000`}},
			},
		},
		{
			name: "a YAML claim with a field unread is left out whole",
			files: map[string]string{"claims.yaml": "claims:\n" +
				rows(150, func(i int) string { return "  - {topic: t, value: 5, source: s2, denies: maybe}" }) +
				"  - {topic: t, value: 5, source: s1}\n  - {topic: t, value: 9, source: s2}\n"},
			runs: []skipRun{
				{args: []string{"disputed"}, code: 2, stderr: []string{"the ledger has 150 errors"}},
				{args: []string{"disputed", "--skip-invalid", "--format", "json"}, skipped: 150, kept: 2},
			},
		},
		{
			name: "errors in several files",
			files: map[string]string{
				"a.csv": csvHeader + junk(150),
				"b.csv": csvHeader + ambiguous + notATime + disputeRows,
			},
			runs: []skipRun{
				{args: []string{"disputed"}, code: 2, stderr: []string{"the ledger has 200 errors"}},
				{args: []string{"lint", "--format", "json"}, code: 1, stdout: []string{`"errors": 200`}},
				{args: []string{"disputed", "--skip-invalid", "--format", "json"}, skipped: 200, kept: 202},
			},
		},
		{
			name: "a bad head is never skipped",
			files: map[string]string{
				"more.yaml": "topics:\n  u: {type: [number]}\n",
				"a.csv":     csvHeader + junk(150) + disputeRows,
			},
			runs: []skipRun{
				{args: []string{"disputed", "--skip-invalid"}, code: 2, stderr: []string{"more.yaml:2:"}},
			},
		},
		{
			name: "a duplicate id is never skipped",
			files: map[string]string{
				"a.csv": "id,topic,value,source\n" + junk(0) +
					rows(120, func(i int) string { return fmt.Sprintf("j%d,t,lots,s1", i) }) + "d,t,5,s1\nd,t,9,s2\n",
			},
			runs: []skipRun{
				{args: []string{"disputed", "--skip-invalid"}, code: 2, stderr: []string{"is used twice", "skipped 120 claims"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"head.yaml": skipHead}
			for name, text := range tt.files {
				files[name] = text
			}
			for name, text := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, r := range tt.runs {
				checkSkipRun(t, dir, r)
			}
		})
	}
}

func checkSkipRun(t *testing.T, dir string, r skipRun) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.Dir = dir
	args := append([]string{r.args[0], "-f", dir, "--no-pager"}, r.args[1:]...)
	if r.args[0] == "diff" { // its ledgers are its arguments
		args = append(slices.Clone(r.args), "--no-pager")
	}
	code := runWith(ios, args)
	name := strings.Join(r.args, " ")
	// Positions read from the directory given, made relative for the test.
	stderr := strings.ReplaceAll(errOut.String(), dir+string(filepath.Separator), "")
	if code != r.code {
		t.Errorf("%s: exit %d, want %d\nstderr: %s", name, code, r.code, clipForLog(stderr))
	}
	for _, s := range r.stderr {
		if !strings.Contains(stderr, s) {
			t.Errorf("%s: stderr lacks %q:\n%s", name, s, clipForLog(stderr))
		}
	}
	for _, s := range r.stdout {
		if !strings.Contains(out.String(), s) {
			t.Errorf("%s: stdout lacks %q:\n%s", name, s, clipForLog(out.String()))
		}
	}
	if r.skipped == 0 && r.kept == 0 {
		return
	}
	var doc struct {
		Ledger  struct{ Claims int }
		Skipped struct{ Claims int }
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, clipForLog(out.String()))
	}
	if doc.Skipped.Claims != r.skipped || doc.Ledger.Claims != r.kept {
		t.Errorf("%s: skipped %d and kept %d claims, want %d and %d", name, doc.Skipped.Claims, doc.Ledger.Claims, r.skipped, r.kept)
	}
}

// Every command that loads claims takes --skip-invalid, through loadLedger.
func TestEveryLoadingCommandSkips(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"head.yaml": skipHead, "claims.csv": csvHeader + junk(120) + disputeRows} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"disputed"}, {"report"}, {"export", "--format", "csv"}, {"resolve"}, {"timeline"}, {"sources"},
		{"list"}, {"graph"}, {"compare", "s1", "s2"}, {"check", "--claim", "t=5"}, {"diff", dir, dir},
	} {
		code := 1
		if args[0] != "check" {
			code = 0
		}
		checkSkipRun(t, dir, skipRun{args: append(args, "--skip-invalid"), code: code,
			stderr: []string{"skipped 120 claims that could not be read (bad-value 120;"}})
		checkSkipRun(t, dir, skipRun{args: args, code: 2})
	}
}
