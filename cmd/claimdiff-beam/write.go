package main

import (
	"bufio"
	"context"
	"fmt"
	"hash/fnv"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// writeShards writes lines as JSON Lines shards, name-00000-of-00004.jsonl
// and so on, each sorted, so the same input always gives the same files.
// Nothing is written until the check of the input (an empty collection)
// is complete.
func writeShards(s beam.Scope, dir, name string, shards int, lines, checked beam.PCollection) {
	s = s.Scope("write " + name)
	keyed := beam.ParDo(s, &shardKeyFn{Shards: shards}, lines)
	beam.ParDo0(s, &writeShardFn{Dir: dir, Name: name, Shards: shards}, beam.GroupByKey(s, keyed), beam.SideInput{Input: checked})
}

type shardKeyFn struct{ Shards int }

func (f *shardKeyFn) ProcessElement(line string) (int, string) {
	h := fnv.New32a()
	h.Write([]byte(line))
	return int(h.Sum32() % uint32(f.Shards)), line
}

type writeShardFn struct {
	Dir, Name string
	Shards    int
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool, _ func(*string) bool) error {
	var all []string
	var l string
	for lines(&l) {
		all = append(all, l)
	}
	slices.Sort(all)
	return writeFile(ctx, fmt.Sprintf("%s/%s-%05d-of-%05d.jsonl", f.Dir, f.Name, shard, f.Shards), all)
}

// writeFile writes lines to path on any file system Beam knows.
func writeFile(ctx context.Context, path string, lines []string) error {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// writeStateFn writes the settled estimate, every accuracy and pair at
// full precision, as state.json.
type writeStateFn struct{ Dir string }

func (f *writeStateFn) ProcessElement(ctx context.Context, state []byte, _ func(*string) bool) error {
	return writeFile(ctx, f.Dir+"/state.json", []string{string(state)})
}
