package example

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// check looks at a decoded ledger and returns what is wrong with it.
type check struct {
	name string
	run  func(doc map[string]any) []string
}

var checks = []check{
	{"at least 45 claims", func(doc map[string]any) []string {
		if n := len(claimsOf(doc)); n < 45 {
			return []string{fmt.Sprintf("%d claims", n)}
		}
		return nil
	}},
	{"at least 12 origins", func(doc map[string]any) []string {
		origins := map[string]bool{}
		for _, c := range claimsOf(doc) {
			origins[str(c["source"])] = true
		}
		if len(origins) < 12 {
			return []string{fmt.Sprintf("%d distinct claim sources", len(origins))}
		}
		return nil
	}},
	{"claim ids present and unique", func(doc map[string]any) []string {
		var bad []string
		seen := map[string]bool{}
		for i, c := range claimsOf(doc) {
			id := str(c["id"])
			switch {
			case id == "":
				bad = append(bad, fmt.Sprintf("claim %d has no id", i))
			case seen[id]:
				bad = append(bad, fmt.Sprintf("claim id %s used twice", id))
			}
			seen[id] = true
		}
		return bad
	}},
	{"sources defined", func(doc map[string]any) []string {
		var bad []string
		srcs := mapOf(doc["sources"])
		for _, c := range claimsOf(doc) {
			if _, ok := srcs[str(c["source"])]; !ok {
				bad = append(bad, fmt.Sprintf("%s: source %q not defined", str(c["id"]), str(c["source"])))
			}
		}
		return bad
	}},
	{"via defined", func(doc map[string]any) []string {
		var bad []string
		srcs := mapOf(doc["sources"])
		for id, s := range srcs {
			for _, v := range strs(mapOf(s)["via"]) {
				if _, ok := srcs[v]; !ok {
					bad = append(bad, fmt.Sprintf("source %s: via %q not defined", id, v))
				}
			}
		}
		for _, c := range claimsOf(doc) {
			for _, v := range strs(c["via"]) {
				if _, ok := srcs[v]; !ok {
					bad = append(bad, fmt.Sprintf("%s: via %q not defined", str(c["id"]), v))
				}
			}
		}
		return bad
	}},
	{"topics defined", func(doc map[string]any) []string {
		var bad []string
		topics := mapOf(doc["topics"])
		for _, c := range claimsOf(doc) {
			if _, ok := topics[str(c["topic"])]; !ok {
				bad = append(bad, fmt.Sprintf("%s: topic %q not defined", str(c["id"]), str(c["topic"])))
			}
		}
		for t := range mapOf(doc["disputes"]) {
			if _, ok := topics[t]; !ok {
				bad = append(bad, fmt.Sprintf("dispute on undefined topic %q", t))
			}
		}
		return bad
	}},
	{"short quote or note on every claim", func(doc map[string]any) []string {
		var bad []string
		for _, c := range claimsOf(doc) {
			q := str(c["quote"])
			switch n := len(strings.Fields(q)); {
			case q == "" && str(c["note"]) == "":
				bad = append(bad, fmt.Sprintf("%s: neither quote nor note", str(c["id"])))
			case n >= 25:
				bad = append(bad, fmt.Sprintf("%s: quote of %d words", str(c["id"]), n))
			}
		}
		return bad
	}},
	{"editorial statuses shown", func(doc map[string]any) []string {
		var acked, resolved bool
		for _, d := range mapOf(doc["disputes"]) {
			d := mapOf(d)
			switch str(d["status"]) {
			case "acknowledged":
				acked = acked || str(d["reason"]) != "" && strings.HasPrefix(str(d["until"]), "2027-")
			case "resolved":
				resolved = resolved || str(d["value"]) != ""
			}
		}
		var bad []string
		if !acked {
			bad = append(bad, "no acknowledged dispute with a reason and an until in 2027")
		}
		if !resolved {
			bad = append(bad, "no resolved dispute with a value")
		}
		return bad
	}},
	{"contradictions kept", func(doc map[string]any) []string {
		var bad []string
		for _, want := range contradictions {
			var got []string
			for _, c := range claimsOf(doc) {
				if str(c["topic"]) != want.topic {
					continue
				}
				v := str(c["value"])
				if c["denies"] == true {
					v = "not " + v
				}
				got = append(got, v)
			}
			for _, v := range want.values {
				if !slices.Contains(got, v) {
					bad = append(bad, fmt.Sprintf("%s: no claim of %q", want.topic, v))
				}
			}
		}
		return bad
	}},
}

