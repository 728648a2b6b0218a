package yamlnode

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestKindAndFound(t *testing.T) {
	long := strings.Repeat("x", 50)
	for _, tt := range []struct {
		yaml, kind, found string
	}{
		{"{a: 1}", "a mapping", "a mapping"},
		{"[1, 2]", "a list", "a list"},
		{"~", "nothing", "empty"},
		{"600,000", "a single value", `the value "600,000"`},
		{long, "a single value", `the value "` + strings.Repeat("x", 40) + `…"`},
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(tt.yaml), &doc); err != nil {
			t.Fatal(err)
		}
		n := doc.Content[0]
		if got := Kind(n); got != tt.kind {
			t.Errorf("Kind(%s) = %q, want %q", tt.yaml, got, tt.kind)
		}
		if got := Found(n); got != tt.found {
			t.Errorf("Found(%s) = %q, want %q", tt.yaml, got, tt.found)
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("a: &x 1\nb: *x\n"), &doc); err != nil {
		t.Fatal(err)
	}
	if alias := doc.Content[0].Content[3]; Kind(alias) != "an alias" || Found(alias) != "an alias" {
		t.Errorf("an alias: %q, %q", Kind(alias), Found(alias))
	}
	if Found(&doc) != "a document" {
		t.Errorf("a document: %q", Found(&doc))
	}
}
