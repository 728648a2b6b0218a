package assert

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseFlag(t *testing.T) {
	tests := []struct {
		in      string
		topic   string
		value   string
		wantErr string
	}{
		{in: "plan.army-cap=600,000", topic: "plan.army-cap", value: "600,000"},
		{in: " plan.points = 28 ", topic: "plan.points", value: "28"},
		{in: "t=a=b", topic: "t", value: "a=b"},
		{in: "plan.army-cap", wantErr: `--claim "plan.army-cap": want TOPIC=VALUE`},
		{in: "=5", wantErr: `"" is not a topic id`},
		{in: "bad topic=5", wantErr: `"bad topic" is not a topic id`},
		{in: "t=", wantErr: "the value is empty"},
	}
	for _, tt := range tests {
		a, err := ParseFlag(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseFlag(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || a.Topic != tt.topic || a.Value != tt.value || a.Pos.File != "" {
			t.Errorf("ParseFlag(%q) = %+v, %v; want %s=%s", tt.in, a, err, tt.topic, tt.value)
		}
		if a.Where() != "--claim" {
			t.Errorf("Where() = %q", a.Where())
		}
	}
}

func TestContext(t *testing.T) {
	// The same canonical form as a claim's context in the ledger.
	got := Context([][2]string{{"for", "framework agreement"}, {"draft", "28-point"}})
	if want := "draft=28-point; for=framework agreement"; got != want {
		t.Errorf("Context = %q, want %q", got, want)
	}
	if Context(nil) != "" {
		t.Error("empty context is not empty")
	}
	if _, err := ParseContextFlag("for"); err == nil {
		t.Error("--context without = accepted")
	}
	if p, err := ParseContextFlag("for = framework agreement"); err != nil || p != [2]string{"for", "framework agreement"} {
		t.Errorf("ParseContextFlag = %q, %v", p, err)
	}
}

func TestParseYAML(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
		errs []string
	}{
		{
			name: "a list",
			doc:  "- topic: plan.army-cap\n  value: 600,000\n- {topic: plan.points, value: 28, note: from the draft}\n",
			want: []string{`a.yaml:1:3 plan.army-cap="600,000"`, `a.yaml:3:3 plan.points="28"`},
		},
		{
			name: "a mapping with assertions, context and as_of",
			doc:  "assertions:\n  - topic: plan.deadline\n    value: 2025-11-27\n    context: {for: framework agreement, draft: 1}\n    as_of: 2025-11-21\n",
			want: []string{`a.yaml:2:5 plan.deadline="2025-11-27" [draft=1; for=framework agreement] as_of 2025-11-21`},
		},
		{
			name: "problems in entries, with positions; good entries still read",
			doc: "- topic: t\n- value: 5\n- {topic: t, value: 1, colour: red}\n- {topic: 'a b', value: 1}\n" +
				"- {topic: t, value: [1]}\n- {topic: t, value: 1, topic: u}\n- {topic: t, value: 1, as_of: soon}\n- 5\n- {topic: ok, value: 2}\n",
			want: []string{`a.yaml:9:3 ok="2"`},
			errs: []string{
				"a.yaml:1:3: assertion has no value",
				"a.yaml:2:3: assertion has no topic",
				`a.yaml:3:24: unknown field "colour" in an assertion; known fields: topic, value, context, as_of, note`,
				`a.yaml:4:11: topic id "a b" may hold only letters, digits and . _ / - and must start with a letter or digit`,
				"a.yaml:5:21: value must be a single value, not a list",
				`a.yaml:6:24: field "topic" is given twice`,
				`a.yaml:7:31: as_of "soon" is not a date (YYYY-MM-DD) or an RFC 3339 time`,
				"a.yaml:8:3: an assertion must be a mapping with topic and value, not a single value",
			},
		},
		{
			name: "not a list",
			doc:  "topic: t\nvalue: 1\n",
			errs: []string{
				`a.yaml:1:1: unknown field "topic"; an assertion file is a list, or a mapping with one key, assertions`,
				`a.yaml:2:1: unknown field "value"; an assertion file is a list, or a mapping with one key, assertions`,
			},
		},
		{name: "a ledger", doc: "ledger: 1\nclaims: []\n", errs: []string{"a.yaml:1:1: this looks like a ledger, not a list of assertions; give ledgers with -f"}},
		{name: "empty", doc: "# nothing\n", errs: []string{"a.yaml:1:1: the file is empty; an assertion file is a list of {topic, value} entries"}},
		{name: "aliases", doc: "- &a {topic: t, value: 1}\n- *a\n", errs: []string{"a.yaml:1:3: anchors and aliases are not allowed in an assertion file"}},
		{name: "two documents", doc: "- {topic: t, value: 1}\n---\n- {topic: t, value: 2}\n", errs: []string{"a.yaml:2:1: the file holds several YAML documents; put one list of assertions in it"}},
		{name: "bad YAML", doc: "- {topic: t\n", errs: []string{"a.yaml:1:1: invalid YAML: did not find expected ',' or '}'"}},
		{name: "too deep", doc: strings.Repeat("[", 100), errs: []string{"a.yaml:1:65: nesting is deeper than 64 levels"}},
		{name: "binary", doc: "- {topic: t,\x00}", errs: []string{"a.yaml:1:13: this is a binary file, not an assertion file"}},
		{name: "bad UTF-8", doc: "- {topic: t, value: \xff}", errs: []string{"a.yaml:1:21: invalid UTF-8; an assertion file must be UTF-8 text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, ps := Parse("a.yaml", []byte(tt.doc))
			var got, errs []string
			for _, a := range as {
				got = append(got, a.String())
			}
			for _, p := range ps {
				errs = append(errs, p.Error())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("assertions:\n got %q\nwant %q", got, tt.want)
			}
			if !slices.Equal(errs, tt.errs) {
				t.Errorf("problems:\n got %q\nwant %q", errs, tt.errs)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "draft.md")
	if err := os.WriteFile(md, []byte("[28](claim:plan.points)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	as, ps, err := ReadFile(md)
	if err != nil || len(ps) != 0 || len(as) != 1 || as[0].Pos.File != md {
		t.Fatalf("ReadFile(md) = %v, %v, %v", as, ps, err)
	}
	if _, _, err := ReadFile(filepath.Join(dir, "notes.txt")); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("ReadFile(.txt) error = %v, want ErrUnknownKind", err)
	}
	if _, _, err := ReadFile(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml: no such file") {
		t.Errorf("ReadFile(missing) error = %v", err)
	}
}

func FuzzParseYAML(f *testing.F) {
	for _, s := range []string{
		"- {topic: t, value: 1}\n",
		"assertions:\n  - topic: t\n    value: 2025-11-27\n    context: {a: b}\n    as_of: 2025-11-20\n",
		"- &a {topic: t, value: 1}\n- *a\n",
		"[[[[",
		"- topic: t\n  value: [1]\n- 5\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		as, ps := Parse("f.yaml", data)
		for _, a := range as {
			if !ValidTopic(a.Topic) || a.Value == "" || a.Pos.Line < 1 {
				t.Fatalf("bad assertion %s", a)
			}
		}
		for _, p := range ps {
			if p.Pos.File != "f.yaml" || p.Pos.Line < 1 || p.Message == "" {
				t.Fatalf("bad problem %v", p)
			}
		}
	})
}