// contradictions are the disagreements in the articles that the example
// exists to show; editing it must not lose any of them.
var contradictions = []struct {
	topic  string
	values []string
}{
	{"plan.army-cap", []string{"600,000", "600k", "half of ukraine.army-size"}},
	{"ukraine.army-size", []string{"~850,000"}},
	{"plan.russia-rejoins", []string{"G7", "G8"}},
	{"umerov.approved-plan", []string{"yes", "no"}},
	{"kupiansk.captured-by", []string{"Russia", "not Russia"}},
	{"ankara-meeting.outcome", []string{"postponed", "cancelled"}},
	{"plan.kyiv-consulted", []string{"yes", "no"}},
	{"plan.moscow-consulted", []string{"yes", "no"}},
	{"plan.frozen-assets", []string{"$100B", "$100 billion"}},
	{"plan.elections-within", []string{"within 100 days", "100 days"}},
	{"plan.guarantee-term", []string{"10 years"}},
}

func TestExample(t *testing.T) {
	var doc map[string]any
	if err := yaml.Unmarshal(YAML, &doc); err != nil {
		t.Fatalf("example does not decode: %v", err)
	}
	if doc["ledger"] != 1 {
		t.Errorf("ledger: %v, want 1", doc["ledger"])
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			for _, p := range c.run(doc) {
				t.Error(p)
			}
		})
	}
}

// TestChecksCatchProblems feeds each check a ledger it must reject, so a
// check that passes on the example is known to be able to fail.
func TestChecksCatchProblems(t *testing.T) {
	bad := map[string]string{
		"at least 45 claims":  "claims: [{id: a, topic: t, value: 1, source: s}]",
		"at least 12 origins": "claims: [{id: a, source: s}, {id: b, source: s}]",
		"claim ids present and unique": `
claims: [{id: a, source: s}, {id: a, source: s}, {source: s}]`,
		"sources defined": `
sources: {s: {name: S}}
claims: [{id: a, source: t}]`,
		"via defined": `
sources: {s: {via: [nowhere]}}
claims: [{id: a, source: s, via: elsewhere}]`,
		"topics defined": `
topics: {t: {type: text}}
claims: [{id: a, topic: u}]
disputes: {v: {status: open}}`,
		"short quote or note on every claim": `
claims:
  - {id: a}
  - {id: b, quote: one two three four five six seven eight nine ten one two three four five six seven eight nine ten one two three four five}`,
		"editorial statuses shown": `
disputes:
  t: {status: acknowledged, until: 2026-01-01}
  u: {status: resolved, reason: no value}`,
		"contradictions kept": "claims: [{topic: plan.army-cap, value: 600,000}]",
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			src, ok := bad[c.name]
			if !ok {
				t.Fatal("no bad ledger for this check")
			}
			var doc map[string]any
			if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
				t.Fatal(err)
			}
			if p := c.run(doc); len(p) == 0 {
				t.Error("check found nothing wrong")
			}
		})
	}
}

func claimsOf(doc map[string]any) []map[string]any {
	items, _ := doc["claims"].([]any)
	out := make([]map[string]any, 0, len(items))
	for _, it := range items {
		out = append(out, mapOf(it))
	}
	return out
}

func mapOf(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// str gives a scalar as written; yaml.v3 keeps yes/no and dates as strings.
func str(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// strs reads a via, which is one id or a list of them.
func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, s := range v {
			out = append(out, str(s))
		}
		return out
	}
	return nil
}
