package parquetread

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/klauspost/compress/zstd"

	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Reading a column chunk's pages. Every size a page header gives is held
// to the chunk, and every page decompresses into a buffer of exactly the
// size its header gives, which is capped: a hostile file cannot make the
// reader allocate more than its own bytes and that cap allow, and a
// decompression bomb fails at the cap rather than filling memory.

// maxPageBytes caps a page, compressed or not. Writers make pages of about
// a MiB; a value over the file's maxValue is not kept anyway.
const maxPageBytes = 128 << 20

// maxPageValues caps the values of one page: runs of repeated values
// take almost no bytes, so the page's size does not bound them. Writers
// put at most a row group's rows in a page, a few hundred thousand.
const maxPageValues = 1 << 22

// A page may declare for each of its values the longest value kept
// (maxValue) and valueSlack more, and maxPageSlack beyond them (levels,
// headers). A longer value is not kept anyway.
const (
	valueSlack   = 16
	maxPageSlack = 64 << 10
)

// pageSizeFits refuses a page whose declared size is far beyond what its
// values could take: pages of no values that each inflate to 128 MiB
// cost 17 s of CPU for an 825 KB file, and held nothing.
func (d *Decoder) pageSizeFits(h *pqPageHeader, n int) error {
	if int64(h.uncompressed) > maxPageSlack+int64(n)*int64(d.maxValue+valueSlack) {
		return fmt.Errorf("a page says it holds %d bytes for %d values, far more than they could take", h.uncompressed, n)
	}
	return nil
}

// maxPageHeaderBytes caps a page header, which may hold statistics.
const maxPageHeaderBytes = 16 << 20

// Span is one entry of a column in a row group: a value's text in the
// column's text, or null (off -1), or a value too long to keep (off -2).
type Span struct{ off, end int32 }

const (
	spanNull    = -1
	spanTooLong = -2
)

// Null says the entry is null.
func (s Span) Null() bool { return s.off == spanNull }

// TooLong says the entry's value was longer than the file's maxValue, and
// is not kept.
func (s Span) TooLong() bool { return s.off == spanTooLong }

// Column is one leaf column of a row group as read, which a Decoder
// fills and a caller reuses from row group to row group: the entries of
// row r are spans[rows[r]:rows[r+1]]. A column that is not repeated has
// one entry a row. text holds the chunk's dictionary, if it has one, and
// the values that are not in it; clean says that every value is valid
// UTF-8 without a NUL, so that rows need not check them one by one.
type Column struct {
	rows  []int32
	spans []Span
	text  []byte
	clean bool
}

func (c *Column) reset() {
	c.rows, c.spans, c.text, c.clean = c.rows[:0], c.spans[:0], c.text[:0], false
}

// reserve makes room for a chunk's rows and, as far as its metadata and
// its size make likely, its text, so that the buffers do not grow by
// copying while a million claims are read. Nothing here is trusted past
// what the chunk's own bytes could hold.
func (c *Column) reserve(chunk *pqChunk, leaf *Leaf, rows int) {
	backed := int(min(chunk.totalCompressed, maxPageBytes))
	rows = min(rows, 64*backed+1, 1<<20)
	c.rows = slices.Grow(c.rows, rows+1)
	if leaf.maxRep == 0 {
		c.spans = slices.Grow(c.spans, rows)
	}
	text := min(chunk.totalUncompressed, 16*int64(backed), 8<<20)
	c.text = slices.Grow(c.text, int(max(text, 0)))
}

// Entries returns row r's entries, of a leaf inside a list or map.
func (c *Column) Entries(r int) []Span { return c.spans[c.rows[r]:c.rows[r+1]] }

// Value returns row r's entry, of a leaf of one value a row.
func (c *Column) Value(r int) Span { return c.spans[r] }

// Bytes returns an entry's text, which is not null nor too long; it
// stays the column's, valid until the column is read again.
func (c *Column) Bytes(s Span) []byte { return c.text[s.off:s.end] }

// Clean says that every value of the column is valid UTF-8 without a
// NUL, so that its entries need not be checked one by one.
func (c *Column) Clean() bool { return c.clean }

// checkText sets clean when all of text is valid UTF-8 with no NUL and
// every value starts and ends on a character's boundary, which makes
// each value valid on its own.
func (c *Column) checkText() {
	if bytes.IndexByte(c.text, 0) >= 0 || !utf8.Valid(c.text) {
		return
	}
	if !safetext.ASCII(c.text) {
		for _, s := range c.spans {
			switch {
			case s.off < 0:
			case s.off < s.end && !utf8.RuneStart(c.text[s.off]), int(s.end) < len(c.text) && !utf8.RuneStart(c.text[s.end]):
				return
			}
		}
	}
	c.clean = true
}

// Decoder reads column chunks of a file; each goroutine that reads has
// its own, and reuses its buffers from chunk to chunk.
type Decoder struct {
	ra       io.ReaderAt
	progress func(int64)
	budget   *Budget
	maxValue int
	head     []byte // a page header being read
	raw      []byte // a page as stored
	page     []byte // a page decompressed
	def, rep []uint8
	values   pqValueReader
	dict     []Span  // the chunk's dictionary, in the column's text
	lengths  []int64 // delta encodings' lengths and prefixes
	prefixes []int64
	zstd     *zstd.Decoder
	gzip     *gzip.Reader
}

