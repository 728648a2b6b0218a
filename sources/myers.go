package sources

import (
	"math/bits"
	"sync"
)

// alignSmallCells is the size, the quote's length times the text's, under
// which the cell-by-cell alignment costs less than setting up the
// bit-parallel one (its symbol table and its second pass): 1 by 5
// symbols took 33 ns cell by cell and 92 ns in bits, 2 by 10 325 and 170.
const alignSmallCells = 16

// align finds the stretch of t closest to q in edit distance (q must
// match whole, t may be entered and left anywhere: semi-global alignment)
// and returns it as t[start:end] with its distance, exactly as alignDP
// does, ties included.
//
// It counts 64 rows of the table in one machine word (Myers 1999, in
// Hyyrö's form, in blocks as edlib does), so a quote of m symbols costs
// ⌈m/64⌉ words a column rather than m cells. The first pass over all of
// t gives each column's last-row distance, and so the end and the
// distance. The path's entry into t needs the table itself: a path of
// cost dist to the end enters t no further back than m+dist, so a
// second pass over that window alone keeps each column's differences,
// and the path is traced back from the end with alignDP's tie-break.
// Within the window each cell of alignDP's path keeps its value (its own
// path lies inside), any other cell's can only grow, and a choice made
// by a strict comparison survives a neighbour growing: the window traces
// the same path to the same entry.
func align(q, t []int32) (start, end, dist int) {
	if len(q) == 0 || len(t) == 0 || len(q)*len(t) < alignSmallCells {
		return alignDP(q, t)
	}
	return alignBits(q, t)
}

// alignBits is align for a quote and a text that are not empty.
func alignBits(q, t []int32) (start, end, dist int) {
	m := len(q)
	words := (m + 63) / 64
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.masks(q, t, words)
	end, dist = sc.lastRow(m, words)
	w0 := entryBound(m, end, dist)
	if 4*words*(end-w0) > maxWindowWords {
		return windowEntry(q, t, end, dist), end, dist
	}
	steps := sc.window(w0, end, words)
	return w0 + traceBack(q, t[w0:end], steps, dist, words), end, dist
}

// maxWindowWords caps the differences kept for tracing a path back, 16
// MiB; the callers' own caps keep them under 2 MiB.
const maxWindowWords = 1 << 21

// entryBound is the first column where a path of cost dist to column end
// of a quote of m symbols may enter t: it takes end-start symbols of t
// and m of q, and each one beyond m costs 1.
func entryBound(m, end, dist int) int {
	return max(0, end-m-dist)
}

// windowEntry is where alignDP's path to the last row at column end, at
// distance dist, enters t, found by alignDP's table over the window from
// entryBound to end alone, in time m·(m+dist) and space m+dist.
func windowEntry(q, t []int32, end, dist int) int {
	w0 := entryBound(len(q), end, dist)
	_, from := lastRowDP(q, t[w0:end])
	return w0 + int(from[end-w0])
}

