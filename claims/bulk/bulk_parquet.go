package bulk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync/atomic"
	"unsafe"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/parallel"
)

// Parquet claim files are read with random access: the footer at the end
// says where each row group's columns lie, and every core reads row groups
// of its own, whose claims are taken back in file order, as blocks of a
// CSV file are. The reader is claimdiff's own, for the columns a claim
// file holds (text, numbers, dates, timestamps, booleans, a list, a map),
// in every encoding and compression Parquet writers use: nothing a file
// says is trusted before it is checked against the bytes that back it,
// and what the file expands to in memory is capped (see pqBudget).
//
// A Parquet file's positions are rows and columns: claims.parquet:12:3
// is the 12th row's third column, counted from 1.

// maxParquetInMemory caps a Parquet file read from a stream that cannot
// seek (a pipe), which must be read into memory whole, when
// Options.MaxFileBytes does not.
const maxParquetInMemory = 1 << 30

// pqBudget caps what a Parquet file expands to: its levels, values and
// claims. A compressed column of one value repeated takes a few bytes
// for a million rows, so a small hostile file could otherwise fill
// memory; the cap is far beyond what a real file of that size needs.
type pqBudget struct {
	left, limit atomic.Int64
	// shared says the budget is a load's, for all its files (Budget).
	shared bool
}

// budgetFor is a file's budget: 64 times its size and 1 GiB.
func budgetFor(size int64) int64 { return 1<<30 + 64*size }

func newBudget(n int64) *pqBudget {
	b := &pqBudget{}
	b.left.Store(n)
	b.limit.Store(n)
	return b
}

func (b *pqBudget) take(n int64) bool { return b.left.Add(-n) >= 0 }

// grant adds n to the budget.
func (b *pqBudget) grant(n int64) {
	b.left.Add(n)
	b.limit.Add(n)
}

// overBudget says what passed the budget.
func (b *pqBudget) overBudget() string {
	limit := diag.ByteSize(b.limit.Load() >> 20 << 20)
	if b.shared {
		return fmt.Sprintf("the Parquet files of the ledger expand to more than %s in memory together (64 times their size and 1 GiB)", limit)
	}
	return fmt.Sprintf("the file expands to more than %s in memory (64 times its size and 1 GiB)", limit)
}

// Budget is one budget for all the Parquet files of a load: 1 GiB, and 64
// times each file's size. A budget per file let a directory of K tiny
// files expand to K GiB (three 400-byte files gave 4.5 million claims).
// It is safe for concurrent use.
type Budget struct{ pq *pqBudget }

// NewBudget returns a load's budget, before any file is read.
func NewBudget() *Budget {
	b := newBudget(1 << 30)
	b.shared = true
	return &Budget{pq: b}
}

// readParquet reads a Parquet file from r, which it reads with random
// access if it can, and else whole into memory.
func readParquet(name string, r io.Reader, size int64, into Sink, opts Options) ([]diag.Problem, error) {
	bf := newBulkFile(name, nil, 0)
	bf.sink, bf.maxRows, bf.first = into, opts.MaxRows, len(*into.Claims)
	file := diag.Pos{File: name}
	ra, ok := r.(io.ReaderAt)
	if !ok || size <= 0 {
		limit := opts.MaxFileBytes
		if limit <= 0 {
			limit = maxParquetInMemory
		}
		data, err := io.ReadAll(io.LimitReader(r, limit+1))
		if err != nil {
			return nil, err
		}
		if int64(len(data)) > limit {
			bf.problem(diag.TooLarge(file, limit))
			return bf.r.Problems, nil
		}
		ra, size = bytes.NewReader(data), int64(len(data))
	} else if opts.MaxFileBytes > 0 && size > opts.MaxFileBytes {
		bf.problem(diag.TooLarge(file, opts.MaxFileBytes))
		return bf.r.Problems, nil
	}
	if size == 0 {
		bf.problem(diag.Errorf(file, "empty", "the file is empty; a Parquet claim file starts and ends with PAR1"))
		return bf.r.Problems, nil
	}
	var budget *pqBudget
	switch {
	case opts.parquetBudget > 0:
		budget = newBudget(opts.parquetBudget)
	case opts.Budget != nil:
		budget = opts.Budget.pq
		budget.grant(64 * size)
	default:
		budget = newBudget(budgetFor(size))
	}
	err := bf.readParquet(&pqFile{ra: ra, size: size}, budget, opts.Progress)
	var bad *pqError
	var failed *pqReadError
	switch {
	case errors.As(err, &failed):
		return bf.r.Problems, failed.err
	case errors.As(err, &bad):
		bf.problem(diag.Errorf(diag.Pos{File: name, Line: bad.line}, "parquet", "%s", bad.msg))
		err = nil
	}
	return bf.r.Problems, err
}

