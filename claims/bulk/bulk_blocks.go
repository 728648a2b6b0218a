package bulk

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"io"
	"runtime"
	"slices"
	"unsafe"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/parallel"
)

// A bulk file is read on every core. One goroutine cuts the stream into
// blocks of whole lines, workers read the claims of each block, and the
// caller takes the blocks in file order: it reports their problems, adds
// their claims to the ledger and returns their buffers. Memory holds a few
// blocks at a time, never the file.
//
// A JSON line is a claim of its own, so any line break is a safe cut. A
// CSV record may run over several lines inside a quoted cell, and a worker
// cannot tell from a block alone whether it starts inside one. So each
// block is read as if it started a record, and a block whose last record
// is still open at its end says where that record began: the rest of the
// file is then read line by line from there, on one core, which is always
// right. The same happens when a line is too long to cut around, or the
// file passes the size cap, so that those are reported exactly as when the
// file is read line by line.

// defaultBlockSize is how much of a file a block holds.
const defaultBlockSize = 1 << 20

// bulkBlock is a run of whole lines of a bulk file and, once a worker has
// read it, what it held.
type bulkBlock struct {
	data  []byte
	line  int   // number of its first line
	start int64 // offset of its first byte in the file
	last  bool  // it ends the file
	// rest marks the end of cutting: data and what is left of the stream
	// are to be read line by line. err is a read error met after data.
	rest bool
	err  error

	// slot is the first of the ledger's slots for its claims, or -1 when
	// it has lists of its own; claims and places hold the claims read.
	slot     int
	claims   []claims.Claim
	places   []claims.Places
	problems []diag.Problem
	stop     bool // a binary file: nothing after this block is read
	// open is where in data a CSV record still open at the end began, and
	// openLine its line; open is -1 when the block ends between records.
	open, openLine int
	crash          any // a panic while reading it, raised again by the caller
	done           chan struct{}
}

// maxBlocksInFlight bounds the blocks cut but not yet added to the ledger.
func maxBlocksInFlight() int { return 2*runtime.GOMAXPROCS(0) + 2 }

// readBlocks reads the rest of bf's stream with rows, which reads claims
// from a bulkFile's lines until they end.
//
// When the file's size is known, the ledger's list of claims is grown
// once to hold as many claims as the file probably has lines, and each
// block is given the slots for as many claims as it has lines, which no
// block can pass: its workers write the claims where they will stay, and
// a million claims are never copied. Only when blocks skip lines (blank
// ones, bad rows, records over several lines) do later claims move down.
// A block past the slots reserved, and every one after it, gets a list of
// its own, which is copied in.
func (bf *bulkFile) readBlocks(rows func(*bulkFile) error) error {
	if bf.stop {
		return nil
	}
	inFlight := maxBlocksInFlight()
	bf.reserveSlots()
	cs, places := bf.sink.Claims, bf.sink.Places
	slots := min(cap(*cs), cap(*places)) // the two may round up apart
	cut := &blockCutter{src: bf.lr.br, blockSize: bf.blockSize, maxLine: bf.lr.maxLen(), line: bf.lr.line, read: bf.lr.read, limit: bf.lr.limit, size: bf.size,
		free: make(chan []byte, inFlight+2), slot: len(*cs),
		claims: (*cs)[:slots], places: (*places)[:slots]}
	work, order := make(chan *bulkBlock, inFlight), make(chan *bulkBlock, inFlight)
	quit := make(chan struct{})
	cutting := parallel.Background(func() { cut.run(work, order, quit) })
	workers := make([]func(), runtime.GOMAXPROCS(0))
	for i := range workers {
		workers[i] = parallel.Background(func() { bf.blockWorker(rows, work, quit) })
	}
	// shutdown stops the cutting and waits for every goroutine; it returns
	// the data of the blocks cut but not taken, and what the cutter read
	// beyond them, in file order.
	stopped := false
	shutdown := func() (unread []io.Reader) {
		if !stopped {
			stopped = true
			close(quit)
		}
		for later := range order {
			unread = append(unread, bytes.NewReader(later.data))
		}
		cutting()
		for _, wait := range workers {
			wait()
		}
		return append(unread, bytes.NewReader(cut.unsent))
	}
	defer func() {
		shutdown()
		// Slots past the last claim may hold claims that moved down, or
		// were read from a wrong start; drop them.
		if n := len(*cs); unsafe.SliceData(*cs) == unsafe.SliceData(cut.claims) && n < cut.handed {
			clear(cut.claims[n:cut.handed])
			clear(cut.places[n:cut.handed])
		}
	}()

	for blk := range order {
		<-blk.done
		switch {
		case blk.crash != nil:
			shutdown()
			panic(blk.crash)
		case blk.err != nil:
			bf.lr.line = blk.line - 1 // where the stream broke, for the problem
			return blk.err
		case blk.rest:
			shutdown()
			return bf.readRest(rows, io.MultiReader(bytes.NewReader(blk.data), cut.src), blk.line-1, blk.start)
		}
		for _, p := range blk.problems {
			bf.r.Add(p)
		}
		bf.place(blk.slot, blk.claims, blk.places, cut.claims, cut.places)
		bf.lr.count(len(blk.data)) // blocks follow one another from bf.lr.read
		if cs := bf.sink.Claims; bf.maxRows > 0 && len(*cs)-bf.first > bf.maxRows {
			end := bf.first + bf.maxRows
			bf.tooManyRows((*cs)[end].Pos.Line)
			clear((*cs)[end:])
			clear((*bf.sink.Places)[end:])
			*cs, *bf.sink.Places = (*cs)[:end], (*bf.sink.Places)[:end]
			return nil
		}
		if blk.stop {
			return nil
		}
		if blk.open >= 0 {
			// The record goes on into the blocks cut after this one, which
			// were read from the wrong place: read them again in order.
			parts := append([]io.Reader{bytes.NewReader(blk.data[blk.open:])}, shutdown()...)
			return bf.readRest(rows, io.MultiReader(append(parts, cut.src)...), blk.openLine-1, blk.start+int64(blk.open))
		}
		select {
		case cut.free <- blk.data:
		default:
		}
	}
	return nil
}

