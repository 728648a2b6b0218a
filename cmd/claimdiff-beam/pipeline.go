package main

import (
	"fmt"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/filter"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"

	"github.com/claimdiff/claimdiff/claims/resolve"
)

// Config is what the pipeline reads and writes.
type Config struct {
	// Head is the ledger's YAML: its sources, topics and disputes.
	Head string
	// Claims are the claim shards: Parquet, JSON Lines, CSV or TSV.
	Claims []string
	// Out is the directory the output shards go to.
	Out string
	// Shards is how many files each output is written in.
	Shards int
	// Rounds is how many rounds of the estimate are unrolled; the CLI
	// runs at most resolve.DefaultMaxIterations.
	Rounds int
	// Today decides whether acknowledgements have expired.
	Today time.Time
}

// Build lays the pipeline out in s: read the shards, group the claims
// by topic, context and moment, estimate in unrolled rounds, and write
// disputes, likely values, sources and the settled state.
func Build(s beam.Scope, c Config) {
	if c.Shards <= 0 {
		c.Shards = 1
	}
	if c.Rounds <= 0 {
		c.Rounds = resolve.DefaultMaxIterations
	}
	shards := make([]Shard, len(c.Claims))
	for i, p := range c.Claims {
		shards[i] = Shard{Index: i, Path: p}
	}
	j := judge{Head: c.Head, Today: c.Today.Unix()}

	read := s.Scope("read")
	recs, named, ids := beam.ParDo3(read, &readShardFn{Head: c.Head}, beam.CreateList(read, shards))
	checked := beam.ParDo(read, &checkIDFn{Shards: c.Claims}, beam.CombinePerKey(read, mergeIDs, ids))
	total := stats.CountElms(read, recs)
	batched := beam.ParDo(read, batchFn{}, recs, beam.SideInput{Input: total})
	parts := beam.ParDo(read, groupFn, beam.GroupByKey(read, batched))

	// The references of relative values come from the whole ledger.
	ref := s.Scope("references")
	refRecs := beam.ParDo(ref, &refRecordFn{}, recs, beam.SideInput{Input: filter.Distinct(ref, named)})
	refs := beam.SideInput{Input: beam.ParDo(ref, &referenceFn{Head: c.Head}, beam.GroupByKey(ref, refRecs))}

	start := s.Scope("round 0")
	origins, copying := beam.ParDo2(start, &startFn{partFn{judge: j}}, parts, refs)
	impulse := beam.Impulse(start)
	state := beam.ParDo(start, firstStateFn, impulse, beam.SideInput{Input: filter.Distinct(start, origins)},
		beam.SideInput{Input: beam.CombinePerKey(start, mergeCopying, copying)})

	for r := 1; r <= c.Rounds; r++ {
		round := s.Scope(fmt.Sprintf("round %d", r))
		evidence, copying := beam.ParDo2(round, &roundFn{partFn{judge: j}}, parts, refs, beam.SideInput{Input: state})
		state = beam.ParDo(round, nextStateFn, impulse, beam.SideInput{Input: state},
			beam.SideInput{Input: beam.CombinePerKey(round, sumEvidence, evidence)},
			beam.SideInput{Input: beam.CombinePerKey(round, mergeCopying, copying)})
	}

	final := s.Scope("judge")
	disputes, values, counted := beam.ParDo3(final, &finalFn{partFn{judge: j}}, parts, refs, beam.SideInput{Input: state})
	sources := beam.ParDo(final, &sourceFn{}, beam.CombinePerKey(final, sumInts, counted), beam.SideInput{Input: state})

	writeShards(s, c.Out, "disputes", c.Shards, disputes, checked)
	writeShards(s, c.Out, "values", c.Shards, values, checked)
	writeShards(s, c.Out, "sources", 1, sources, checked)
	beam.ParDo0(s, &writeStateFn{Dir: c.Out}, state, beam.SideInput{Input: checked})
}
