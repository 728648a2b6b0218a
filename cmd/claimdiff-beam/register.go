package main

import (
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/claimdiff/claimdiff/claims/resolve"
)

// Beam ships DoFns to workers by name: every one, and every type that
// crosses a stage, is registered before the pipeline is built.
func init() {
	for _, fn := range []any{
		(*readShardFn)(nil), (*refRecordFn)(nil), (*referenceFn)(nil), (*startFn)(nil), (*roundFn)(nil), (*finalFn)(nil),
		(*sourceFn)(nil), (*shardKeyFn)(nil), (*writeShardFn)(nil), (*writeStateFn)(nil),
		(*resolve.Evidence)(nil), (*resolve.CopyEvidence)(nil), (*batchFn)(nil), (*IDSeen)(nil), (*Place)(nil), (*checkIDFn)(nil), (*Shard)(nil),
	} {
		beam.RegisterType(reflect.TypeOf(fn).Elem())
	}
	for _, fn := range []any{
		groupFn, mergeIDs, sumEvidence, mergeCopying, sumInts, firstStateFn, nextStateFn,
	} {
		beam.RegisterFunction(fn)
	}
}
