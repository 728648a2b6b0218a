package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/internal/gen"
	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// Parquet is binary: on a terminal, export says where to put it instead
// of printing it, and exits 2 before loading anything. Through a pipe it
// is written.
func TestExportParquetNotToATerminal(t *testing.T) {
	for _, args := range [][]string{{"export", "--format", "parquet"}, {"export", "--format", "parquet", "-f", "missing.yaml"}} {
		ios, _, out, errOut := iostreams.Test()
		ios.OutTTY = true
		if code := runWith(ios, args); code != 2 {
			t.Fatalf("%v: exit %d, want 2\n%s", args, code, errOut)
		}
		if out.Len() != 0 {
			t.Errorf("%v: wrote %d bytes to the terminal", args, out.Len())
		}
		msg := errOut.String()
		if !strings.Contains(msg, "claimdiff: parquet is a binary format; export does not print it on a terminal\n") ||
			!strings.Contains(msg, "hint: write it to a file with -o claims.parquet, or redirect stdout") {
			t.Errorf("%v: stderr\n%s", args, msg)
		}
	}

	ios, _, out, errOut := iostreams.Test()
	if code := runWith(ios, []string{"export", "--format", "parquet"}); code != 0 {
		t.Fatalf("to a pipe: exit %d\n%s", code, errOut)
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("PAR1")) || !bytes.HasSuffix(out.Bytes(), []byte("PAR1")) {
		t.Errorf("to a pipe: not a Parquet file: %q…", out.Bytes()[:min(out.Len(), 16)])
	}
}

// disputedJSON runs disputed --format json on a ledger and returns what it
// says, but for the files it read.
func disputedJSON(t *testing.T, ledger string) map[string]any {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.Getenv = func(k string) string {
		if k == "CLAIMDIFF_TODAY" {
			return "2026-11-22"
		}
		return ""
	}
	if code := runWith(ios, []string{"disputed", "--format", "json", "-f", ledger}); code != 0 {
		t.Fatalf("disputed -f %s: exit %d\n%s", ledger, code, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if l, ok := doc["ledger"].(map[string]any); !ok || l["files"] == nil {
		t.Fatalf("no ledger files in %s", out)
	} else {
		delete(l, "files")
	}
	return doc
}

// The built-in example and a generated feed, exported with -o x.parquet
// and put beside the YAML head of their sources and topics, give disputed
// the same JSON as their YAML does.
func TestExportParquetDisputedTheSame(t *testing.T) {
	var feed, head bytes.Buffer
	o := gen.Options{Claims: 5000, Seed: 2}
	if err := gen.YAML(&feed, o); err != nil {
		t.Fatal(err)
	}
	if err := gen.Head(&head, o); err != nil {
		t.Fatal(err)
	}
	s := string(example.YAML)
	exampleHead := s[:strings.Index(s, "\nclaims:\n")+1] + s[strings.Index(s, "\ndisputes:\n")+1:]
	for name, tc := range map[string]struct{ yaml, head []byte }{
		"example": {example.YAML, []byte(exampleHead)},
		"gen":     {feed.Bytes(), head.Bytes()},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			yaml := filepath.Join(dir, "ledger.yaml")
			bulkDir := filepath.Join(dir, "bulk")
			if err := os.WriteFile(yaml, tc.yaml, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(bulkDir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(bulkDir, "head.yaml"), tc.head, 0o644); err != nil {
				t.Fatal(err)
			}
			ios, _, _, errOut := iostreams.Test()
			if code := runWith(ios, []string{"export", "-f", yaml, "-o", filepath.Join(bulkDir, "claims.parquet")}); code != 0 {
				t.Fatalf("export: exit %d\n%s", code, errOut)
			}
			want, got := disputedJSON(t, yaml), disputedJSON(t, bulkDir)
			if want["count"].(float64) == 0 {
				t.Fatal("no disputes to compare")
			}
			if !reflect.DeepEqual(want, got) {
				w, _ := json.MarshalIndent(want, "", "  ")
				g, _ := json.MarshalIndent(got, "", "  ")
				t.Fatalf("from Parquet:\n%.2000s\nfrom YAML:\n%.2000s", g, w)
			}
		})
	}
}

// A Parquet file has rows, not lines: problems in one name the row, and
// show no snippet of the file, whose bytes are binary.
func TestParquetProblemsShowNoSnippet(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "bulk"), 0o755); err != nil {
		t.Fatal(err)
	}
	yaml := "ledger: 1\nsources:\n  a: {name: A, kind: outlet}\ntopics:\n  t: {type: number}\n"
	if err := os.WriteFile(filepath.Join(dir, "defs.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	ledger := filepath.Join(dir, "l.yaml")
	if err := os.WriteFile(ledger, []byte(yaml+"claims:\n  - {topic: t, value: 5, source: a}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, _, errOut := iostreams.Test()
	if code := runWith(ios, []string{"export", "-f", ledger, "-o", filepath.Join(dir, "bulk", "claims.parquet")}); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errOut)
	}
	if err := os.Rename(filepath.Join(dir, "defs.yaml"), filepath.Join(dir, "bulk", "defs.yaml")); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := iostreams.Test()
	ios.OutTTY, ios.ErrTTY = true, true
	if code := runWith(ios, []string{"lint", "--no-pager", "--color", "never", "-f", filepath.Join(dir, "bulk")}); code != 0 {
		t.Fatalf("lint: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out.String(), "claims.parquet:1: warning: claim \"t@a\" has no date") || strings.Contains(out.String(), "PAR1") {
		t.Errorf("lint on a terminal:\n%s", out)
	}
}
