package load

import (
	"runtime"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load/internal/yamlscan"
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
// than Scanned means some entry needs yaml.v3, and nothing was read.
func readTopicEntries(name string, data []byte, entries []yamlscan.Entry) ([]parsedTopic, yamlscan.Result) {
	out := make([]parsedTopic, len(entries))
	chunk := max(1024, len(entries)/(runtime.GOMAXPROCS(0)*4)+1)
	results := make([]yamlscan.Result, (len(entries)+chunk-1)/chunk)
	parallel.Chunked(len(entries), chunk, func() func(c, from, to int) {
		s := newScanner()
		return func(c, from, to int) {
			r := newReader(name, 0)
			r.uncapped = true // addTopics caps them, in order
			results[c] = yamlscan.Scanned
			for i := from; i < to; i++ {
				e := entries[i]
				k, v, res := s.Entry(data[e.Start:e.End], e.Line, e.Indent)
				if res != yamlscan.Scanned {
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
		if res != yamlscan.Scanned {
			return nil, res
		}
	}
	return out, yamlscan.Scanned
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
