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

// A fusion ledger is the same for the same options, and its sources are
// as accurate as the generator says.
func TestFusion(t *testing.T) {
	o := FusionOptions{Claims: 20000, Seed: 3}
	var a, b bytes.Buffer
	f := NewFusion(o)
	if err := f.YAML(&a); err != nil {
		t.Fatal(err)
	}
	if err := NewFusion(o).YAML(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same options gave different ledgers")
	}
	if n := f.Claims(); n < 18000 || n > 22000 {
		t.Errorf("%d claims, want about 20,000", n)
	}
	if len(f.Truth) != 2000 || len(f.Sources) != 40 {
		t.Errorf("%d topics and %d sources, want 2,000 and 40", len(f.Truth), len(f.Sources))
	}
	right, made := map[int32]int{}, map[int32]int{}
	for _, c := range f.claims {
		made[c.source]++
		if c.value == f.Truth[c.topic] {
			right[c.source]++
		}
	}
	copiers := 0
	for s, src := range f.Sources {
		got := float64(right[int32(s)]) / float64(made[int32(s)])
		if src.CopiesFrom != "" {
			copiers++
			continue
		}
		if d := got - src.Accuracy; d < -0.1 || d > 0.1 {
			t.Errorf("%s: right %.2f of the time, said to be %.2f accurate", src.ID, got, src.Accuracy)
		}
	}
	if copiers != 10 {
		t.Errorf("%d copiers, want a quarter of 40", copiers)
	}
}
