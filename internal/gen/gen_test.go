package gen

import (
	"bytes"
	"io"
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

// Every format holds the same claims, line for line.
func TestFormats(t *testing.T) {
	o := Options{Claims: 100, Seed: 1}
	var csv, jsonl, head bytes.Buffer
	for _, w := range []struct {
		fn  func(io.Writer, Options) error
		buf *bytes.Buffer
	}{{CSV, &csv}, {JSONL, &jsonl}, {Head, &head}} {
		if err := w.fn(w.buf, o); err != nil {
			t.Fatal(err)
		}
	}
	if n := bytes.Count(csv.Bytes(), []byte("\n")); n != 101 {
		t.Errorf("csv: %d lines, want a header and 100 rows", n)
	}
	if n := bytes.Count(jsonl.Bytes(), []byte("\n")); n != 100 {
		t.Errorf("jsonl: %d lines, want 100", n)
	}
	if bytes.Contains(head.Bytes(), []byte("claims:")) || !bytes.Contains(head.Bytes(), []byte("topics:")) {
		t.Errorf("head is not sources and topics alone:\n%s", head.String())
	}
	if got := Disputed(Options{Claims: 1_000_000}); got != 15_000 {
		t.Errorf("Disputed = %d for 1M claims, want 6%% of 250,000 topics", got)
	}
}