// NewDecoder returns a decoder of f's columns, which charges what they
// expand to to budget and tells progress, if set, how many bytes of
// pages it read.
func (f *File) NewDecoder(budget *Budget, progress func(int64)) *Decoder {
	return &Decoder{ra: f.ra, budget: budget, progress: progress, maxValue: f.maxValue}
}

// Close lets go of the decoder's decompressors.
func (d *Decoder) Close() {
	if d.zstd != nil {
		d.zstd.Close()
	}
}

// Read reads leaf l of row group g into out. Its error is ErrBudget, a
// *ReadError, or else a fault of the file (see AsError).
func (d *Decoder) Read(g *RowGroup, l *Leaf, out *Column) error {
	return d.readChunk(&g.chunks[l.index], l, g.Rows, out)
}

// readChunk reads the pages of chunk c of leaf into out, which must end
// up holding rows rows.
func (d *Decoder) readChunk(c *pqChunk, leaf *Leaf, rows int, out *Column) error {
	out.reset()
	out.reserve(c, leaf, rows)
	d.dict = d.dict[:0]
	hasDict := false
	pos := c.dataPage
	if c.dictPage > 0 && c.dictPage < pos {
		pos = c.dictPage
	}
	end := pos + c.totalCompressed
	for pos < end {
		h, n, err := d.header(pos, end)
		if err != nil {
			return err
		}
		pos += int64(n)
		if int64(h.compressed) > end-pos {
			return fmt.Errorf("a page runs past the end of its column chunk")
		}
		raw, err := d.read(pos, int(h.compressed))
		if err != nil {
			return err
		}
		pos += int64(h.compressed)
		switch h.typ {
		case pqDictionaryPage:
			if hasDict || len(out.rows) > 0 {
				return fmt.Errorf("a dictionary page comes after the chunk's first page")
			}
			hasDict = true
			if err := d.pageSizeFits(&h, int(h.numValues)); err != nil {
				return err
			}
			page, err := d.decompress(c.codec, raw, h.uncompressed)
			if err != nil {
				return err
			}
			if err := d.readDictionary(leaf, &h, page, out); err != nil {
				return err
			}
		case pqDataPage, pqDataPageV2:
			if err := d.readDataPage(c, leaf, &h, raw, hasDict, rows, out); err != nil {
				return err
			}
		case pqIndexPage:
		default:
			return fmt.Errorf("a page has the unknown type %d", h.typ)
		}
	}
	if len(out.rows) != rows {
		return fmt.Errorf("column %q holds %d rows where its row group has %d", leaf.path, len(out.rows), rows)
	}
	out.rows = append(out.rows, int32(len(out.spans)))
	out.checkText()
	return nil
}

// header reads the page header at pos.
func (d *Decoder) header(pos, end int64) (pqPageHeader, int, error) {
	window := min(end-pos, 4<<10)
	for {
		d.head = grow(d.head, int(window))
		if _, err := d.ra.ReadAt(d.head, pos); err != nil {
			return pqPageHeader{}, 0, err
		}
		h, n, err := parsePageHeader(d.head)
		if errors.Is(err, errThriftShort) && window < min(end-pos, maxPageHeaderBytes) {
			window = min(window*8, end-pos, maxPageHeaderBytes)
			continue
		}
		if err != nil {
			return h, 0, fmt.Errorf("a page header is not valid: %w", err)
		}
		if h.compressed > maxPageBytes || h.uncompressed > maxPageBytes {
			return h, 0, fmt.Errorf("a page is larger than the limit of %d MiB", maxPageBytes>>20)
		}
		return h, n, nil
	}
}

// read reads n bytes at pos into d.raw.
func (d *Decoder) read(pos int64, n int) ([]byte, error) {
	d.raw = grow(d.raw, n)
	if _, err := d.ra.ReadAt(d.raw, pos); err != nil {
		return nil, err
	}
	if d.progress != nil {
		d.progress(int64(n))
	}
	return d.raw, nil
}

// grow returns b with length n, reusing its memory when it has room.
func grow(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n)
	}
	return b[:n]
}

