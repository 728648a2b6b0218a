package load

import (
	"runtime"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/parallel"
)

// A merged feed declares its topics by the hundred thousand, and reading
// them one by one became the slowest part of loading a bulk ledger. The
// topics section is therefore read like the claims list: each entry is
// scanned once and turned into a Topic in chunks on every core, away from
// the ledger, and the topics are then added in order, so the result is
// exactly the one-by-one one.

// parsedTopic is one entry of topics, read but not yet added.
type parsedTopic struct {
	key      string
	keyPos   diag.Pos
	topic    *claims.Topic // nil when the entry is not a mapping
	problems []diag.Problem
}

// readTopicEntries reads the entries of a topics section. A result other
// than scanned means some entry needs yaml.v3, and nothing was read.
func readTopicEntries(name string, data []byte, entries []entry) ([]parsedTopic, scanResult) {
	out := make([]parsedTopic, len(entries))
	chunk := max(1024, len(entries)/(runtime.GOMAXPROCS(0)*4)+1)
	results := make([]scanResult, (len(entries)+chunk-1)/chunk)
	parallel.Chunked(len(entries), chunk, func() func(c, from, to int) {
		s := newItemScanner()
		return func(c, from, to int) {
			r := newReader(name, 0)
			r.uncapped = true // addTopics caps them, in order
			results[c] = scanned
			for i := from; i < to; i++ {
				e := entries[i]
				k, v, res := s.scanEntry(data[e.start:e.end], e.line, e.indent)
				if res != scanned {
					results[c] = res
					break
				}
				before := len(r.problems)
				t := parseTopic(r, field{key: k.Value, keyN: k, value: v})
				out[i] = parsedTopic{key: k.Value, keyPos: r.pos(k), topic: t, problems: r.problems[before:len(r.problems):len(r.problems)]}
			}
		}
	})
	for _, res := range results {
		if res != scanned {
			return nil, res
		}
	}
	return out, scanned
}

// addTopics adds what readTopicEntries read, in order, as readTopic would
// have one entry at a time.
func (b *builder) addTopics(r *reader, parsed []parsedTopic) {
	if len(b.l.Topics) == 0 {
		// Sized once: a quarter of a million topics would otherwise grow
		// the map a dozen times.
		b.l.Topics = make(map[string]*claims.Topic, len(parsed))
	}
	applyEntries(r, "topics", len(parsed),
		func(i int) (string, diag.Pos) { return parsed[i].key, parsed[i].keyPos },
		func(i int) {
			for _, p := range parsed[i].problems {
				r.add(p)
			}
			if t := parsed[i].topic; t != nil {
				b.addTopic(r, t)
			}
		})
}
