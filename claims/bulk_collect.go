package claims

import (
	"slices"
)

// Reading a bulk file runs on two goroutines, so that a million claims
// load on two cores: the caller's reads, parses and checks rows (all of
// the file's problems are found there, in order), and a second one
// appends the claims to the ledger, where writing a third of a gigabyte
// of fresh memory costs as much again. Claims cross in batches, in file
// order, so the ledger comes out exactly as one goroutine would make it.

// pending is a claim read and checked, waiting to be added.
type pending struct {
	c  Claim
	pl claimPlaces
}

type bulkBatch struct {
	items []pending
	// read is how many bytes of the file were read when the batch was
	// sent, to estimate how many claims are still to come.
	read int64
}

const batchSize = 1024

// emit queues a checked claim for collect.
func (bf *bulkFile) emit(c Claim, pl claimPlaces) {
	bt := bf.cur
	bt.items = append(bt.items, pending{c: c, pl: pl})
	if len(bt.items) == batchSize {
		bf.send()
	}
}

// maxBatches bounds the batches in flight. The reader waits for one to
// come back rather than make more, so a fast reader does not fill memory
// with batches the collector has yet to reach.
const maxBatches = 8

// send hands the current batch to collect and starts a new one.
func (bf *bulkFile) send() {
	bf.cur.read = bf.lr.read
	select {
	case bf.full <- bf.cur:
	case <-bf.collected:
		// collect has stopped, on a panic that wait reports; the rows
		// read from now on are dropped.
	}
	if bf.batches < maxBatches {
		select {
		case bf.cur = <-bf.free:
		default:
			bf.cur = &bulkBatch{items: make([]pending, 0, batchSize)}
			bf.batches++
		}
		return
	}
	select {
	case bf.cur = <-bf.free:
	case <-bf.collected:
		bf.cur.items = bf.cur.items[:0]
	}
}

// startCollect starts the goroutine that adds claims to the ledger, and
// returns the function that sends the last batch and waits for it to
// finish. A panic there comes back to the caller, where claimdiff's
// recovery reports it.
func (bf *bulkFile) startCollect() (wait func()) {
	bf.cur, bf.batches = &bulkBatch{items: make([]pending, 0, batchSize)}, 1
	bf.full, bf.free = make(chan *bulkBatch, maxBatches), make(chan *bulkBatch, maxBatches)
	bf.collected = make(chan struct{})
	done := background(func() {
		defer close(bf.collected)
		bf.collect()
	})
	return func() {
		if len(bf.cur.items) > 0 {
			bf.send()
		}
		close(bf.full)
		done()
	}
}

// collect appends the claims, batch by batch, to the ledger. It alone
// touches the ledger's claims while the file is read.
func (bf *bulkFile) collect() {
	b, rows := bf.b, 0
	for bt := range bf.full {
		if rows < estimateAfter && rows+len(bt.items) >= estimateAfter {
			bf.reserve(rows+len(bt.items), bt.read)
		}
		rows += len(bt.items)
		for i := range bt.items {
			b.l.Claims = append(b.l.Claims, bt.items[i].c)
			b.places = append(b.places, bt.items[i].pl)
		}
		clear(bt.items) // drop the strings, which the ledger now holds
		bt.items = bt.items[:0]
		bf.free <- bt // never blocks: free holds every batch there is
	}
}

// estimateAfter is how many claims are read before the rest are estimated
// from their average length.
const estimateAfter = 4096

// reserve makes room for the claims the rest of the file probably holds,
// from the rows read in the first read bytes: growing a list of a million
// claims by doubling would copy it over and over and, at its peak, hold it
// one and a half times.
func (bf *bulkFile) reserve(rows int, read int64) {
	if bf.size <= 0 || read <= 0 {
		return
	}
	more := int(float64(bf.size-read) / float64(read) * float64(rows) * 1.02)
	if more <= 0 || more > int(MaxFileBytes/8) {
		return
	}
	bf.b.l.Claims = slices.Grow(bf.b.l.Claims, more)
	bf.b.places = slices.Grow(bf.b.places, more)
	preferHugePages(bf.b.l.Claims)
	preferHugePages(bf.b.places)
}
