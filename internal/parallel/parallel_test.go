package parallel

import (
	"slices"
	"sync/atomic"
	"testing"
)

// Every index is visited once, whatever the chunk size.
func TestChunked(t *testing.T) {
	for _, tc := range []struct{ n, size int }{{0, 4}, {1, 4}, {10, 3}, {1000, 7}, {1000, 1000}} {
		seen := make([]atomic.Int32, tc.n)
		Chunked(tc.n, tc.size, func() func(c, from, to int) {
			return func(c, from, to int) {
				if from != c*tc.size || to > tc.n || to-from > tc.size {
					t.Errorf("n=%d size=%d: chunk %d is [%d, %d)", tc.n, tc.size, c, from, to)
				}
				for i := from; i < to; i++ {
					seen[i].Add(1)
				}
			}
		})
		for i := range seen {
			if got := seen[i].Load(); got != 1 {
				t.Errorf("n=%d size=%d: index %d visited %d times", tc.n, tc.size, i, got)
			}
		}
	}
}

// A panic on a worker comes back to the caller, after every worker has
// stopped, so claimdiff's recovery can report it.
func TestChunkedPanic(t *testing.T) {
	var running atomic.Int32
	got := func() (p any) {
		defer func() { p = recover() }()
		Chunked(100, 1, func() func(c, from, to int) {
			return func(c, from, to int) {
				running.Add(1)
				defer running.Add(-1)
				if c == 42 {
					panic("chunk 42")
				}
			}
		})
		return nil
	}()
	if got != "chunk 42" {
		t.Errorf("recovered %v, want the worker's panic", got)
	}
	if n := running.Load(); n != 0 {
		t.Errorf("%d workers still running after chunked returned", n)
	}
	wait := Background(func() { panic(slices.Repeat([]int{1}, 2)) })
	defer func() {
		if p := recover(); p == nil {
			t.Error("background's wait did not raise the panic again")
		}
	}()
	wait()
}
