package assert

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// lineIndex maps byte offsets in a file to a line and a column counted in
// characters, as editors and the ledger's own positions count them.
type lineIndex struct {
	name   string
	data   []byte
	starts []int // byte offset where each line starts
	// last is the previous lookup, from which a later offset on the same
	// line is counted, so that many links on one long line stay linear.
	last struct{ off, line, col int }
}

func newLineIndex(name string, data []byte) *lineIndex {
	starts := make([]int, 1, bytes.Count(data, []byte{'\n'})+1)
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{name: name, data: data, starts: starts}
}

func (x *lineIndex) pos(off int) diag.Pos {
	off = min(max(off, 0), len(x.data))
	n := sort.SearchInts(x.starts, off+1) - 1 // last line starting at or before off
	from, col := x.starts[n], 1
	if x.last.line == n+1 && x.last.off <= off {
		from, col = x.last.off, x.last.col
	}
	col += utf8.RuneCount(x.data[from:off])
	x.last.off, x.last.line, x.last.col = off, n+1, col
	return diag.Pos{File: x.name, Line: n + 1, Col: col}
}

// posAt is lineIndex.pos for a single lookup.
func posAt(name string, data []byte, off int) diag.Pos { return diag.PosAt(name, data, off) }