// scratch is what one alignment works in, kept from one to the next:
// most alignments are short, and allocating and clearing their tables
// cost as much as running them.
type scratch struct {
	// eq holds a row of words for each distinct symbol of the quote,
	// numbered from 1, with a bit set for each place it has in q; row 0,
	// all clear, stands for every symbol q lacks. col holds the row of
	// each symbol of t.
	eq  []uint64
	col []int32
	// keys and rows are masks's table.
	keys, rows []int32
	// pv and mv are the vertical differences of the column reached;
	// steps keeps the window's (see window).
	pv, mv, steps []uint64
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// resize returns s with length n, reusing its array when it can; what it
// holds is left as it was.
func resize[E any](s []E, n int) []E {
	if cap(s) < n {
		return make([]E, n, n+n/4)
	}
	return s[:n]
}

// masks fills sc.eq and sc.col for letters or word ids, the symbols align
// is called with. Its open-addressing table costs a few nanoseconds a
// look-up, where a map took most of the time of a short alignment.
func (sc *scratch) masks(q, t []int32, words int) {
	size := 16
	for size < 2*len(q) {
		size *= 2
	}
	keys, rows := resize(sc.keys, size), resize(sc.rows, size) // row 0: empty
	clear(rows)
	sc.keys, sc.rows = keys, rows
	mask := uint32(size - 1)
	shift := 32 - uint32(bits.TrailingZeros(uint(size)))
	slot := func(c int32) uint32 {
		h := (uint32(c) * 0x9e3779b1) >> shift
		for rows[h] != 0 && keys[h] != c {
			h = (h + 1) & mask
		}
		return h
	}
	eq := resize(sc.eq, words)
	clear(eq)
	for i, c := range q {
		h := slot(c)
		if rows[h] == 0 {
			keys[h], rows[h] = c, int32(len(eq)/words)
			eq = append(eq, make([]uint64, words)...)
		}
		eq[int(rows[h])*words+i/64] |= 1 << (i % 64)
	}
	col := resize(sc.col, len(t))
	for j, c := range t {
		col[j] = rows[slot(c)]
	}
	sc.eq, sc.col = eq, col
}

// start sets pv and mv to the table's left edge, where each row is one
// more than the row below.
func (sc *scratch) start(words int) {
	sc.pv, sc.mv = resize(sc.pv, words), resize(sc.mv, words)
	for b := range words {
		sc.pv[b], sc.mv[b] = ^uint64(0), 0
	}
}

// column advances the blocks of 64 rows, pv and mv, by one column whose
// symbol is at the rows marked in e. Bit r of pv (mv) says that row r+1
// of the block is one more (less) than row r. The horizontal difference
// carried up from block to block, hp or hm, starts clear: the first row
// is all zeros, as t may be entered anywhere. Each block's horizontal
// differences (bit r for row r+1) go to keep, if it is not nil, after
// the block's new vertical ones; ph and mh are the last block's.
func column(pv, mv, e, keep []uint64) (ph, mh uint64) {
	e = e[:len(pv)]
	mv = mv[:len(pv)]
	var hp, hm uint64
	for b, p := range pv {
		m, x := mv[b], e[b]
		xv := x | m
		x |= hm
		xh := (((x & p) + p) ^ p) | x
		ph = m | ^(xh | p)
		mh = p & xh
		php, mhp := ph<<1|hp, mh<<1|hm
		hp, hm = ph>>63, mh>>63
		p, m = mhp|^(xv|php), php&xv
		pv[b], mv[b] = p, m
		if keep != nil {
			keep[4*b], keep[4*b+1], keep[4*b+2], keep[4*b+3] = p, m, ph, mh
		}
	}
	return ph, mh
}

// lastRow runs down t's columns and returns the first column with the
// least distance in the quote's last row, m, and that distance. Rows
// past m in the last block hold no symbol; they only ever affect rows
// above them, so the last row's difference is read at its own bit rather
// than at the block's top.
func (sc *scratch) lastRow(m, words int) (end, dist int) {
	top := uint64(1) << ((m - 1) % 64)
	score := m
	end, dist = 0, m
	eq := sc.eq
	if words == 1 {
		pv, mv := ^uint64(0), uint64(0)
		for j, k := range sc.col {
			e := eq[k]
			xv := e | mv
			xh := (((e & pv) + pv) ^ pv) | e
			ph := mv | ^(xh | pv)
			mh := pv & xh
			if ph&top != 0 {
				score++
			} else if mh&top != 0 {
				score--
			}
			ph, mh = ph<<1, mh<<1
			pv, mv = mh|^(xv|ph), ph&xv
			if score < dist {
				end, dist = j+1, score
			}
		}
		return end, dist
	}
	sc.start(words)
	for j, k := range sc.col {
		ph, mh := column(sc.pv, sc.mv, eq[int(k)*words:], nil)
		if ph&top != 0 {
			score++
		} else if mh&top != 0 {
			score--
		}
		if score < dist {
			end, dist = j+1, score
		}
	}
	return end, dist
}

// window runs t's columns [w0, end) from the window's own left edge and
// keeps, for each column and block, the vertical differences after the
// column and the horizontal ones in it: four words, in that order.
func (sc *scratch) window(w0, end, words int) []uint64 {
	size := 4 * words
	sc.steps = resize(sc.steps, size*(end-w0))
	sc.start(words)
	for j, k := range sc.col[w0:end] {
		column(sc.pv, sc.mv, sc.eq[int(k)*words:], sc.steps[size*j:size*(j+1)])
	}
	return sc.steps
}

// traceBack follows, from the last row's cell at the window's end (whose
// distance is dist), the predecessors alignDP would choose, and returns
// the column in the window where that path enters it. The cells' values
// come from the kept differences: the cell above is this one less the
// vertical difference, the one to the left this one less the horizontal,
// and the diagonal the one above less the horizontal difference there.
func traceBack(q, w []int32, steps []uint64, dist, words int) int {
	// diff reads the difference at row i (from 1) in one of a column's
	// four kept words.
	diff := func(i, j, which int) int {
		at := ((j-1)*words+(i-1)/64)*4 + which
		r := uint(i-1) % 64
		return int(steps[at]>>r&1) - int(steps[at+1]>>r&1)
	}
	i, j, cur := len(q), len(w), dist
	for i > 0 && j > 0 {
		up := cur - diff(i, j, 0)
		left := cur - diff(i, j, 2)
		diag := up
		if i > 1 {
			diag -= diff(i-1, j, 2)
		}
		d := diag
		if q[i-1] != w[j-1] {
			d++
		}
		switch {
		case left+1 < min(d, up+1):
			j, cur = j-1, left
		case up+1 < d:
			i, cur = i-1, up
		default:
			i, j, cur = i-1, j-1, diag
		}
	}
	if i > 0 {
		return 0 // the path runs down the window's left edge from its top
	}
	return j
}