// pqError is a Parquet file that is not what it says: it ends reading,
// and is reported as a problem at line (a row), or the whole file.
type pqError struct {
	line int
	msg  string
}

func (e *pqError) Error() string { return e.msg }

// pqFile is the file being read. Reads past its end, which its own
// metadata led to, say the file is cut short; any other failure is one of
// reading, not of the file.
type pqFile struct {
	ra   io.ReaderAt
	size int64
}

func (f *pqFile) ReadAt(b []byte, off int64) (int, error) {
	if off < 0 || off > f.size || int64(len(b)) > f.size-off {
		return 0, &pqError{msg: "the file is cut short: its metadata points past its end"}
	}
	n, err := f.ra.ReadAt(b, off)
	if n == len(b) {
		return n, nil
	}
	if errors.Is(err, io.EOF) {
		return n, &pqError{msg: "the file is cut short: its metadata points past its end"}
	}
	return n, &pqReadError{err}
}

// pqReadError is a failure to read the file, which Read returns rather
// than reports as a problem of the file.
type pqReadError struct{ err error }

func (e *pqReadError) Error() string { return e.err.Error() }
func (e *pqReadError) Unwrap() error { return e.err }

// pqGroup is one row group to read and, once read, its claims.
type pqGroup struct {
	index    int
	firstRow int // rows before it in the file
	rows     int
	chunks   []pqChunk
	slot     int // its first slot in the ledger's list, or -1
	claims   []claims.Claim
	places   []claims.Places
	problems []diag.Problem
	err      error
	crash    any
	done     chan struct{}
}

func (bf *bulkFile) readParquet(f *pqFile, budget *pqBudget, progress func(int64)) error {
	meta, end, err := readFooter(f, f.size)
	if err != nil {
		return asPqError(err, 0)
	}
	if progress != nil {
		progress(f.size - end)
	}
	if meta.encrypted {
		return &pqError{msg: "the file is encrypted; claimdiff reads only plain Parquet files"}
	}
	root, leaves, err := buildSchema(meta.schema)
	if err != nil {
		return asPqError(err, 0)
	}
	fields := bf.mapFields(root)
	if fields == nil {
		return nil
	}
	var need []*pqLeaf
	for _, pf := range fields {
		need = append(need, pf.leaves()...)
	}
	groups, err := checkGroups(meta.rowGroups, leaves, need, end)
	if err != nil {
		return err
	}
	bf.reserveParquet(groups, f.size)
	return bf.readGroups(f, groups, fields, need, budget, progress)
}

// asPqError makes err a problem of the file at line, unless it is one
// already or a failure to read.
func asPqError(err error, line int) error {
	var bad *pqError
	var failed *pqReadError
	if errors.As(err, &bad) || errors.As(err, &failed) {
		return err
	}
	return &pqError{line: line, msg: err.Error()}
}

// checkGroups holds each row group's chunks of the columns read to the
// file: present, within the column data, of their column's type.
func checkGroups(rgs []pqRowGroup, leaves []*pqNode, need []*pqLeaf, end int64) ([]*pqGroup, error) {
	var groups []*pqGroup
	first := 0
	for i := range rgs {
		g := &rgs[i]
		bad := func(format string, args ...any) error {
			return &pqError{line: first + 1, msg: fmt.Sprintf("row group %d: ", i+1) + fmt.Sprintf(format, args...)}
		}
		switch {
		case g.numRows < 0 || g.numRows > 1<<31-1:
			return nil, bad("it says it holds %d rows", g.numRows)
		case len(g.columns) != len(leaves):
			return nil, bad("it has %d columns where the schema has %d", len(g.columns), len(leaves))
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
			case start < 4 || c.totalCompressed < 0 || c.totalCompressed > end-start:
				return nil, bad("column %q's chunk lies outside the file's column data", l.path)
			}
		}
		groups = append(groups, &pqGroup{index: i, firstRow: first, rows: int(g.numRows), chunks: g.columns, slot: -1})
		if first += int(g.numRows); first < 0 || int64(first) > 1<<62 {
			return nil, bad("the file says it holds more rows than can be")
		}
	}
	return groups, nil
}

// reserveParquet grows the ledger's lists to hold the file's rows, as far
// as its size makes them likely (a claim takes more than a byte of any
// real file), and gives each row group its slots while they last.
func (bf *bulkFile) reserveParquet(groups []*pqGroup, size int64) {
	want := 0
	for _, g := range groups {
		want += g.rows
	}
	if bf.maxRows > 0 {
		want = min(want, bf.maxRows+1)
	}
	want = int(min(int64(want), size))
	cs, places := bf.sink.Claims, bf.sink.Places
	*cs = slices.Grow(*cs, want)
	*places = slices.Grow(*places, want)
	PreferHugePages(*cs)
	PreferHugePages(*places)
	slot, slots := len(*cs), min(cap(*cs), cap(*places))
	for _, g := range groups {
		if slot+g.rows > slots {
			break
		}
		g.slot = slot
		slot += g.rows
	}
}

