package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// Shard is one claim file of the input and its place among them.
type Shard struct {
	Index int
	Path  string
}

// maxShardBytes caps a claim shard: bulk files are capped by rows, not
// size, but a shard is read whole.
const maxShardBytes = 4 << 30

// readFile reads a whole file from any file system Beam knows (local
// paths, gs://, s3://), up to limit bytes.
func readFile(ctx context.Context, path string, limit int64) ([]byte, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, errors.New(diag.TooLarge(diag.Pos{File: path, Line: 1, Col: 1}, limit).Error())
	}
	return data, nil
}

// heads holds each ledger head a worker has read, by path: every stage
// needs it, and a worker reads it once.
var heads sync.Map // path → *headOnce

type headOnce struct {
	once sync.Once
	h    *load.Head
	err  error
}

func headAt(ctx context.Context, path string) (*load.Head, error) {
	v, _ := heads.LoadOrStore(path, &headOnce{})
	ho := v.(*headOnce)
	ho.once.Do(func() {
		data, err := readFile(ctx, path, load.DefaultMaxFileBytes)
		if err != nil {
			ho.err = err
			return
		}
		ho.h, ho.err = load.LoadHead([]load.File{{Name: path, Data: data}}, load.Options{})
		if ho.err == nil {
			ho.err = refuse(ho.h.Problems)
		}
	})
	return ho.h, ho.err
}

// loadPart loads claims against the head at headPath, refusing them as
// the CLI refuses a ledger with errors.
func loadPart(ctx context.Context, headPath, name string, data []byte) (*claims.Ledger, error) {
	h, err := headAt(ctx, headPath)
	if err != nil {
		return nil, err
	}
	l, err := h.Part([]load.File{{Name: name, Data: data}})
	if err != nil {
		return nil, err
	}
	return l, refuse(l.Problems)
}

// refuse turns a ledger's errors into one error, as the CLI refuses a
// ledger with errors: the first few, and how many there were.
func refuse(ps []diag.Problem) error {
	var msgs []string
	n := 0
	for _, p := range ps {
		if p.Severity != diag.Error {
			continue
		}
		if n++; n <= 5 {
			msgs = append(msgs, p.Error())
		}
	}
	if n == 0 {
		return nil
	}
	if n > 5 {
		msgs = append(msgs, fmt.Sprintf("and %d more errors", n-5))
	}
	return errors.New(strings.Join(msgs, "\n"))
}

// readShardFn loads one claim shard against the head and sends each
// claim to its group, keyed by topic, context and moment. It also names
// the topics relative values refer to, whose references the whole
// ledger must give.
type readShardFn struct {
	Head string
}

func (f *readShardFn) ProcessElement(ctx context.Context, sh Shard, emit func(string, []byte), named func(string),
	ids func(string, IDSeen)) error {
	data, err := readFile(ctx, sh.Path, maxShardBytes)
	if err != nil {
		return err
	}
	l, err := loadPart(ctx, f.Head, sh.Path, data)
	if err != nil {
		return err
	}
	// The shard's claims as JSON Lines, written once: a claim a line.
	var buf bytes.Buffer
	if err := bulk.WriteJSONL(&buf, l.Claims); err != nil {
		return err
	}
	lines := buf.Bytes()
	for i := range l.Claims {
		c := &l.Claims[i]
		end := bytes.IndexByte(lines, '\n') + 1
		key, rec := l.GroupOf(c).String(), record(sh.Index, i, lines[:end])
		lines = lines[end:]
		claimsRead.Inc(ctx, 1)
		claimBytes.Inc(ctx, int64(len(key)+len(rec)))
		emit(key, rec)
		if c.Value.Ref != "" {
			named(c.Value.Ref)
		}
		if !c.DerivedID {
			// The id, and about three varints of place and count.
			idBytes.Inc(ctx, int64(len(c.ID)+8))
			ids(c.ID, IDSeen{Count: 1, First: Place{sh.Index, c.Pos.Line, c.Pos.Col}})
		}
	}
	return nil
}

// Place is where a claim is: its shard, line and column. Three small
// numbers cross the id check's shuffle, not a path for every claim.
type Place struct{ Shard, Line, Col int }

func (p Place) less(q Place) bool {
	return cmp.Or(cmp.Compare(p.Shard, q.Shard), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Col, q.Col)) < 0
}

// IDSeen is where a claim id was given: how often, and the first two
// places in input order (Second is the zero Place when Count is 1).
type IDSeen struct {
	Count         int
	First, Second Place
}

// mergeIDs adds up where an id was seen, keeping the first two places,
// so that the message does not depend on the order shards are read in.
func mergeIDs(a, b IDSeen) IDSeen {
	places := []Place{a.First, b.First}
	if a.Count > 1 {
		places = append(places, a.Second)
	}
	if b.Count > 1 {
		places = append(places, b.Second)
	}
	slices.SortFunc(places, func(x, y Place) int {
		if x.less(y) {
			return -1
		}
		if y.less(x) {
			return 1
		}
		return 0
	})
	return IDSeen{Count: a.Count + b.Count, First: places[0], Second: places[1]}
}

// checkIDFn stops the pipeline at an id given to two claims, as the CLI
// refuses such a ledger: the same id in two shards, or in two groups,
// which no batch sees both of. It emits nothing: the writers wait for its
// empty output, so that nothing is written for a ledger it refuses.
type checkIDFn struct {
	Shards []string
}

func (f *checkIDFn) ProcessElement(id string, seen IDSeen, _ func(string)) error {
	if seen.Count > 1 {
		return fmt.Errorf("%s: claim id %q is used twice (also at %s)", f.at(seen.Second), id, f.at(seen.First))
	}
	return nil
}

func (f *checkIDFn) at(p Place) string {
	return fmt.Sprintf("%s:%d:%d", f.Shards[p.Shard], p.Line, p.Col)
}
