package yamlnode

import (
	"errors"
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

func TestErrorLine(t *testing.T) {
	var doc yaml.Node
	err := yaml.Unmarshal([]byte("a: 1\nb: [\n"), &doc)
	if line, msg := ErrorLine(err); line != 2 || msg != "did not find expected node content" {
		t.Errorf("ErrorLine(%v) = %d, %q", err, line, msg)
	}
	for _, tt := range []struct {
		err  string
		line int
		msg  string
	}{
		{"yaml: the YAML parser failed on this file (boom)", 1, "the YAML parser failed on this file (boom)"},
		{"yaml: line 0: odd", 1, "odd"},
		{"not yaml's", 1, "not yaml's"},
	} {
		if line, msg := ErrorLine(errors.New(tt.err)); line != tt.line || msg != tt.msg {
			t.Errorf("ErrorLine(%q) = %d, %q", tt.err, line, msg)
		}
	}
}

// A panic in the parser is an error, its cause kept when it is one.
func TestDecodePanic(t *testing.T) {
	dec := yaml.NewDecoder(panicReader{})
	var n yaml.Node
	err := Decode(dec, &n)
	if !errors.Is(err, errBoom) || err.Error() != "yaml: the YAML parser failed on this file (boom)" {
		t.Errorf("Decode = %v", err)
	}
}

var errBoom = errors.New("boom")

type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic(errBoom) }