// readGroups reads the row groups on every core and adds their claims to
// the ledger in file order.
func (bf *bulkFile) readGroups(f *pqFile, groups []*pqGroup, fields []pqField, need []*pqLeaf, budget *pqBudget, progress func(int64)) error {
	cs, places := bf.sink.Claims, bf.sink.Places
	slots := (*cs)[:min(cap(*cs), cap(*places))]
	slotPlaces := (*places)[:len(slots)]
	inFlight := maxBlocksInFlight()
	work, order := make(chan *pqGroup, inFlight), make(chan *pqGroup, inFlight)
	quit := make(chan struct{})
	feeding := parallel.Background(func() {
		defer close(order)
		defer close(work)
		for _, g := range groups {
			g.done = make(chan struct{})
			if g.slot >= 0 {
				g.claims, g.places = slots[g.slot:g.slot:g.slot+g.rows], slotPlaces[g.slot:g.slot:g.slot+g.rows]
			}
			select {
			case work <- g:
			case <-quit:
				return
			}
			select {
			case order <- g:
			case <-quit:
				return
			}
		}
	})
	workers := make([]func(), min(runtime.GOMAXPROCS(0), max(len(groups), 1)))
	for i := range workers {
		workers[i] = parallel.Background(func() { bf.groupWorker(f, fields, need, budget, progress, work, quit) })
	}
	stopped := false
	shutdown := func() {
		if !stopped {
			stopped = true
			close(quit)
		}
		for range order {
		}
		feeding()
		for _, wait := range workers {
			wait()
		}
	}
	defer func() {
		shutdown()
		// Slots past the last claim may hold claims of groups read but
		// not taken, or moved down; drop them.
		end := len(*cs)
		for _, g := range groups {
			if g.slot >= 0 {
				end = g.slot + g.rows
			}
		}
		if unsafe.SliceData(*cs) == unsafe.SliceData(slots) && len(*cs) < end {
			clear(slots[len(*cs):end])
			clear(slotPlaces[len(*cs):end])
		}
	}()
	for g := range order {
		<-g.done
		if g.crash != nil {
			shutdown()
			panic(g.crash)
		}
		for _, p := range g.problems {
			bf.r.Add(p)
		}
		if g.err != nil {
			if errors.Is(g.err, errPqBudget) {
				bf.problem(diag.Errorf(diag.Pos{File: bf.name, Line: g.firstRow + 1}, "too-large",
					"%s; the rest is not read", budget.overBudget()))
				return nil
			}
			return asPqError(g.err, g.firstRow+1)
		}
		bf.place(g.slot, g.claims, g.places, slots, slotPlaces)
		if n := len(*cs) - bf.first; bf.maxRows > 0 && n > bf.maxRows {
			end := bf.first + bf.maxRows
			bf.tooManyRows((*cs)[end].Pos.Line)
			clear((*cs)[end:])
			clear((*places)[end:])
			*cs, *places = (*cs)[:end], (*places)[:end]
			return nil
		}
	}
	return nil
}

// groupWorker reads row groups until there are none, with a decoder and
// a row of its own.
func (bf *bulkFile) groupWorker(f *pqFile, fields []pqField, need []*pqLeaf, budget *pqBudget, progress func(int64), work <-chan *pqGroup, quit <-chan struct{}) {
	w := newBulkFile(bf.name, nil, 0)
	d := &pqDecoder{ra: f, budget: budget, progress: progress}
	defer d.close()
	// cols holds what was read of each leaf, by its index.
	var cols []*pqColumnData
	for _, l := range need {
		for len(cols) <= l.index {
			cols = append(cols, nil)
		}
		cols[l.index] = &pqColumnData{}
	}
	for g := range work {
		select {
		case <-quit:
			close(g.done)
			continue
		default:
		}
		w.readGroup(d, g, fields, need, cols)
	}
}

func (w *bulkFile) readGroup(d *pqDecoder, g *pqGroup, fields []pqField, need []*pqLeaf, cols []*pqColumnData) {
	defer close(g.done)
	defer func() {
		if p := recover(); p != nil {
			g.crash = p
		}
	}()
	w.r.Problems = nil
	w.sink = Sink{&g.claims, &g.places}
	if g.slot < 0 {
		g.claims, g.places = make([]claims.Claim, 0, min(g.rows, ParquetRowGroupRows)), make([]claims.Places, 0, min(g.rows, ParquetRowGroupRows))
	}
	for _, l := range need {
		if err := d.readChunk(&g.chunks[l.index], l, g.rows, cols[l.index]); err != nil {
			g.err = err
			return
		}
	}
	g.err = w.parquetRows(d.budget, g, fields, cols)
	g.problems = w.r.Problems
}
