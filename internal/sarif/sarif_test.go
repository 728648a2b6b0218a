package sarif

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// decoded is the part of a log the tests look at, read back generically so
// that a wrong field name in the writer fails the test.
func decode(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, b)
	}
	return m
}

func path(t *testing.T, v any, keys ...any) any {
	t.Helper()
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("at %q: not an object: %v", k, v)
			}
			v, ok = m[k]
			if !ok {
				t.Fatalf("missing %q in %v", k, m)
			}
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("at [%d]: not an array that long: %v", k, v)
			}
			v = a[k]
		}
	}
	return v
}

func TestWrite(t *testing.T) {
	// Outside a repository, paths are relative to the working directory.
	t.Chdir(t.TempDir())
	rules := []Rule{
		{ID: "claimdiff/dispute-conflict", Name: "DisputeConflict", Short: "Sources disagree", Help: "Resolve it."},
		{ID: "claimdiff/lint", Name: "Lint"},
	}
	results := []Result{
		{RuleID: "claimdiff/dispute-conflict", Level: "error", Message: "plan.army-cap: 600,000 vs 425,000",
			File: "ledger/claims.yaml", Line: 12, Col: 5, Properties: map[string]any{"severity": "high", "score": 87}},
		{RuleID: "claimdiff/unknown", Level: "note", Message: "no place", File: ""},
		{RuleID: "claimdiff/lint", Level: "warning", Message: "line only", File: "./a b#c.yaml", Line: 3},
	}
	var buf bytes.Buffer
	if err := Write(&buf, Run{ToolVersion: "1.2.3", Rules: rules, Results: results}); err != nil {
		t.Fatal(err)
	}
	m := decode(t, buf.Bytes())
	checks := []struct {
		keys []any
		want any
	}{
		{[]any{"$schema"}, "https://json.schemastore.org/sarif-2.1.0.json"},
		{[]any{"version"}, "2.1.0"},
		{[]any{"runs", 0, "tool", "driver", "name"}, "claimdiff"},
		{[]any{"runs", 0, "tool", "driver", "version"}, "1.2.3"},
		{[]any{"runs", 0, "tool", "driver", "informationUri"}, "https://github.com/claimdiff/claimdiff"},
		{[]any{"runs", 0, "tool", "driver", "rules", 0, "id"}, "claimdiff/dispute-conflict"},
		{[]any{"runs", 0, "tool", "driver", "rules", 0, "shortDescription", "text"}, "Sources disagree"},
		{[]any{"runs", 0, "tool", "driver", "rules", 0, "help", "text"}, "Resolve it."},
		{[]any{"runs", 0, "results", 0, "ruleId"}, "claimdiff/dispute-conflict"},
		{[]any{"runs", 0, "results", 0, "ruleIndex"}, 0.0},
		{[]any{"runs", 0, "results", 0, "level"}, "error"},
		{[]any{"runs", 0, "results", 0, "message", "text"}, "plan.army-cap: 600,000 vs 425,000"},
		{[]any{"runs", 0, "results", 0, "locations", 0, "physicalLocation", "artifactLocation", "uri"}, "ledger/claims.yaml"},
		{[]any{"runs", 0, "results", 0, "locations", 0, "physicalLocation", "artifactLocation", "uriBaseId"}, "%SRCROOT%"},
		{[]any{"runs", 0, "results", 0, "locations", 0, "physicalLocation", "region", "startLine"}, 12.0},
		{[]any{"runs", 0, "results", 0, "locations", 0, "physicalLocation", "region", "startColumn"}, 5.0},
		{[]any{"runs", 0, "results", 0, "properties", "score"}, 87.0},
		{[]any{"runs", 0, "results", 2, "ruleIndex"}, 1.0},
		{[]any{"runs", 0, "results", 2, "locations", 0, "physicalLocation", "artifactLocation", "uri"}, "a%20b%23c.yaml"},
	}
	for _, c := range checks {
		if got := path(t, m, c.keys...); got != c.want {
			t.Errorf("%v = %#v, want %#v", c.keys, got, c.want)
		}
	}
	noPlace := path(t, m, "runs", 0, "results", 1).(map[string]any)
	for _, k := range []string{"locations", "ruleIndex", "properties"} {
		if _, ok := noPlace[k]; ok {
			t.Errorf("result without a file or known rule has %q: %v", k, noPlace)
		}
	}
	region := path(t, m, "runs", 0, "results", 2, "locations", 0, "physicalLocation", "region").(map[string]any)
	if _, ok := region["startColumn"]; ok {
		t.Errorf("column 0 was written: %v", region)
	}
}

func TestWriteEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, Run{}); err != nil {
		t.Fatal(err)
	}
	// Consumers index runs[0].results; null there breaks some of them.
	for _, want := range []string{`"results": []`, `"rules": []`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("empty log lacks %s:\n%s", want, buf.String())
		}
	}
}

// A file outside the repository and the working directory keeps its
// absolute path, never a file: URI, which code scanning cannot map.
func TestWriteAbsolutePath(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, Run{Results: []Result{{RuleID: "r", Level: "note", Message: "m", File: "/tmp/x y.yaml", Line: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	loc := path(t, decode(t, buf.Bytes()), "runs", 0, "results", 0, "locations", 0, "physicalLocation", "artifactLocation").(map[string]any)
	if loc["uri"] != "/tmp/x%20y.yaml" || loc["uriBaseId"] != nil {
		t.Errorf("absolute path location = %v", loc)
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name    string
		rules   []Rule
		results []Result
		want    string
	}{
		{"bad level", nil, []Result{{RuleID: "r", Level: "fatal"}}, `level "fatal"`},
		{"empty level", nil, []Result{{RuleID: "r"}}, `level ""`},
		{"duplicate rule", []Rule{{ID: "a"}, {ID: "a"}}, nil, `duplicate rule id "a"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, Run{Rules: tt.rules, Results: tt.results})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %s", err, tt.want)
			}
		})
	}
}

func TestWriteCleansHostileText(t *testing.T) {
	hostile := "a\x1b[31mred\x1b]8;;https://evil\x07link\u202eevil\x00</script>"
	var buf bytes.Buffer
	err := Write(&buf, Run{ToolVersion: hostile, Rules: []Rule{{ID: "r", Name: hostile, Short: hostile, Help: hostile}},
		Results: []Result{{RuleID: "r", Level: "error", Message: hostile, File: hostile + ".yaml", Line: 1,
			Properties: map[string]any{"s": hostile, "l": []string{hostile}}}}})
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"\x1b", "\\u001b", "\u202e", "\\u202e", "\x00", "\\u0000", "\x07", "\\u0007"} {
		if strings.Contains(out, bad) {
			t.Errorf("output carries %q:\n%s", bad, out)
		}
	}
	if got := path(t, decode(t, buf.Bytes()), "runs", 0, "results", 0, "message", "text"); got != "aredlinkevil</script>" {
		t.Errorf("message = %q", got)
	}
}

func FuzzWrite(f *testing.F) {
	f.Add("message", "file.yaml", 1, 1, "value")
	f.Add("\x1b]8;;x\x07\u202e", "../a b/c:d.yaml", -1, 0, "\xff")
	f.Fuzz(func(t *testing.T, msg, file string, line, col int, prop string) {
		var buf bytes.Buffer
		err := Write(&buf, Run{ToolVersion: prop, Rules: []Rule{{ID: "r", Name: msg}},
			Results: []Result{{RuleID: "r", Level: "warning", Message: msg, File: file, Line: line, Col: col,
				Properties: map[string]any{prop: prop}}}})
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(buf.Bytes()) {
			t.Fatalf("invalid JSON:\n%s", buf.Bytes())
		}
		if bytes.ContainsRune(buf.Bytes(), 0x1b) || strings.Contains(buf.String(), `\u001b`) {
			t.Fatalf("escape character in output:\n%s", buf.Bytes())
		}
	})
}
