package main

import (
	"encoding/binary"
	"encoding/json"
	"strings"

	"github.com/claimdiff/claimdiff/claims/resolve"
)

// What crosses stages: claims as JSON Lines records, parts as JSON
// Lines, evidence as resolve's own structs, which Beam codes itself, and
// the estimate's State as JSON, whose floats read back bit for bit.

// pairKey names a pair of origins as one string; ids hold no NUL.
func pairKey(p resolve.Pair) string { return p.A + "\x00" + p.B }

func pairOf(key string) resolve.Pair {
	a, b, _ := strings.Cut(key, "\x00")
	return resolve.Pair{A: a, B: b}
}

// stateWire is resolve.State as JSON.
type stateWire struct {
	Accuracy  map[string]float64    `json:"accuracy"`
	Copying   map[string][2]float64 `json:"copying"`
	Evidence  map[string]float64    `json:"evidence,omitempty"`
	Rounds    int                   `json:"rounds"`
	Converged bool                  `json:"converged"`
}

func encodeState(s *resolve.State) []byte {
	w := stateWire{Accuracy: s.Accuracy, Copying: map[string][2]float64{}, Evidence: s.Evidence, Rounds: s.Rounds, Converged: s.Converged}
	for p, c := range s.Copying {
		w.Copying[pairKey(p)] = [2]float64{c.AB, c.BA}
	}
	out, err := json.Marshal(w)
	if err != nil {
		panic(err) // only floats and strings: cannot fail but for NaN, which the estimate never makes
	}
	return out
}

func decodeState(b []byte) (*resolve.State, error) {
	var w stateWire
	if err := json.Unmarshal(b, &w); err != nil {
		return nil, err
	}
	s := &resolve.State{Accuracy: w.Accuracy, Copying: map[resolve.Pair]resolve.Copying{}, Evidence: w.Evidence, Rounds: w.Rounds, Converged: w.Converged}
	if s.Accuracy == nil {
		s.Accuracy = map[string]float64{}
	}
	for k, c := range w.Copying {
		s.Copying[pairOf(k)] = resolve.Copying{AB: c[0], BA: c[1]}
	}
	return s, nil
}

// A record is one claim on its way to its group: its place in the input
// (shard, then row), so the group can put its claims back in ledger
// order, and its JSON Lines line.
func record(shard, row int, line []byte) []byte {
	out := make([]byte, 16, 16+len(line))
	binary.BigEndian.PutUint64(out, uint64(shard))
	binary.BigEndian.PutUint64(out[8:], uint64(row))
	return append(out, line...)
}
