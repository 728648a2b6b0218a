package cijson

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/schemacheck"
)

// schema loads a consumer's schema; the path is made absolute before any
// test changes directory.
func schema(t *testing.T, name string) *schemacheck.Schema {
	t.Helper()
	s, err := schemacheck.Load(filepath.Join(schemaDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var schemaDir, _ = filepath.Abs(filepath.Join("..", "..", "testdata", "schemas"))

// wideLine holds Cyrillic and an emoji before the column findings point
// at: code point 38 is byte 46.
const wideLine = `  s: {name: "Армия 😀", kind: outlet, bogus: 1}`

func findingsIn(t *testing.T) []Finding {
	t.Helper()
	repo := t.TempDir()
	for name, text := range map[string]string{".git/HEAD": "ref: refs/heads/main\n", "news/peace/claims.yaml": "sources:\n" + wideLine + "\n"} {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(repo, "news", "peace"))
	hostile := "a\x1b[31m\u202e\x00</x>\xff"
	return []Finding{
		{Code: "unknown-field", Level: "error", Message: "unknown field", File: "claims.yaml", Line: 2, Col: 38},
		{Code: hostile, Level: "warning", Message: hostile, File: filepath.Join(repo, "news", "peace", "claims.yaml"), Line: 1},
		{Code: "refuted", Level: "note", Message: "no file"},
	}
}

// rdjsonl lines validate against reviewdog's Diagnostic schema, with
// columns in UTF-8 bytes.
func TestRDJSONLConsumer(t *testing.T) {
	fs := findingsIn(t)
	var buf bytes.Buffer
	if err := WriteRDJSONL(&buf, fs); err != nil {
		t.Fatal(err)
	}
	s := schema(t, "rdf-Diagnostic.json")
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(fs) {
		t.Fatalf("%d lines for %d findings", len(lines), len(fs))
	}
	for i, line := range lines {
		if errs := s.Validate([]byte(line)); len(errs) > 0 {
			t.Errorf("line %d fails reviewdog's schema: %v\n%s", i+1, errs, line)
		}
	}
	if !strings.Contains(lines[0], `"range":{"start":{"line":2,"column":46}}`) {
		t.Errorf("column is not counted in bytes: %s", lines[0])
	}
}

// GitLab's issues validate against its Code Quality schema, with paths
// from the repository's root however the file was named.
func TestGitLabConsumer(t *testing.T) {
	fs := findingsIn(t)
	var buf bytes.Buffer
	if err := WriteGitLab(&buf, fs); err != nil {
		t.Fatal(err)
	}
	var issues []json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	s := schema(t, "gitlab-codeclimate.json")
	for i, is := range issues {
		if errs := s.Validate(is); len(errs) > 0 {
			t.Errorf("issue %d fails GitLab's schema: %v", i, errs)
		}
		var v struct{ Location struct{ Path string } }
		if err := json.Unmarshal(is, &v); err != nil {
			t.Fatal(err)
		}
		if v.Location.Path != "news/peace/claims.yaml" {
			t.Errorf("issue %d: path %q, want news/peace/claims.yaml", i, v.Location.Path)
		}
	}
	if len(issues) != 2 {
		t.Errorf("%d issues, want the 2 with a file", len(issues))
	}
}

func TestColumnUnits(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(f, []byte("x\n"+wideLine+"\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var p Places
	tests := []struct {
		line, col int
		unit      Unit
		want      int
	}{
		{2, 38, Bytes, 46},
		{2, 38, UTF16, 39},
		{2, 1, Bytes, 1},
		{1, 5, Bytes, 5},     // past the end of the line: kept
		{9, 7, UTF16, 7},     // no such line: kept
		{2, 0, UTF16, 0},     // no column
		{2, 100, UTF16, 101}, // past the end, after the emoji
	}
	for _, tt := range tests {
		if got := p.Column(f, tt.line, tt.col, tt.unit); got != tt.want {
			t.Errorf("Column(%d, %d, %v) = %d, want %d", tt.line, tt.col, tt.unit, got, tt.want)
		}
	}
	if got := p.Column(filepath.Join(dir, "missing"), 1, 4, Bytes); got != 4 {
		t.Errorf("unreadable file: column %d, want it kept", got)
	}
}
