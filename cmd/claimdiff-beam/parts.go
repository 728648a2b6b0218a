package main

import (
	"bytes"
	"context"
	"encoding/gob"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/claims/value"
)

// claimsPerBatch is about how many claims a batch of groups holds: few
// enough that a worker judges one in a few megabytes, many enough that
// the records each round sends per origin and pair are few.
const claimsPerBatch = 5000

// batchFn sends each claim to its batch: whole groups, chosen by the
// group key's hash, so that a batch is a part of the ledger the engine
// can judge on its own.
type batchFn struct{}

func (batchFn) ProcessElement(key string, rec []byte, total int) (int, []byte) {
	h := fnv.New64a()
	h.Write([]byte(key))
	return int(h.Sum64() % uint64(max(1, total/claimsPerBatch))), rec
}

// groupFn gathers one batch's claims into one JSON Lines part: the unit
// every later stage loads and judges.
func groupFn(ctx context.Context, _ int, recs func(*[]byte) bool, emit func([]byte)) {
	part := joinRecords(recs)
	partsMade.Inc(ctx, 1)
	partBytes.Inc(ctx, int64(len(part)))
	emit(part)
}

// joinRecords puts records back in ledger order and joins their lines.
func joinRecords(recs func(*[]byte) bool) []byte {
	var all [][]byte
	var r []byte
	for recs(&r) {
		all = append(all, r)
	}
	slices.SortFunc(all, func(x, y []byte) int { return bytes.Compare(x[:16], y[:16]) })
	var part []byte
	for _, r := range all {
		part = append(part, r[16:]...)
	}
	return part
}

// refRecordFn sends the claims of topics that relative values name to
// their topic, to make the references of.
type refRecordFn struct {
	named map[string]bool // read once per stage
}

func (f *refRecordFn) ProcessElement(key string, rec []byte, named func(*string) bool, emit func(string, []byte)) {
	if f.named == nil {
		f.named = map[string]bool{}
		var n string
		for named(&n) {
			f.named[n] = true
		}
	}
	if topic, _, _ := strings.Cut(key, "\x00"); f.named[topic] {
		emit(topic, rec)
	}
}

// referenceFn folds a named topic's claims, in ledger order, into the
// reference relative values scale, as the CLI does over the whole ledger.
type referenceFn struct {
	Head string
}

func (f *referenceFn) ProcessElement(ctx context.Context, topic string, recs func(*[]byte) bool, emit func(string, []byte)) error {
	l, err := loadPart(ctx, f.Head, topic+".jsonl", joinRecords(recs))
	if err != nil {
		return err
	}
	var ref value.Value
	ok := false
	for i := range l.Claims {
		ref, ok = claims.AddReference(ref, ok, &l.Claims[i])
	}
	if !ok {
		return nil
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(ref); err != nil {
		return err
	}
	emit(topic, buf.Bytes())
	return nil
}

// judge is what the stages that judge a part share: the head, the day
// disputes are judged on, and the references.
type judge struct {
	Head  string
	Today int64 // Unix seconds
}

// partSide caches what every element of a stage shares, the references
// and the round's state, decoded once rather than for every part: each
// stage has its own instance of its DoFn, and one value of each side
// input.
type partSide struct {
	refs     map[string]value.Value
	refsRead bool
	state    *resolve.State
}

func (c *partSide) references(it func(*string, *[]byte) bool) (map[string]value.Value, error) {
	if c.refsRead {
		return c.refs, nil
	}
	c.refs, c.refsRead = map[string]value.Value{}, true
	var topic string
	var enc []byte
	for it(&topic, &enc) {
		var v value.Value
		if err := gob.NewDecoder(bytes.NewReader(enc)).Decode(&v); err != nil {
			return nil, err
		}
		c.refs[topic] = v
	}
	return c.refs, nil
}

// stateOf decodes the stage's state once.
func (c *partSide) stateOf(b []byte) (*resolve.State, error) {
	if c.state != nil {
		return c.state, nil
	}
	s, err := decodeState(b)
	if err != nil {
		return nil, err
	}
	c.state = s
	return s, nil
}

// load loads and analyses a part, as the CLI analyses the whole ledger.
func (j *judge) load(ctx context.Context, part []byte, refs map[string]value.Value) (*claims.Analysis, error) {
	l, err := loadPart(ctx, j.Head, "part.jsonl", part)
	if err != nil {
		return nil, err
	}
	return claims.Analyze(l, claims.Options{Today: time.Unix(j.Today, 0).UTC(), References: refs}), nil
}