// place adds the claims a block (or a Parquet row group) read to the
// ledger: where its workers wrote them, from slot on, moved down over the
// slots earlier blocks left empty, or copied from a list of the block's
// own when slot is -1.
func (bf *bulkFile) place(slot int, read []claims.Claim, readPlaces []claims.Places, slots []claims.Claim, slotPlaces []claims.Places) {
	cs, places := bf.sink.Claims, bf.sink.Places
	n, m := len(*cs), len(read)
	if m == 0 {
		return
	}
	if slot >= 0 {
		if &read[0] != &slots[slot] {
			// Appending here would write over slots other workers fill.
			panic("claims: a block read more claims than it has lines")
		}
		if slot != n {
			copy(slots[n:n+m], slots[slot:slot+m])
			copy(slotPlaces[n:n+m], slotPlaces[slot:slot+m])
		}
		*cs, *places = slots[:n+m], slotPlaces[:n+m]
		return
	}
	*cs = append(*cs, read...)
	*places = append(*places, readPlaces...)
}

// reserveSlots grows the ledger's claims to hold as many more as the rest
// of the file probably has lines, judged by the lines already buffered.
func (bf *bulkFile) reserveSlots() {
	rest := cmp.Or(bf.size, bf.sizeHint) - bf.lr.read
	if rest <= 0 {
		return
	}
	sample, _ := bf.lr.br.Peek(bf.lr.br.Size())
	lines := bytes.Count(sample, []byte{'\n'})
	if lines == 0 {
		return
	}
	more := float64(rest)/float64(len(sample))*float64(lines)*1.1 + 64
	// A file of short lines that are not claims must not reserve room
	// for millions: slots may take eight times the file, as much as
	// claimdiff budgets for a CSV file's claims (see boundMemory); later
	// blocks get lists of their own.
	more = min(more, float64(claimsFit(rest)))
	cs, places := bf.sink.Claims, bf.sink.Places
	*cs = slices.Grow(*cs, int(more))
	*places = slices.Grow(*places, int(more))
}

// claimsFit is how many claims room may be made for ahead of reading
// size bytes: eight times the bytes, as claimdiff budgets for a CSV
// file's claims (see boundMemory). Past it, lists grow as claims come.
func claimsFit(size int64) int {
	perClaim := int64(unsafe.Sizeof(claims.Claim{}) + unsafe.Sizeof(claims.Places{}))
	return int(8 * size / perClaim)
}

// readRest reads src line by line on this goroutine; line is the number
// of the line before it and read the bytes of the file before it.
func (bf *bulkFile) readRest(rows func(*bulkFile) error, src io.Reader, line int, read int64) error {
	bf.lr = bulkLines{br: bufio.NewReaderSize(src, 64<<10), line: line, read: read, reported: bf.lr.reported, maxLine: bf.lr.maxLine,
		limit: bf.lr.limit, progress: bf.lr.progress}
	return rows(bf)
}

// blockWorker reads blocks until there are none, with state of its own:
// its tables, row and problems are not the caller's.
func (bf *bulkFile) blockWorker(rows func(*bulkFile) error, work <-chan *bulkBlock, quit <-chan struct{}) {
	w := newBulkFile(bf.name, nil, bf.lr.limit)
	for blk := range work {
		select {
		case <-quit:
			close(blk.done)
			continue
		default:
		}
		w.lr = bulkLines{block: blk.data, line: blk.line - 1, limit: int64(len(blk.data)), maxLine: bf.lr.maxLine}
		w.r.Problems, w.stop, w.speculative, w.open = nil, false, !blk.last, -1
		w.sink = Sink{&blk.claims, &blk.places}
		w.readBlock(rows, blk)
	}
}

