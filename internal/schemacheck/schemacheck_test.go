package schemacheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	schema := `{"$ref": "#/definitions/a", "definitions": {"a": {"type": "object", "required": ["n"],
		"additionalProperties": false, "properties": {
		"n": {"type": "integer", "minimum": 1},
		"s": {"enum": ["x", "y"]},
		"u": {"type": "string", "format": "uri"},
		"l": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string", "pattern": "^[a-z]+$"}},
		"o": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}}}}`
	p := filepath.Join(dir, "s.json")
	if err := os.WriteFile(p, []byte(schema), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ doc, want string }{
		{`{"n": 1, "s": "x", "u": "https://a", "l": ["a"], "o": 3}`, ""},
		{`{}`, `required property "n"`},
		{`{"n": 0}`, "beyond minimum"},
		{`{"n": 1.5}`, "want type integer"},
		{`{"n": 1, "s": "z"}`, "not one of"},
		{`{"n": 1, "u": "a/b"}`, "not an absolute URI"},
		{`{"n": 1, "l": []}`, "at least 1"},
		{`{"n": 1, "l": ["a", "a"]}`, "are equal"},
		{`{"n": 1, "l": ["A"]}`, "does not match"},
		{`{"n": 1, "o": true}`, "matches 0"},
		{`{"n": 1, "extra": 1}`, `"extra" is not allowed`},
	}
	for _, tt := range tests {
		errs := strings.Join(s.Validate([]byte(tt.doc)), "\n")
		if tt.want == "" && errs != "" || !strings.Contains(errs, tt.want) {
			t.Errorf("Validate(%s) = %q, want %q", tt.doc, errs, tt.want)
		}
	}
}

// The consumers' schemas use only keywords schemacheck knows: an unknown
// one would be an error on any document.
func TestConsumerSchemasKnown(t *testing.T) {
	for _, name := range []string{"sarif-schema-2.1.0.json", "rdf-Diagnostic.json", "gitlab-codeclimate.json"} {
		s, err := Load(filepath.Join("..", "..", "testdata", "schemas", name))
		if err != nil {
			t.Fatal(err)
		}
		var errs []string
		s.walk(s.root, &errs)
		if len(errs) > 0 {
			t.Errorf("%s: %v", name, errs)
		}
	}
}
