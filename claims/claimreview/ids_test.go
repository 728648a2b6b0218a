package claimreview_test

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims/claimreview"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// Fact-checkers and claims whose ids YAML would read as null, a boolean or
// a number are imported under those ids, and every YAML reader reads the
// written ids as strings.
func TestImportIDsYAMLWouldRetype(t *testing.T) {
	names := []string{"Null", "True", "No", "2024", "1e3", "0x1F", "~"}
	var items []string
	for _, n := range names {
		items = append(items, fmt.Sprintf(`{"@type": "ClaimReview", "claimReviewed": %q,
		  "author": {"@type": "Organization", "name": %q},
		  "reviewRating": {"@type": "Rating", "alternateName": "False"}}`, n, n))
	}
	l, err := claimreview.Import(strings.NewReader(`[` + strings.Join(items, ",") + `]`))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := l.WriteYAML(&b, "ids"); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	got, err := load.Load([]load.File{{Name: "claims.yaml", Data: []byte(text)}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diag.HasErrors(got.Problems, false) {
		t.Fatalf("the import does not load: %v\n%s", got.Problems, text)
	}
	for i, c := range got.Claims {
		if want := l.Claims[i].Source; c.Source != want {
			t.Errorf("claim %d cites %q, want %q", i, c.Source, want)
		}
	}
	// yaml.v3 reads every key and id as a string, not null, bool or int.
	var doc struct {
		Sources map[string]any
		Topics  map[string]any
		Claims  []map[string]any
	}
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sources) != len(l.Sources) {
		t.Errorf("%d sources read, want %d", len(doc.Sources), len(l.Sources))
	}
	for _, c := range doc.Claims {
		for _, k := range []string{"source", "topic"} {
			if _, ok := c[k].(string); !ok {
				t.Errorf("claim's %s reads as %T %v", k, c[k], c[k])
			}
		}
	}
	var node yaml.Node
	if err := yaml.Unmarshal([]byte(text), &node); err != nil {
		t.Fatal(err)
	}
	root := node.Content[0]
	for i := 0; i < len(root.Content); i += 2 {
		if k := root.Content[i].Value; k != "sources" && k != "topics" {
			continue
		}
		m := root.Content[i+1]
		for j := 0; j < len(m.Content); j += 2 {
			if tag := m.Content[j].ShortTag(); tag != "!!str" {
				t.Errorf("%s key %q reads as %s", root.Content[i].Value, m.Content[j].Value, tag)
			}
		}
	}
}

// Reviews of claims that share their opening get ids numbered on from the
// last one, not searched from 2 each time (16,000 such took 21 s).
func TestImportIDClashesNumberOn(t *testing.T) {
	const n = 16_000
	opening := strings.Repeat("the same opening words ", 3)
	var items []string
	for i := range n {
		items = append(items, fmt.Sprintf(`{"@type": "ClaimReview", "claimReviewed": "%s%d",
		  "author": {"@type": "Organization", "name": "Checker"},
		  "reviewRating": {"@type": "Rating", "alternateName": "False"}}`, opening, i))
	}
	l, err := claimreview.Import(strings.NewReader(`[` + strings.Join(items, ",") + `]`))
	if err != nil {
		t.Fatal(err)
	}
	base := l.Topics[0].ID
	for i, tp := range l.Topics {
		want := base
		if i > 0 {
			want = fmt.Sprintf("%s-%d", base, i+1)
		}
		if tp.ID != want {
			t.Fatalf("topic %d is %q, want %q", i, tp.ID, want)
		}
	}
}
