package gen

import (
	"bytes"
	"testing"
)

func TestYAMLIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := YAML(&a, Options{Claims: 100, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if err := YAML(&b, Options{Claims: 100, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same seed gave different ledgers")
	}
	if n := bytes.Count(a.Bytes(), []byte("\n  - id: c")); n != 100 {
		t.Fatalf("%d claims, want 100", n)
	}
}
