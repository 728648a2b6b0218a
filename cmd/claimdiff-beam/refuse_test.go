package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
)

// TestPipelineRefusesABadShard: a shard the CLI would refuse stops the
// pipeline with the CLI's file:line:col message, rather than judging
// what it could read.
func TestPipelineRefusesABadShard(t *testing.T) {
	dir := t.TempDir()
	head := filepath.Join(dir, "head.yaml")
	shard := filepath.Join(dir, "claims.jsonl")
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(head, "ledger: 1\nsources:\n  wire: {name: Wire}\ntopics:\n  t.count: {type: number}\n")
	write(shard, `{"id": "a", "topic": "t.count", "value": "5", "source": "wire"}`+"\n"+
		`{"id": "b", "topic": "t.count", "value": "7", "source": "wier"}`+"\n")
	p, s := beam.NewPipelineWithRoot()
	Build(s, Config{Head: head, Claims: []string{shard}, Out: filepath.Join(dir, "out"), Today: time.Now()})
	_, err := prism.Execute(context.Background(), p)
	if err == nil {
		t.Fatal("the pipeline judged a shard that cites an undefined source")
	}
	if want := "claims.jsonl:2:"; !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), `"wier"`) {
		t.Fatalf("error does not point at %s and the source: %v", want, err)
	}
}

// TestPipelineRefusesAnIDInTwoShards: the same id in two shards, on two
// topics, is refused as the CLI refuses it, though no batch sees both,
// and nothing is written.
func TestPipelineRefusesAnIDInTwoShards(t *testing.T) {
	dir := t.TempDir()
	head := filepath.Join(dir, "head.yaml")
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(head, "ledger: 1\nsources:\n  wire: {name: Wire}\ntopics:\n  t.one: {type: number}\n  t.two: {type: number}\n")
	write(a, `{"id": "x", "topic": "t.one", "value": "5", "source": "wire"}`+"\n")
	write(b, `{"id": "y", "topic": "t.two", "value": "6", "source": "wire"}`+"\n"+
		`{"id": "x", "topic": "t.two", "value": "7", "source": "wire"}`+"\n")
	out := filepath.Join(dir, "out")
	p, s := beam.NewPipelineWithRoot()
	Build(s, Config{Head: head, Claims: []string{a, b}, Out: out, Today: time.Now()})
	_, err := prism.Execute(context.Background(), p)
	if err == nil {
		t.Fatal("the pipeline judged a ledger with an id used twice")
	}
	if want := `b.jsonl:2:1: claim id "x" is used twice (also at ` + a + `:1:1)`; !strings.Contains(err.Error(), want) {
		t.Fatalf("error does not say %s: %v", want, err)
	}
	if files, _ := filepath.Glob(filepath.Join(out, "*")); len(files) > 0 {
		t.Fatalf("the pipeline wrote %v for a ledger it refused", files)
	}
}
