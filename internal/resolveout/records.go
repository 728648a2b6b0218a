package resolveout

import (
	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/parallel"
)

// recordBatch is how many values are encoded at a time: enough for every
// core to have work, few enough that a month's 290 MB document is never
// held whole.
const recordBatch = 2048

// recordsPerChunk is how many of a batch one worker takes at a time.
const recordsPerChunk = 256

// eachRecord encodes each value as a record (indented with prefix, when
// indent is set) and hands write its index and bytes, in order. Records
// are independent, so a batch of them is encoded on every core, each
// chunk into a buffer of its own, before the batch is written; the bytes
// are the same as encoding them one by one.
func eachRecord(l *claims.Ledger, values []resolve.Value, indent bool, prefix string, write func(i int, b []byte)) {
	type chunk struct {
		b    []byte
		ends []int
	}
	chunks := make([]chunk, (recordBatch+recordsPerChunk-1)/recordsPerChunk)
	for from := 0; from < len(values); from += recordBatch {
		batch := values[from:min(from+recordBatch, len(values))]
		parallel.Chunked(len(batch), recordsPerChunk, func() func(c, lo, hi int) {
			jw := &jsonWriter{indent: indent, prefix: prefix}
			return func(c, lo, hi int) {
				jw.b, chunks[c].ends = chunks[c].b[:0], chunks[c].ends[:0]
				for i := lo; i < hi; i++ {
					rec := NewRecord(l, &batch[i])
					jw.record(&rec)
					chunks[c].ends = append(chunks[c].ends, len(jw.b))
				}
				chunks[c].b = jw.b
			}
		})
		i := from
		for c := range (len(batch) + recordsPerChunk - 1) / recordsPerChunk {
			start := 0
			for _, end := range chunks[c].ends {
				write(i, chunks[c].b[start:end])
				start = end
				i++
			}
		}
	}
}
