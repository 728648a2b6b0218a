package sarif

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/schemacheck"
)

// schemaPath is absolute, as tests change directory.
var schemaPath, _ = filepath.Abs(filepath.Join("..", "..", "testdata", "schemas", "sarif-schema-2.1.0.json"))

// valid checks a log against the OASIS schema GitHub code scanning
// applies, and against what code scanning requires beyond it: a location
// on every result, at most MaxResults, no file: URI and no ".." segment.
func valid(t *testing.T, b []byte) map[string]any {
	t.Helper()
	s, err := schemacheck.Load(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	if errs := s.Validate(b); len(errs) > 0 {
		t.Fatalf("log fails the SARIF schema:\n%s", strings.Join(errs, "\n"))
	}
	m := decode(t, b)
	results := path(t, m, "runs", 0, "results").([]any)
	if len(results) > MaxResults {
		t.Errorf("%d results, above code scanning's %d", len(results), MaxResults)
	}
	for i := range results {
		uri := path(t, results[i], "locations", 0, "physicalLocation", "artifactLocation", "uri").(string)
		if strings.HasPrefix(uri, "file:") || uri == ".." || strings.HasPrefix(uri, "../") || strings.Contains(uri, "/../") {
			t.Errorf("result %d: uri %q is not repository-relative", i, uri)
		}
	}
	if len(results) > 0 && path(t, m, "runs", 0, "columnKind") != "utf16CodeUnits" {
		t.Errorf("columnKind missing")
	}
	return m
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Inside a repository, every way of naming a file (relative from a
// subdirectory, absolute, through "..") gives the path from the
// repository's root, which %SRCROOT% names.
func TestRepositoryRelative(t *testing.T) {
	repo := t.TempDir()
	writeFile(t, filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
	writeFile(t, filepath.Join(repo, "news", "peace", "claims.yaml"), "topics:\n")
	t.Chdir(filepath.Join(repo, "news", "peace"))
	for _, file := range []string{"claims.yaml", "./claims.yaml", filepath.Join(repo, "news", "peace", "claims.yaml"), "../peace/claims.yaml"} {
		var buf bytes.Buffer
		err := Write(&buf, Run{Results: []Result{{RuleID: "r", Level: "error", Message: "m", File: file, Line: 1}}})
		if err != nil {
			t.Fatal(err)
		}
		m := valid(t, buf.Bytes())
		loc := path(t, m, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "artifactLocation").(map[string]any)
		if loc["uri"] != "news/peace/claims.yaml" || loc["uriBaseId"] != "%SRCROOT%" {
			t.Errorf("%s: location = %v, want news/peace/claims.yaml from %%SRCROOT%%", file, loc)
		}
		base := path(t, m, "runs", 0, "originalUriBaseIds", "%SRCROOT%", "uri").(string)
		if !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
			t.Errorf("%s: %%SRCROOT%% = %q, want a file: URI ending in /", file, base)
		}
	}
}

// Outside a repository, paths are relative to the working directory, and
// ".." is resolved away.
func TestWorkingDirectoryRelative(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a", "claims.yaml"), "x\n")
	t.Chdir(dir)
	var buf bytes.Buffer
	err := Write(&buf, Run{Results: []Result{{RuleID: "r", Level: "error", Message: "m", File: "a/../a/claims.yaml", Line: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	m := valid(t, buf.Bytes())
	if got := path(t, m, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "artifactLocation", "uri"); got != "a/claims.yaml" {
		t.Errorf("uri = %v", got)
	}
	if _, ok := path(t, m, "runs", 0).(map[string]any)["originalUriBaseIds"]; ok {
		t.Errorf("originalUriBaseIds outside a repository")
	}
}

// Columns come in code points and go out in UTF-16 code units: an emoji
// is two, a Cyrillic letter one.
func TestColumnsInUTF16(t *testing.T) {
	t.Chdir(t.TempDir())
	line := `  note: "Армия 😀 и ещё" value: 600`
	writeFile(t, "c.yaml", "topics:\n"+line+"\n")
	col := 0 // the code point column of "value"
	for i, r := range []rune(line) {
		if r == 'v' {
			col = i + 1
		}
	}
	var buf bytes.Buffer
	err := Write(&buf, Run{Results: []Result{{RuleID: "r", Level: "error", Message: "m", File: "c.yaml", Line: 2, Col: col}}})
	if err != nil {
		t.Fatal(err)
	}
	m := valid(t, buf.Bytes())
	if got := path(t, m, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "region", "startColumn"); got != float64(col+1) {
		t.Errorf("startColumn = %v, want %d (code point column %d plus the emoji's second unit)", got, col+1, col)
	}
}

// Beyond MaxResults the most severe are kept, and both the log and the
// user are told how many were left out.
func TestCap(t *testing.T) {
	t.Chdir(t.TempDir())
	// Code scanning's own cap under CLAIMDIFF_FULL_TESTS, as CI runs;
	// by default a small one, whose log the schema check reads at once.
	limit, keep := 200, 200
	if os.Getenv("CLAIMDIFF_FULL_TESTS") != "" {
		limit, keep = MaxResults, 0
	}
	var results []Result
	for i := range 10 {
		results = append(results, Result{RuleID: "r", Level: "note", Message: fmt.Sprint("note ", i), File: "n.yaml", Line: 1})
	}
	for i := range limit {
		results = append(results, Result{RuleID: "r", Level: "error", Message: fmt.Sprint("error ", i), File: "e.yaml", Line: 1})
	}
	var buf, warn bytes.Buffer
	if err := Write(&buf, Run{AutomationID: "claimdiff/lint/", Rules: []Rule{{ID: "r"}}, Results: results, Warn: &warn, maxResults: keep}); err != nil {
		t.Fatal(err)
	}
	m := valid(t, buf.Bytes())
	got := path(t, m, "runs", 0, "results").([]any)
	if len(got) != limit {
		t.Fatalf("%d results, want %d", len(got), limit)
	}
	for i, r := range got {
		if r.(map[string]any)["level"] != "error" {
			t.Fatalf("result %d is %v: a note was kept over an error", i, r.(map[string]any)["level"])
		}
	}
	note := path(t, m, "runs", 0, "invocations", 0, "toolExecutionNotifications", 0, "message", "text").(string)
	if !strings.HasPrefix(note, "10 results were left out") || !strings.Contains(warn.String(), "10 results were left out") {
		t.Errorf("notification %q, stderr %q", note, warn.String())
	}
	if path(t, m, "runs", 0, "automationDetails", "id") != "claimdiff/lint/" {
		t.Errorf("automationDetails missing")
	}
}

// A log below the cap has no invocation to say so, and a hostile ledger
// still gives a valid log.
func TestValidLogs(t *testing.T) {
	t.Chdir(t.TempDir())
	hostile := "a\x1b[31m\u202e\x00</x>%#?: \xff"
	var buf, warn bytes.Buffer
	err := Write(&buf, Run{ToolVersion: hostile, Rules: []Rule{{ID: hostile, Name: hostile, Short: hostile, Help: hostile, HelpURI: "https://example.org/#x"}},
		Results: []Result{{RuleID: hostile, Level: "warning", Message: hostile, File: hostile + ".yaml", Line: 3, Col: 9,
			Properties: map[string]any{hostile: hostile}}}, Warn: &warn})
	if err != nil {
		t.Fatal(err)
	}
	m := valid(t, buf.Bytes())
	if _, ok := path(t, m, "runs", 0).(map[string]any)["invocations"]; ok || warn.Len() > 0 {
		t.Errorf("a log below the cap says it was capped: %s", warn.String())
	}
}
