package schema

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims/example"
)

const okDir = "../../testdata/ledgers/ok"

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSON))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	const url = "ledger.schema.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return sch
}

// decode reads YAML into the values a JSON decoder would produce, which is
// what an editor validates against.
func decode(src []byte) (any, error) {
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		return nil, err
	}
	return jsonValue(v), nil
}

func jsonValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = jsonValue(e)
		}
		return v
	case map[any]any:
		// YAML allows keys that are not strings; JSON has only strings.
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[fmt.Sprint(k)] = jsonValue(e)
		}
		return m
	case []any:
		for i, e := range v {
			v[i] = jsonValue(e)
		}
		return v
	case time.Time:
		return v.Format(time.RFC3339)
	}
	return v
}

func TestValidLedgers(t *testing.T) {
	sch := compile(t)
	ledgers := map[string][]byte{example.Name: example.YAML}
	err := filepath.WalkDir(okDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := filepath.Ext(path); !d.IsDir() && (ext == ".yaml" || ext == ".yml") {
			ledgers[path], err = os.ReadFile(path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ledgers) < 5 {
		t.Fatalf("found only %d ledgers; is %s there?", len(ledgers), okDir)
	}
	for name, src := range ledgers {
		t.Run(name, func(t *testing.T) {
			v, err := decode(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(v); err != nil {
				t.Errorf("rejected: %v", err)
			}
		})
	}
}

func TestInline(t *testing.T) {
	sch := compile(t)
	tests := []struct {
		name  string
		src   string
		valid bool
	}{
		{"empty file", "{}", true},
		{"only disputes", "disputes: {plan.x: {status: open}}", true},
		{"editor fields", `
description: notes for the desk
sources: {s: {name: S, description: a note}}
topics: {t: {type: text, description: a note}}
claims: [{topic: t, value: x, source: s, note: checked by phone}]`, true},
		{"times and timestamps", `
sources: {s: {published: 2025-11-20T14:40:00Z}}
claims: [{topic: t, value: 1, source: s, date: !!timestamp 2025-11-20, as_of: "2025-11-20T14:40:00+01:00"}]`, true},
		{"via forms", `
sources: {a: {via: b}, b: {via: [c, d]}}
claims: [{topic: t, value: 1, source: a, via: [e]}, {topic: t, value: 2, source: a, via: e}]`, true},
		{"choice aliases", "topics: {t: {type: choice, choices: [G7, {G8: [Group of Eight]}, {G20: Group of Twenty}]}}", true},
		{"texts", "sources: {s: {text: a.txt, texts: [b.txt, {path: c.txt, url: https://example.org, date: 2017-10-03}]}}", true},
		{"time without seconds", "claims: [{topic: t, value: 1, source: s, date: 2017-10-03T19:00-04:00}]", true},
		{"texts entry without path", "sources: {s: {texts: [{url: https://example.org}]}}", false},
		{"texts entry with unknown field", "sources: {s: {texts: [{path: a.txt, when: 2017-10-03}]}}", false},
		{"numeric and relative tolerance", "topics: {a: {tolerance: 1000}, b: {tolerance: 1%}}", true},
		{"layouts", `
sources: {s: {layout: "2006-01-02 01/02 3:04 PM"}}
topics: {t: {type: datetime, layout: ["%Y-%m-%d %I:%M %p", "Jan _2 15:04"]}}`, true},
		{"empty layout", "sources: {s: {layout: \"\"}}", false},

		{"unknown top-level field", "ledgr: 1", false},
		{"unknown claim field", "claims: [{topic: t, value: 1, source: s, sauce: s}]", false},
		{"unknown source field", "sources: {s: {name: S, kinds: wire}}", false},
		{"bad kind", "sources: {s: {kind: blog}}", false},
		{"bad type", "topics: {t: {type: integer}}", false},
		{"bad status", "disputes: {t: {status: closed}}", false},
		{"dispute without status", "disputes: {t: {reason: looked at it}}", false},
		{"resolved without value", "disputes: {t: {status: resolved}}", false},
		{"claim without source", "claims: [{topic: t, value: 1}]", false},
		{"claim without topic", "claims: [{value: 1, source: s}]", false},
		{"claim without value", "claims: [{topic: t, source: s}]", false},
		{"list value", "claims: [{topic: t, value: [1, 2], source: s}]", false},
		{"ledger version 2", "ledger: 2", false},
		{"bad source id", "sources: {-s: {name: S}}", false},
		{"bad topic id in claim", "claims: [{topic: plan army, value: 1, source: s}]", false},
		{"bad date", "claims: [{topic: t, value: 1, source: s, date: 20 Nov 2025}]", false},
		{"empty via list", "claims: [{topic: t, value: 1, source: s, via: []}]", false},
		{"denies not boolean", "claims: [{topic: t, value: 1, source: s, denies: maybe}]", false},
		{"nested context", "claims: [{topic: t, value: 1, source: s, context: {a: {b: c}}}]", false},
		{"choice with two names", "topics: {t: {type: choice, choices: [{G7: [], G8: []}]}}", false},
		{"choice topic without choices", "topics: {t: {type: choice}}", false},
		{"negative tolerance", "topics: {t: {tolerance: -1}}", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := decode([]byte(strings.TrimSpace(tt.src)))
			if err != nil {
				t.Fatal(err)
			}
			err = sch.Validate(v)
			if tt.valid && err != nil {
				t.Errorf("rejected: %v", err)
			}
			if !tt.valid && err == nil {
				t.Error("accepted")
			}
		})
	}
}
