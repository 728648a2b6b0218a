// Package parallel runs work on every core while keeping a panic on any
// goroutine a panic of the caller, so claimdiff's recovery reports it as
// a message rather than the process crashing.
package parallel

import "runtime"

// Background runs f on a goroutine of its own. wait waits for it to end
// and raises any panic of f again on the caller's goroutine: loading runs
// on every core, and a bug met on one of them must still reach
// claimdiff's recovery as a message rather than crash the process.
func Background(f func()) (wait func()) {
	done := make(chan struct{})
	var crashed any
	go func() {
		defer close(done)
		defer func() { crashed = recover() }()
		f()
	}()
	return func() {
		<-done
		if crashed != nil {
			panic(crashed)
		}
	}
}

// Chunked splits [0, n) into chunks of size and hands them out to one
// worker per core as each is free. newWorker makes each worker, so that a
// worker can keep scratch state of its own; it is called with a chunk's
// number and bounds. chunked returns when all are done, raising a panic
// of any again like background.
func Chunked(n, size int, newWorker func() func(c, from, to int)) {
	chunks := (n + size - 1) / size
	next := make(chan int, chunks)
	for c := range chunks {
		next <- c
	}
	close(next)
	waits := make([]func(), min(runtime.GOMAXPROCS(0), chunks))
	for i := range waits {
		waits[i] = Background(func() {
			work := newWorker()
			for c := range next {
				work(c, c*size, min((c+1)*size, n))
			}
		})
	}
	for _, wait := range waits {
		defer wait() // every worker ends before a panic unwinds further
	}
}
