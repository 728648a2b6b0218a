package main

import (
	"bytes"
	"context"
	"encoding/json"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/resolveout"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// finalFn judges a part with the settled estimate: its disputes, each
// with its likely side, as disputed --format json records them; its
// likely values, as resolve --format jsonl does; and how many of each
// source's claims the estimate took into account.
type finalFn struct{ partFn }

func (f *finalFn) ProcessElement(ctx context.Context, part []byte, refs func(*string, *[]byte) bool, state []byte,
	dispute func(string), likely func(string), counted func(string, int)) error {
	s, err := f.side.stateOf(state)
	if err != nil {
		return err
	}
	a, p, err := f.open(ctx, part, refs)
	if err != nil {
		return err
	}
	r := p.Result(s)
	ds := a.Filter(claims.Filter{})
	for i := range ds {
		line, err := jsonLine(disputedout.NewDisputeJSON(&ds[i], resolve.LikelyOf(a, r, &ds[i])))
		if err != nil {
			return err
		}
		disputesOut.Inc(ctx, 1)
		dispute(line)
	}
	for i := range r.Values {
		line, err := jsonLine(resolveout.NewRecord(a.Ledger, &r.Values[i]))
		if err != nil {
			return err
		}
		valuesOut.Inc(ctx, 1)
		likely(line)
	}
	for _, src := range r.Sources {
		counted(src.ID, src.Claims)
	}
	return nil
}

// sourceFn writes one source's estimate, as resolve --format json's
// sources do.
type sourceFn struct{ side partSide }

func (f *sourceFn) ProcessElement(id string, n int, state []byte, emit func(string)) error {
	s, err := f.side.stateOf(state)
	if err != nil {
		return err
	}
	line, err := jsonLine(resolveout.NewSourceRecord(s.Source(id, n)))
	if err != nil {
		return err
	}
	emit(line)
	return nil
}

// jsonLine encodes v on one line as claimdiff's JSON Lines are: no HTML
// escaping, controls escaped, and no workflow command for a CI log.
func jsonLine(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	out := render.EscapeJSONControls(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return string(safetext.JSONWorkflow(out)), nil
}
