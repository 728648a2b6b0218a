package snippetlines

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Snippets for problems in order read each file once, however many
// problems it has; an earlier line reads it again from the top.
func TestSnippetLinesReadEachFileOnce(t *testing.T) {
	dir := t.TempDir()
	var text strings.Builder
	for i := 1; i <= 5000; i++ {
		fmt.Fprintf(&text, "line %d\n", i)
	}
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	for _, f := range []string{a, b} {
		if err := os.WriteFile(f, []byte(text.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gz := filepath.Join(dir, "c.csv.gz")
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write([]byte(text.String()))
	zw.Close()
	if err := os.WriteFile(gz, zipped.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(map[string][]byte{"mem.yaml": []byte("one\ntwo\n")})
	defer s.Close()
	opens := 0
	s.open = func(name string) (io.ReadCloser, error) { opens++; return openText(name) }
	tests := []struct {
		file  string
		n     int
		want  string
		ok    bool
		opens int
	}{
		{a, 1, "line 1", true, 1},
		{a, 2, "line 2", true, 1},
		{a, 4000, "line 4000", true, 1},
		{a, 4999, "line 4999", true, 1},
		{b, 7, "line 7", true, 2},
		{b, 7, "line 7", true, 3}, // the same line again: back to the top
		{b, 6000, "", false, 3},
		{b, 3, "line 3", true, 4},
		{"mem.yaml", 2, "two", true, 4},
		{"mem.yaml", 3, "", true, 4},
		{"mem.yaml", 4, "", false, 4},
		{filepath.Join(dir, "x.parquet"), 1, "", false, 4},
		{gz, 4321, "line 4321", true, 5}, // lines of the expanded text
	}
	for _, tt := range tests {
		got, ok := s.Line(tt.file, tt.n)
		if got != tt.want || ok != tt.ok || opens != tt.opens {
			t.Errorf("line(%s, %d) = %q, %v after %d opens; want %q, %v after %d", filepath.Base(tt.file), tt.n, got, ok, opens, tt.want, tt.ok, tt.opens)
		}
	}
}