func (w *bulkFile) readBlock(rows func(*bulkFile) error, blk *bulkBlock) {
	defer close(blk.done)
	defer func() {
		if p := recover(); p != nil {
			blk.crash = p
		}
	}()
	if err := rows(w); err != nil {
		// A block is in memory and within the limit; only a bug lands here.
		panic(err)
	}
	blk.problems, blk.stop, blk.open, blk.openLine = w.r.Problems, w.stop, w.open, w.openLine
}

// blockCutter cuts a stream into blocks of whole lines.
type blockCutter struct {
	src       io.Reader
	blockSize int
	line      int   // lines before the next block
	read      int64 // bytes before the next block
	limit     int64
	maxLine   int    // the longest line a block must hold whole
	size      int64  // the file's size, 0 when unknown
	carry     []byte // read after the last cut
	eof       bool
	err       error
	free      chan []byte
	// unsent is what was read but not handed on when the caller stopped
	// the cutting, for it to read the rest itself.
	unsent []byte
	// claims and places are the ledger's lists to their capacity, and slot
	// the first not given to a block; past the end, blocks get their own.
	claims []claims.Claim
	places []claims.Places
	slot   int
	handed int // the end of the slots given out
}

func (c *blockCutter) run(work, order chan<- *bulkBlock, quit <-chan struct{}) {
	defer close(order)
	defer close(work)
	for {
		blk := c.next()
		if blk == nil {
			return
		}
		if !blk.rest && blk.err == nil {
			select {
			case work <- blk:
			case <-quit:
				c.unsent = append(slices.Clip(blk.data), c.carry...)
				return
			}
		} else {
			close(blk.done)
		}
		select {
		case order <- blk:
		case <-quit:
			c.unsent = append(slices.Clip(blk.data), c.carry...)
			return
		}
		if blk.rest || blk.err != nil {
			return
		}
	}
}

// next cuts the next block, or returns nil at the end of the stream.
func (c *blockCutter) next() *bulkBlock {
	var buf []byte
	select {
	case buf = <-c.free:
	default:
	}
	buf = append(buf[:0], c.carry...)
	want := c.blockSize
	if c.size > 0 {
		// A small file needs no buffer of a whole block; a ledger may have
		// a hundred of them.
		want = int(max(min(int64(want), c.size-c.read+1), 1))
	}
	c.fill(&buf, want)
	i := bytes.LastIndexByte(buf, '\n')
	// A line longer than a block makes the block longer, up to the cap.
	for i < 0 && !c.eof && c.err == nil && len(buf) <= c.maxLine+2 {
		c.fill(&buf, 2*len(buf))
		i = bytes.LastIndexByte(buf, '\n')
	}
	blk := &bulkBlock{line: c.line + 1, start: c.read, open: -1, done: make(chan struct{})}
	switch {
	case len(buf) == 0 && c.err == nil:
		return nil
	case i < 0 && !c.eof && c.err == nil, c.read+int64(len(buf)) > c.limit:
		// A line too long to keep, or a file past the cap: both are
		// reported where they are met, reading line by line.
		blk.rest, blk.data, c.carry = true, buf, nil
		return blk
	case c.err != nil && i < 0:
		blk.err, c.carry = c.err, nil
		return blk
	}
	cut := i + 1
	if c.eof {
		cut = len(buf)
	}
	blk.data = buf[:cut]
	c.carry = append(c.carry[:0], buf[cut:]...)
	blk.last = c.eof && len(c.carry) == 0
	lines := bytes.Count(blk.data, []byte{'\n'})
	c.line += lines
	c.read += int64(cut)
	if blk.data[cut-1] != '\n' {
		lines++ // the file's last line, without a line break
	}
	// A claim takes at least a line, so a block's claims fit its lines.
	if c.slot >= 0 && c.slot+lines <= len(c.claims) {
		blk.slot = c.slot
		blk.claims = c.claims[c.slot : c.slot : c.slot+lines]
		blk.places = c.places[c.slot : c.slot : c.slot+lines]
		c.slot += lines
		c.handed = c.slot
	} else {
		// Bounded as reserveSlots is: a quoted cell of a million short
		// lines would otherwise clear room for a million claims.
		n := min(lines, claimsFit(int64(cut)))
		c.slot, blk.slot = -1, -1
		blk.claims, blk.places = make([]claims.Claim, 0, n), make([]claims.Places, 0, n)
	}
	return blk
}

// fill reads into buf until it holds n bytes or the stream ends.
func (c *blockCutter) fill(buf *[]byte, n int) {
	*buf = slices.Grow(*buf, max(n-len(*buf), 0))
	for len(*buf) < n && !c.eof && c.err == nil {
		m, err := c.src.Read((*buf)[len(*buf):cap(*buf)])
		*buf = (*buf)[:len(*buf)+m]
		switch {
		case errors.Is(err, io.EOF):
			c.eof = true
		case err != nil:
			c.err = err
		}
	}
}
