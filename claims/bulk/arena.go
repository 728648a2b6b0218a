package bulk

import "unsafe"

// textArena makes strings by copying their bytes into large shared blocks.
// A bulk file of a million claims would otherwise make a million small
// allocations, each rounded up to its size class, and in a fresh process
// the allocator's work to set up the memory for them costs as much as
// reading the rows.
//
// Every string it makes stays valid and unchanged: bytes are only ever
// appended to a block, never written over, and a block lives as long as
// any string made from it. Claims live as long as their ledger, so a
// block held by one claim wastes nothing that would have been freed.
type textArena struct{ block []byte }

const (
	arenaBlock = 64 << 10
	// A long text gets its own allocation, so a few huge quotes do not
	// leave most of a block unused.
	arenaMax = arenaBlock / 16
)

func (a *textArena) string(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > arenaMax {
		return string(b)
	}
	if cap(a.block)-len(a.block) < len(b) {
		// Blocks start small and double, so a file of three claims does
		// not take a whole block.
		a.block = make([]byte, 0, max(min(2*cap(a.block), arenaBlock), 1<<10, len(b)))
	}
	start := len(a.block)
	a.block = append(a.block, b...)
	return unsafe.String(&a.block[start], len(b))
}
