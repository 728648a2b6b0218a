// Package parquetread is claimdiff's own Parquet reader, for the columns
// a claim file holds (text, numbers, dates, timestamps, booleans, a list,
// a map, a struct), in every encoding and compression Parquet writers
// use. It reads a file with random access, one row group's leaf columns
// at a time, into text.
//
// It is kept over parquet-go's reader because nothing a file says is
// trusted before it is checked against the bytes that back it, and what
// a file expands to in memory is capped by a Budget: parquet-go v0.32.0's
// OpenFile allocates 789 MiB on the 8-byte file "PAR1PAR1"
// (TestHostileFilesAllocateLittle holds this reader to its bound).
package parquetread

import (
	"errors"
	"fmt"
	"io"
	"sync/atomic"
)

// Error is a Parquet file that is not what it says: reading it ends, and
// Line is the row (from 1) it was met at, or 0 for the whole file. Err,
// when set, is what was found wrong (a codec's error, say).
type Error struct {
	Line int
	Msg  string
	Err  error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// ReadError is a failure to read the file, not a fault of the file.
type ReadError struct{ Err error }

func (e *ReadError) Error() string { return e.Err.Error() }
func (e *ReadError) Unwrap() error { return e.Err }

// AsError makes err a problem of the file at line, unless it is one
// already or a failure to read, which it returns as it is.
func AsError(err error, line int) error {
	var bad *Error
	var failed *ReadError
	if errors.As(err, &bad) || errors.As(err, &failed) {
		return err
	}
	return &Error{Line: line, Msg: err.Error(), Err: err}
}

// ErrBudget stops reading a file that has expanded past its budget.
var ErrBudget = errors.New("over budget")

// Budget caps what files expand to: their levels, values and whatever a
// caller charges for what it makes of them. A compressed column of one
// value repeated takes a few bytes for a million rows, so a small
// hostile file could otherwise fill memory. It is safe for concurrent
// use, so one budget may serve several files read at once.
type Budget struct{ left, limit atomic.Int64 }

// NewBudget returns a budget of n bytes.
func NewBudget(n int64) *Budget {
	b := &Budget{}
	b.left.Store(n)
	b.limit.Store(n)
	return b
}

// Take charges n bytes, and says whether the budget still holds.
func (b *Budget) Take(n int64) bool { return b.left.Add(-n) >= 0 }

// Grant adds n bytes to the budget.
func (b *Budget) Grant(n int64) {
	b.left.Add(n)
	b.limit.Add(n)
}

// Limit is what the budget has been given in all.
func (b *Budget) Limit() int64 { return b.limit.Load() }

// File is a Parquet file whose footer and schema are read and checked.
type File struct {
	// Root is the schema tree; its children are the top-level columns.
	Root     *Node
	ra       *reader
	meta     *pqMeta
	leaves   []*Node
	end      int64 // where the column data ends: the footer's start
	maxValue int
}

// Open reads the footer of the Parquet file of size bytes that ra holds.
// A value longer than maxValue bytes is not kept (Span.TooLong). A file
// that is not Parquet, or whose footer does not hold, is an *Error; a
// failure to read is a *ReadError.
func Open(ra io.ReaderAt, size int64, maxValue int) (*File, error) {
	r := &reader{ra: ra, size: size}
	meta, end, err := readFooter(r, size)
	if err != nil {
		return nil, AsError(err, 0)
	}
	if meta.encrypted {
		return nil, &Error{Msg: "the file is encrypted; claimdiff reads only plain Parquet files"}
	}
	root, leaves, err := buildSchema(meta.schema)
	if err != nil {
		return nil, AsError(err, 0)
	}
	return &File{Root: root, ra: r, meta: meta, leaves: leaves, end: end, maxValue: maxValue}, nil
}

// FooterBytes is how many bytes the footer and the magic after it take.
func (f *File) FooterBytes() int64 { return f.ra.size - f.end }

// reader is the file being read. Reads past its end, which its own
// metadata led to, say the file is cut short; any other failure is one of
// reading, not of the file.
type reader struct {
	ra   io.ReaderAt
	size int64
}

func (f *reader) ReadAt(b []byte, off int64) (int, error) {
	if off < 0 || off > f.size || int64(len(b)) > f.size-off {
		return 0, &Error{Msg: "the file is cut short: its metadata points past its end"}
	}
	n, err := f.ra.ReadAt(b, off)
	if n == len(b) {
		return n, nil
	}
	if errors.Is(err, io.EOF) {
		return n, &Error{Msg: "the file is cut short: its metadata points past its end"}
	}
	return n, &ReadError{err}
}

// RowGroup is one row group of the file, checked for the leaves to read.
type RowGroup struct {
	// FirstRow is how many rows come before it in the file, Rows how many
	// it holds.
	FirstRow, Rows int
	chunks         []pqChunk
}

// RowGroups lists the file's row groups, holding each one's chunks of
// the leaves need to the file: present, within the column data, of
// their column's type.
func (f *File) RowGroups(need []*Leaf) ([]*RowGroup, error) {
	var groups []*RowGroup
	first := 0
	for i := range f.meta.rowGroups {
		g := &f.meta.rowGroups[i]
		bad := func(format string, args ...any) error {
			return &Error{Line: first + 1, Msg: fmt.Sprintf("row group %d: ", i+1) + fmt.Sprintf(format, args...)}
		}
		switch {
		case g.numRows < 0 || g.numRows > 1<<31-1:
			return nil, bad("it says it holds %d rows", g.numRows)
		case len(g.columns) != len(f.leaves):
			return nil, bad("it has %d columns where the schema has %d", len(g.columns), len(f.leaves))
		}
		for _, l := range need {
			c := &g.columns[l.index]
			start := c.dataPage
			if c.dictPage > 0 && c.dictPage < start {
				start = c.dictPage
			}
			switch {
			case c.external:
				return nil, bad("column %q lies in another file", l.path)
			case c.encrypted:
				return nil, bad("column %q is encrypted", l.path)
			case !c.hasMeta:
				return nil, bad("column %q has no metadata", l.path)
			case int(c.typ) != l.typ:
				return nil, bad("column %q's chunk is not of its column's type", l.path)
			case start < 4 || c.totalCompressed < 0 || c.totalCompressed > f.end-start:
				return nil, bad("column %q's chunk lies outside the file's column data", l.path)
			}
		}
		groups = append(groups, &RowGroup{FirstRow: first, Rows: int(g.numRows), chunks: g.columns})
		if first += int(g.numRows); first < 0 || int64(first) > 1<<62 {
			return nil, bad("the file says it holds more rows than can be")
		}
	}
	return groups, nil
}