// readDataPage reads a data page's levels and values into out.
func (d *Decoder) readDataPage(c *pqChunk, leaf *Leaf, h *pqPageHeader, raw []byte, hasDict bool, rows int, out *Column) error {
	n := int(h.numValues)
	if n > maxPageValues {
		return fmt.Errorf("a page holds %d values, more than the limit of %d", n, maxPageValues)
	}
	if err := d.pageSizeFits(h, n); err != nil {
		return err
	}
	// A value costs a byte for each level and a span; refuse a page that
	// would pass the budget before making room for them.
	if !d.budget.Take(10 * int64(n)) {
		return ErrBudget
	}
	d.def, d.rep = growLevels(d.def, n), growLevels(d.rep, n)
	var data []byte
	if h.typ == pqDataPageV2 {
		if len(raw) < int(h.repLen+h.defLen) {
			return fmt.Errorf("a page's levels are larger than the page")
		}
		if err := d.levelsV2(leaf, raw[:h.repLen], raw[h.repLen:h.repLen+h.defLen], n); err != nil {
			return err
		}
		data = raw[h.repLen+h.defLen:]
		if h.compressedV2 {
			var err error
			if data, err = d.decompress(c.codec, data, h.uncompressed-h.repLen-h.defLen); err != nil {
				return err
			}
		}
	} else {
		page, err := d.decompress(c.codec, raw, h.uncompressed)
		if err != nil {
			return err
		}
		if data, err = d.levelsV1(leaf, h, page, n); err != nil {
			return err
		}
	}
	present := n
	if leaf.maxDef > 0 {
		present = 0
		for _, l := range d.def[:n] {
			if int(l) == leaf.maxDef {
				present++
			}
		}
	}
	if err := d.values.reset(d, leaf, h.encoding, data, present, hasDict); err != nil {
		return err
	}
	return d.entries(leaf, n, rows, out)
}

func growLevels(b []uint8, n int) []uint8 {
	if cap(b) < n {
		return make([]uint8, n)
	}
	return b[:n]
}

// levelsV1 reads a v1 page's levels, each run prefixed by its length, and
// returns the values after them.
func (d *Decoder) levelsV1(leaf *Leaf, h *pqPageHeader, page []byte, n int) ([]byte, error) {
	for _, l := range [...]struct {
		max int
		enc int32
		dst []uint8
	}{{leaf.maxRep, h.repEnc, d.rep}, {leaf.maxDef, h.defEnc, d.def}} {
		if l.max == 0 {
			continue
		}
		if l.enc != pqRLE {
			return nil, fmt.Errorf("a page's levels are written with encoding %d; claimdiff reads RLE levels", l.enc)
		}
		if len(page) < 4 {
			return nil, fmt.Errorf("a page ends inside its levels")
		}
		size := binary.LittleEndian.Uint32(page)
		if uint64(size) > uint64(len(page)-4) {
			return nil, fmt.Errorf("a page's levels are larger than the page")
		}
		if err := readLevels(l.dst[:n], page[4:4+size], l.max); err != nil {
			return nil, err
		}
		page = page[4+size:]
	}
	return page, nil
}

func (d *Decoder) levelsV2(leaf *Leaf, rep, def []byte, n int) error {
	if leaf.maxRep > 0 {
		if err := readLevels(d.rep[:n], rep, leaf.maxRep); err != nil {
			return err
		}
	}
	if leaf.maxDef > 0 {
		return readLevels(d.def[:n], def, leaf.maxDef)
	}
	return nil
}

// entries turns a page's levels and values into rows and entries.
func (d *Decoder) entries(leaf *Leaf, n, rows int, out *Column) error {
	text0 := len(out.text)
	if leaf.maxRep == 0 {
		// One value a row: the common case, without repetition levels.
		if len(out.rows)+n > rows {
			return fmt.Errorf("column %q holds more rows than its row group", leaf.path)
		}
		for i := range n {
			out.rows = append(out.rows, int32(len(out.spans)))
			if leaf.maxDef > 0 && int(d.def[i]) != leaf.maxDef {
				out.spans = append(out.spans, Span{off: spanNull})
				continue
			}
			if err := d.value(leaf, out); err != nil {
				return err
			}
		}
	} else {
		for i := range n {
			rep, def := int(d.rep[i]), leaf.maxDef
			if leaf.maxDef > 0 {
				def = int(d.def[i])
			}
			if rep == 0 {
				if len(out.rows) == rows {
					return fmt.Errorf("column %q holds more rows than its row group", leaf.path)
				}
				out.rows = append(out.rows, int32(len(out.spans)))
			} else if len(out.rows) == 0 {
				return fmt.Errorf("column %q starts in the middle of a row", leaf.path)
			}
			switch {
			case def < leaf.entryDef: // an empty or null list
			case def < leaf.maxDef:
				out.spans = append(out.spans, Span{off: spanNull})
			default:
				if err := d.value(leaf, out); err != nil {
					return err
				}
			}
		}
	}
	if len(out.text) > 1<<31-1 || len(out.spans) > 1<<31-1 {
		return fmt.Errorf("column %q holds more than 2 GiB in one row group", leaf.path)
	}
	// Each entry costs its text too, but for what text charged already.
	if !d.budget.Take(max(int64(len(out.text)-text0)-d.values.charged, 0)) {
		return ErrBudget
	}
	return nil
}

// value reads the next value into an entry.
func (d *Decoder) value(leaf *Leaf, out *Column) error {
	start := len(out.text)
	var s Span
	var err error
	if out.text, s, err = d.values.next(out.text); err != nil {
		return err
	}
	if int(s.end-s.off) > d.maxValue {
		if int(s.off) == start {
			out.text = out.text[:start] // not a dictionary entry: drop it
		}
		s.off = spanTooLong
	}
	out.spans = append(out.spans, s)
	return nil
}
