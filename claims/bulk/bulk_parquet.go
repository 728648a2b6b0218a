package bulk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"unsafe"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/parallel"
	"github.com/claimdiff/claimdiff/internal/parquetread"
)

// Parquet claim files are read with random access: the footer at the end
// says where each row group's columns lie, and every core reads row groups
// of its own, whose claims are taken back in file order, as blocks of a
// CSV file are. The decoder is internal/parquetread; what the file
// expands to in memory is capped by a budget (see budgetFor and Budget).
//
// A Parquet file's positions are rows and columns: claims.parquet:12:3
// is the 12th row's third column, counted from 1.

// maxParquetInMemory caps a Parquet file read from a stream that cannot
// seek (a pipe), which must be read into memory whole, when
// Options.MaxFileBytes does not.
const maxParquetInMemory = 1 << 30

// budgetFor is a file's budget, for what it expands to in memory: 64
// times its size and 1 GiB. The cap is far beyond what a real file of
// that size needs.
func budgetFor(size int64) int64 { return 1<<30 + 64*size }

// Budget is one budget for all the Parquet files of a load: 1 GiB, and 64
// times each file's size. A budget per file let a directory of K tiny
// files expand to K GiB (three 400-byte files gave 4.5 million claims).
// It is safe for concurrent use.
type Budget struct{ pq *parquetread.Budget }

// NewBudget returns a load's budget, before any file is read.
func NewBudget() *Budget { return &Budget{pq: parquetread.NewBudget(1 << 30)} }

// pqBudget is the budget a file is read on, and whether it is a load's.
type pqBudget struct {
	*parquetread.Budget
	shared bool
}

// overBudget says what passed the budget.
func (b pqBudget) overBudget() string {
	limit := diag.ByteSize(b.Limit() >> 20 << 20)
	if b.shared {
		return fmt.Sprintf("the Parquet files of the ledger expand to more than %s in memory together (64 times their size and 1 GiB)", limit)
	}
	return fmt.Sprintf("the file expands to more than %s in memory (64 times its size and 1 GiB)", limit)
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
	var budget pqBudget
	switch {
	case opts.parquetBudget > 0:
		budget.Budget = parquetread.NewBudget(opts.parquetBudget)
	case opts.Budget != nil:
		budget = pqBudget{opts.Budget.pq, true}
		budget.Grant(64 * size)
	default:
		budget.Budget = parquetread.NewBudget(budgetFor(size))
	}
	err := bf.readParquet(ra, size, budget, opts.Progress)
	var bad *parquetread.Error
	var failed *parquetread.ReadError
	switch {
	case errors.As(err, &failed):
		return bf.r.Problems, failed.Err
	case errors.As(err, &bad):
		bf.problem(diag.Errorf(diag.Pos{File: name, Line: bad.Line}, "parquet", "%s", bad.Msg))
		err = nil
	}
	return bf.r.Problems, err
}

// pqGroup is one row group to read and, once read, its claims.
type pqGroup struct {
	*parquetread.RowGroup
	slot     int // its first slot in the ledger's list, or -1
	claims   []claims.Claim
	places   []claims.Places
	problems []diag.Problem
	err      error
	crash    any
	done     chan struct{}
}

// pqRead is what every row group of a file is read with.
type pqRead struct {
	file     *parquetread.File
	fields   []pqField
	need     []*parquetread.Leaf
	budget   pqBudget
	progress func(int64)
}

func (bf *bulkFile) readParquet(ra io.ReaderAt, size int64, budget pqBudget, progress func(int64)) error {
	f, err := parquetread.Open(ra, size, MaxLineBytes)
	if err != nil {
		return err
	}
	if progress != nil {
		progress(f.FooterBytes())
	}
	fields := bf.mapFields(f)
	if fields == nil {
		return nil
	}
	var need []*parquetread.Leaf
	for _, pf := range fields {
		need = append(need, pf.leaves()...)
	}
	rgs, err := f.RowGroups(need)
	if err != nil {
		return err
	}
	groups := make([]*pqGroup, len(rgs))
	for i, g := range rgs {
		groups[i] = &pqGroup{RowGroup: g, slot: -1}
	}
	bf.reserveParquet(groups, size)
	return bf.readGroups(groups, &pqRead{f, fields, need, budget, progress})
}

// reserveParquet grows the ledger's lists to hold the file's rows, as far
// as its size makes them likely (a claim takes more than a byte of any
// real file), and gives each row group its slots while they last.
func (bf *bulkFile) reserveParquet(groups []*pqGroup, size int64) {
	want := 0
	for _, g := range groups {
		want += g.Rows
	}
	if bf.maxRows > 0 {
		want = min(want, bf.maxRows+1)
	}
	want = int(min(int64(want), size))
	cs, places := bf.sink.Claims, bf.sink.Places
	*cs = slices.Grow(*cs, want)
	*places = slices.Grow(*places, want)
	slot, slots := len(*cs), min(cap(*cs), cap(*places))
	for _, g := range groups {
		if slot+g.Rows > slots {
			break
		}
		g.slot = slot
		slot += g.Rows
	}
}

// readGroups reads the row groups on every core and adds their claims to
// the ledger in file order.
func (bf *bulkFile) readGroups(groups []*pqGroup, rd *pqRead) error {
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
				g.claims, g.places = slots[g.slot:g.slot:g.slot+g.Rows], slotPlaces[g.slot:g.slot:g.slot+g.Rows]
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
		workers[i] = parallel.Background(func() { bf.groupWorker(rd, work, quit) })
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
				end = g.slot + g.Rows
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
			if errors.Is(g.err, parquetread.ErrBudget) {
				bf.problem(diag.Errorf(diag.Pos{File: bf.name, Line: g.FirstRow + 1}, "too-large",
					"%s; the rest is not read", rd.budget.overBudget()))
				return nil
			}
			return parquetread.AsError(g.err, g.FirstRow+1)
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
func (bf *bulkFile) groupWorker(rd *pqRead, work <-chan *pqGroup, quit <-chan struct{}) {
	w := newBulkFile(bf.name, nil, 0)
	d := rd.file.NewDecoder(rd.budget.Budget, rd.progress)
	defer d.Close()
	// cols holds what was read of each leaf, by its index.
	var cols []*parquetread.Column
	for _, l := range rd.need {
		for len(cols) <= l.Index() {
			cols = append(cols, nil)
		}
		cols[l.Index()] = &parquetread.Column{}
	}
	for g := range work {
		select {
		case <-quit:
			close(g.done)
			continue
		default:
		}
		w.readGroup(d, g, rd, cols)
	}
}

func (w *bulkFile) readGroup(d *parquetread.Decoder, g *pqGroup, rd *pqRead, cols []*parquetread.Column) {
	defer close(g.done)
	defer func() {
		if p := recover(); p != nil {
			g.crash = p
		}
	}()
	w.r.Problems = nil
	w.sink = Sink{&g.claims, &g.places}
	if g.slot < 0 {
		g.claims, g.places = make([]claims.Claim, 0, min(g.Rows, ParquetRowGroupRows)), make([]claims.Places, 0, min(g.Rows, ParquetRowGroupRows))
	}
	for _, l := range rd.need {
		if err := d.Read(g.RowGroup, l, cols[l.Index()]); err != nil {
			g.err = err
			return
		}
	}
	g.err = w.parquetRows(rd.budget.Budget, g, rd.fields, cols)
	g.problems = w.r.Problems
}
