package load

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

// A compressed feed is a ledger file wherever files are chosen by name
// (a directory, a git tree), and loads from disk or from memory alike,
// with positions in its expanded text.
func TestLoadCompressedFeed(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("topic,value,source\nplan.army-cap,600000,reuters\nplan.army-cap,lots,ap\n"))
	zw.Close()
	for name, want := range map[string]Format{"day.csv.gz": CSV, "day.TSV.gz": TSV, "day.jsonl.zst": JSONLines, "day.parquet.gz": NotLedger, "day.yaml.gz": NotLedger} {
		if got := FormatOf(name); got != want {
			t.Errorf("FormatOf(%s) = %v, want %v", name, got, want)
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "head.yaml"), []byte(bulkHead), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "day.csv.gz"), gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	found, err := Find(dir, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	inMemory := []File{{Name: "head.yaml", Data: []byte(bulkHead)}, {Name: "day.csv.gz", Data: gz.Bytes()}}
	for what, files := range map[string][]File{"disk": found, "memory": inMemory} {
		l, err := Load(files, Options{})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if len(l.Files) != 2 || len(l.Claims) != 2 || len(l.Problems) != 1 ||
			filepath.Base(l.Problems[0].Pos.File) != "day.csv.gz" || l.Problems[0].Pos.Line != 3 || !l.Claims[1].Unread {
			t.Errorf("%s: %d files, %d claims, problems %v", what, len(l.Files), len(l.Claims), l.Problems)
		}
	}
}
