package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfig holds the command's flags to what they promise: required
// flags named, a bad date refused, globs expanded and sorted, a glob
// that matches nothing refused.
func TestConfig(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.jsonl", "a.parquet", "c.csv"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, head, claims, out, today string
		want                           []string // the shards, by base name
		err                            string
	}{
		{name: "no head", claims: "x.jsonl", out: "o", err: "--head, --claims and --out are required"},
		{name: "no out", head: "h.yaml", claims: "x.jsonl", err: "are required"},
		{name: "bad day", head: "h.yaml", claims: "x.jsonl", out: "o", today: "29/11/2026", err: `--today "29/11/2026" is not a date`},
		{name: "glob", head: "h.yaml", claims: filepath.Join(dir, "*.*"), out: "o", want: []string{"a.parquet", "b.jsonl", "c.csv"}},
		{name: "list", head: "h.yaml", claims: "z.jsonl," + filepath.Join(dir, "a.*"), out: "o", want: []string{"a.parquet", "z.jsonl"}},
		{name: "no match", head: "h.yaml", claims: filepath.Join(dir, "*.tsv"), out: "o", err: "matches no file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			*head, *claimShards, *out, *today = tc.head, tc.claims, tc.out, tc.today
			c, err := config()
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range c.Claims {
				got = append(got, filepath.Base(p))
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Fatalf("shards %v, want %v", got, tc.want)
			}
		})
	}
}

// TestClearOutput: an --out holding an earlier run's files is refused,
// since their shards would mix with this run's; --overwrite removes
// them, and leaves other files alone.
func TestClearOutput(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	if err := clearOutput(ctx, dir, false); err != nil {
		t.Fatalf("an empty --out: %v", err)
	}
	for _, n := range []string{"values-00007-of-00008.jsonl", "state.json", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := clearOutput(ctx, dir, false); err == nil || !strings.Contains(err.Error(), "--overwrite") {
		t.Fatalf("error %v, want a refusal naming --overwrite", err)
	}
	if err := clearOutput(ctx, dir, true); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(left) != 1 || filepath.Base(left[0]) != "notes.txt" {
		t.Fatalf("left %v, want only notes.txt", left)
	}
}
