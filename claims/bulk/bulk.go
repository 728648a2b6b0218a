package bulk

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/ids"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Bulk claim files hold only claims, one per CSV/TSV row or JSON line, for
// feeds too large to keep by hand. Sources and topics still come from the
// ledger's YAML files. Bulk files stream: memory holds the claims read so
// far and a few blocks of lines (see bulk_blocks.go), never the whole file.

// MaxLineBytes caps one line of a bulk file (one CSV record, however many
// lines its quoted cells span). A longer line is reported and skipped.
const MaxLineBytes = 1 << 20

// Claim fields by number, in claims.ClaimFields order, so a row can hold its cells
// in an array rather than a map.
const (
	fID = iota
	fTopic
	fValue
	fSource
	fVia
	fDate
	fAsOf
	fQuote
	fContext
	fDenies
	fNote
	numFields
)

// claimFieldIndex finds a claim field by name; -1 for an unknown name.
// A switch, as it runs for every cell of a million rows.
func claimFieldIndex(name string) int {
	switch name {
	case "id":
		return fID
	case "topic":
		return fTopic
	case "value":
		return fValue
	case "source":
		return fSource
	case "via":
		return fVia
	case "date":
		return fDate
	case "as_of":
		return fAsOf
	case "quote":
		return fQuote
	case "context":
		return fContext
	case "denies":
		return fDenies
	case "note":
		return fNote
	}
	return -1
}

// maxBulkInterned bounds the table that shares repeated strings, so a file of
// a million distinct contexts costs no more than a plain load.
const maxBulkInterned = 1 << 20

// bulkFile reads one bulk file into the builder.
type bulkFile struct {
	name string
	// size is the file's length when known, to size the claim list once
	// rather than grow it by doubling.
	size int64
	// sizeHint is what a compressed file says it expands to, which only
	// sizes the claim list; it may be wrong (see gzipSizeHint).
	sizeHint int64
	// sink is where claims go: the ledger, or a block being read.
	sink Sink
	// r collects problems; it caps them per file like the YAML reader.
	r  diag.List
	lr bulkLines
	// The tables share repeated strings, so a million claims on 200
	// sources hold 200 source strings. Each kind has its own table, as a
	// small table is a fast one.
	sources, other map[string]string
	// dates holds dates already checked, to parse each distinct one once;
	// a bad date maps to "".
	dates map[string]string
	row   bulkRow
	text  textArena // holds the claims' strings
	// cols turns byte offsets in the current line into columns.
	cols columns
	// blockSize is how much of the file a block holds.
	blockSize int
	// maxRows caps the claims the file gives, counted from first, the
	// number of claims in the sink before the file.
	maxRows, first int
	// stop is set when the file is not worth reading on (a binary file).
	stop bool
	// rowProblems counts the Row problems reported, so that a row kept
	// with a field it could not read is marked Unread.
	rowProblems int
	// speculative is set for a block that may not start a CSV record
	// (see bulk_blocks.go); a record still open at its end is not an
	// error then, and open and openLine say where it began.
	speculative    bool
	open, openLine int
}

// emit adds a checked claim.
func (bf *bulkFile) emit(c claims.Claim, pl claims.Places) {
	if bf.maxRows > 0 && len(*bf.sink.Claims)-bf.first >= bf.maxRows {
		bf.tooManyRows(c.Pos.Line)
		return
	}
	*bf.sink.Claims = append(*bf.sink.Claims, c)
	*bf.sink.Places = append(*bf.sink.Places, pl)
}

// tooManyRows ends the file at the row past the cap on claims.
func (bf *bulkFile) tooManyRows(line int) {
	bf.errorAt(line, 1, "too-many-rows", "the file holds more than %d claims; the rest are not read", bf.maxRows)
	bf.stop = true
}

// bulkRow is one claim as read, before it is checked. Strings a claim keeps
// whole (id, value, quote, note) are collected in own and become one
// string per claim, carved from the file's shared blocks (see textArena).
type bulkRow struct {
	pos  diag.Pos
	has  [numFields]bool
	span [numFields][2]int // into own, for id, value, quote and note
	at   [numFields]diag.Pos
	own  []byte
	// topic, source, dates and denies hold their text until the row ends.
	text     [numFields][]byte
	via      []string
	viaPos   []diag.Pos
	ctx      []string // "key=value" pairs
	ctxKeys  []string
	ctxSeen  map[string]bool // the keys, once there are many
	ctxPos   diag.Pos
	badField bool // a cell was already reported; the claim is dropped
}

// reset starts a new row. It clears only has: the other arrays are read
// only for fields the row has, and a million rows should not each zero a
// kilobyte.
func (rw *bulkRow) reset(pos diag.Pos) {
	rw.pos, rw.has, rw.badField = pos, [numFields]bool{}, false
	rw.own, rw.via, rw.viaPos, rw.ctx, rw.ctxKeys = rw.own[:0], rw.via[:0], rw.viaPos[:0], rw.ctx[:0], rw.ctxKeys[:0]
	if len(rw.ctxSeen) > 0 {
		clear(rw.ctxSeen)
	}
}

// Format is how a bulk claim file is written.
type Format int

const (
	CSV Format = iota + 1
	TSV
	JSONLines
	// Parquet is read with random access rather than as a stream of
	// lines; see bulk_parquet.go.
	Parquet
)

// FormatOf tells a bulk claim file's format by its name's extension; ok is
// false for a name no bulk format has. Reading and writing both ask it, so
// a file claimdiff writes is one it reads. A text format may be compressed
// (claims.csv.gz, see compressed.go); Parquet compresses its own columns.
func FormatOf(name string) (f Format, ok bool) {
	c, name := CompressionOf(name)
	if f, ok = formatOfExt(name); c != Uncompressed && f == Parquet {
		return 0, false
	}
	return f, ok
}

func formatOfExt(name string) (f Format, ok bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return CSV, true
	case ".tsv":
		return TSV, true
	case ".jsonl", ".ndjson":
		return JSONLines, true
	case ".parquet":
		return Parquet, true
	}
	return 0, false
}

// Options tune reading a bulk file.
type Options struct {
	// MaxFileBytes caps the bytes read; a file over it is a too-large
	// problem. Zero means no cap.
	MaxFileBytes int64
	// Progress, when set, hears of bytes read as they are, from whichever
	// goroutine reads them.
	Progress func(n int64)
	// MaxRows caps the claims one file gives, which bounds the memory a
	// feed takes however large the file; zero means no cap.
	MaxRows int
	// blockSize is how much of the file a block holds; tests make it
	// small. Zero means defaultBlockSize.
	blockSize int
	// maxLine, when set, replaces MaxLineBytes for text files, so that
	// tests reach the cap with small lines.
	maxLine int
	// Budget, when set, is the budget the Parquet files of one load share
	// (NewBudget); without it each file has its own.
	Budget *Budget
	// parquetBudget, when set, replaces a Parquet file's budget (see
	// budgetFor), so tests can reach it with small files.
	parquetBudget int64
	// expandedBytes, when set, replaces a compressed file's cap on what it
	// expands to (see expandedLimit), for the same reason.
	expandedBytes int64
}

// Sink is where Read puts claims: it appends to both lists, which run in
// parallel, growing them in place so a million claims are never copied.
type Sink struct {
	Claims *[]claims.Claim
	Places *[]claims.Places
}

// Read reads the claims of one bulk file in format f from r, named name in
// positions. size is how many bytes r holds, or 0 when unknown. Problems
// in the file are returned; the error is only for a stream that cannot be
// read. A Parquet file is read with random access when r is an
// io.ReaderAt of size bytes (a file, a bytes.Reader), and else read into
// memory first, up to opts.MaxFileBytes (1 GiB when that is 0).
func Read(name string, f Format, r io.Reader, size int64, into Sink, opts Options) ([]diag.Problem, error) {
	if f == Parquet {
		return readParquet(name, r, size, into, opts)
	}
	limit := opts.MaxFileBytes
	if limit <= 0 {
		limit = math.MaxInt64 - 1
	}
	expandCap := int64(0) // what a compressed file may expand to
	raw, hint := r, int64(0)
	if c, _ := CompressionOf(name); c != Uncompressed {
		if opts.Progress != nil {
			r = counting{r, opts.Progress}
			opts.Progress = nil
		}
		zr, err := Decompress(name, source{r})
		if err != nil {
			// Not gzip (or zstd) at all, or empty: a problem of the file.
			return []diag.Problem{compressedProblem(name, 0, err)}, nil
		}
		defer zr.Close()
		expandCap = cmp.Or(opts.expandedBytes, expandedLimit(size))
		limit = min(limit, expandCap)
		// The expanded size is not known for sure: a hint sizes the claim
		// list, and the blocks are cut as for a stream.
		hint = gzipSizeHint(c, raw, size)
		r, size = expanding{zr}, 0
	}
	bufSize := 64 << 10
	if size > 0 {
		bufSize = int(min(size+1, int64(bufSize)))
	}
	bf := newBulkFile(name, bufio.NewReaderSize(r, bufSize), limit)
	bf.size, bf.sizeHint, bf.lr.progress, bf.blockSize = size, hint, opts.Progress, cmp.Or(opts.blockSize, defaultBlockSize)
	bf.lr.maxLine = opts.maxLine
	bf.sink = into
	bf.maxRows, bf.first = opts.MaxRows, len(*into.Claims)
	var err error
	switch f {
	case CSV:
		err = bf.readCSV(',')
	case TSV:
		err = bf.readCSV('\t')
	default:
		err = bf.readBlocks((*bulkFile).readJSONL)
	}
	switch {
	case errors.Is(err, errTooLarge) && limit == expandCap:
		bf.problem(diag.Errorf(bf.pos(bf.lr.line, 1), "too-large",
			"the file expands to more than %s (64 times its size and 1 GiB); the rest is not read", diag.ByteSize(limit)))
		err = nil
	case errors.Is(err, errTooLarge):
		bf.problem(diag.TooLarge(bf.pos(bf.lr.line, 1), limit))
		err = nil
	case err != nil && expandCap > 0 && isDecompressError(err):
		bf.problem(compressedProblem(name, bf.lr.line, err))
		err = nil
	}
	return bf.r.Problems, err
}

// errTooLarge stops reading a stream at its cap.
var errTooLarge = errors.New("file too large")

func newBulkFile(name string, br *bufio.Reader, limit int64) *bulkFile {
	return &bulkFile{name: name,
		sources: map[string]string{}, other: map[string]string{}, dates: map[string]string{},
		lr: bulkLines{br: br, limit: limit}}
}

func (bf *bulkFile) errorAt(line, col int, code, format string, args ...any) {
	bf.problem(diag.Errorf(diag.Pos{File: bf.name, Line: line, Col: col}, code, format, args...))
}

// problem adds p to the file's problems, or to its block's: a block keeps
// as many as a file shows, and counts the rest in its too-many problem,
// which the file's list folds into its own. A bulk file holds only
// claims, so a problem that makes one unreadable is about that row.
func (bf *bulkFile) problem(p diag.Problem) {
	if p.Severity == diag.Error && claims.Unreadable(p.Code) {
		p.Row = true
		bf.rowProblems++
	}
	bf.r.Add(p)
}

// fileProblem adds a problem of the file as a whole, such as a header
// without a value column: not one row's, so never skipped as one.
func (bf *bulkFile) fileProblem(p diag.Problem) { bf.r.Add(p) }

func (bf *bulkFile) pos(line, col int) diag.Pos { return diag.Pos{File: bf.name, Line: line, Col: col} }

// checkText reports a NUL byte or invalid UTF-8 in a line. A NUL means the
// file is binary, and nothing more in it is worth reading.
func (bf *bulkFile) checkText(line []byte) bool {
	bf.cols.reset(line)
	if bf.cols.ascii {
		if i := bytes.IndexByte(line, 0); i >= 0 {
			bf.errorAt(bf.lr.line, i+1, "binary", "this is a binary file, not a claim file")
			bf.stop = true
			return false
		}
		return true
	}
	if i := bytes.IndexByte(line, 0); i >= 0 {
		bf.errorAt(bf.lr.line, cellCol(line, i), "binary", "this is a binary file, not a claim file")
		bf.stop = true
		return false
	}
	if !utf8.Valid(line) {
		bf.errorAt(bf.lr.line, cellCol(line, diag.FirstInvalidUTF8(line)), "encoding", "invalid UTF-8; a claim file must be UTF-8 text (the line is skipped)")
		return false
	}
	return true
}

// col turns a byte offset in line into a 1-based column counted in
// characters, as YAML positions are.
func cellCol(line []byte, off int) int {
	off = min(off, len(line))
	if safetext.ASCII(line[:off]) {
		return off + 1
	}
	return utf8.RuneCount(line[:off]) + 1
}

// columns turns byte offsets in a line into 1-based columns counted in
// characters, counting on from the last offset asked for, so that a line
// of a million cells costs a million steps, not a million squared.
type columns struct {
	line     []byte
	ascii    bool
	off, col int
}

func (c *columns) reset(line []byte) {
	*c = columns{line: line, ascii: safetext.ASCII(line), col: 1}
}

func (c *columns) at(off int) int {
	off = min(max(off, 0), len(c.line))
	if c.ascii {
		return off + 1
	}
	if off < c.off {
		c.off, c.col = 0, 1
	}
	c.col += utf8.RuneCount(c.line[c.off:off])
	c.off = off
	return c.col
}

// tooLong reports a line over MaxLineBytes, which was skipped.
func (bf *bulkFile) tooLong(line int) {
	bf.errorAt(line, 1, "too-long", "the line is longer than the limit of %s; it is skipped", diag.ByteSize(int64(bf.lr.maxLen())))
}

// share returns the one copy of s kept in table.
func share(table map[string]string, s []byte) string {
	if v, ok := table[string(s)]; ok {
		return v
	}
	v := string(s)
	if len(table) < maxBulkInterned {
		table[v] = v
	}
	return v
}

// set records the text of a scalar field at pos. Text fields the claim keeps
// go to own; the others wait in text until the row is checked.
func (bf *bulkFile) set(field int, text []byte, pos diag.Pos) {
	rw := &bf.row
	rw.has[field] = true
	rw.at[field] = pos
	switch field {
	case fID, fValue, fQuote, fNote:
		start := len(rw.own)
		rw.own = append(rw.own, text...)
		rw.span[field] = [2]int{start, len(rw.own)}
	default:
		rw.text[field] = append(rw.text[field][:0], text...)
	}
}

// addVia adds one outlet of the via list.
func (bf *bulkFile) addVia(text []byte, pos diag.Pos) {
	rw := &bf.row
	rw.has[fVia] = true
	if len(text) == 0 {
		return
	}
	rw.via = append(rw.via, share(bf.sources, text))
	rw.viaPos = append(rw.viaPos, pos)
}

// addContext adds one qualifier, reporting a key given twice.
func (bf *bulkFile) addContext(key, val []byte, pos diag.Pos) {
	rw := &bf.row
	if !rw.has[fContext] {
		rw.has[fContext] = true
		rw.ctxPos = pos
	}
	k := string(key)
	dup := false
	if len(rw.ctxKeys) < 8 {
		dup = slices.Contains(rw.ctxKeys, k)
	} else {
		// A hostile row may hold a hundred thousand keys.
		if rw.ctxSeen == nil {
			rw.ctxSeen = map[string]bool{}
		}
		if len(rw.ctxSeen) == 0 {
			for _, k := range rw.ctxKeys {
				rw.ctxSeen[k] = true
			}
		}
		dup = rw.ctxSeen[k]
		rw.ctxSeen[k] = true
	}
	if dup {
		bf.problem(diag.Errorf(pos, "duplicate-key", "duplicate key %q in context", diag.Clip(k, 40)))
		return
	}
	rw.ctxKeys = append(rw.ctxKeys, k)
	rw.ctx = append(rw.ctx, k+"="+string(val))
}

// endRow checks the row read since reset and, if it makes a claim, adds it
// to the ledger. The checks match the YAML loader's, with the same codes.
func (bf *bulkFile) endRow() {
	rw := &bf.row
	var missing []string
	for _, f := range [...]int{fTopic, fValue, fSource} {
		if !bf.nonEmpty(f) {
			missing = append(missing, claims.ClaimFields[f])
		}
	}
	if len(missing) > 0 {
		bf.problem(diag.Errorf(rw.pos, "missing-field", "claim has no %s", strings.Join(missing, ", no ")))
		return
	}
	if rw.badField {
		return
	}
	topic := rw.text[fTopic]
	if !ids.Valid(string(topic)) {
		bf.problem(diag.Errorf(rw.at[fTopic], "bad-id", "topic id %q %s", diag.Clip(string(topic), 40), ids.Rule))
		return
	}
	c := claims.Claim{Pos: rw.pos, ValueAt: diag.LineColOf(rw.at[fValue])}
	before := bf.rowProblems
	pl := claims.Places{Topic: diag.LineColOf(rw.at[fTopic]), Source: diag.LineColOf(rw.at[fSource])}
	// The topic rides in the claim's own string too: looking a quarter of
	// a million topics up for each row to share their strings costs more
	// than a dozen bytes a claim; finish looks each up once, on every core.
	start := len(rw.own)
	rw.own = append(rw.own, topic...)
	own := bf.text.string(rw.own)
	c.Topic = own[start:]
	str := func(f int) string {
		if !rw.has[f] {
			return ""
		}
		return own[rw.span[f][0]:rw.span[f][1]]
	}
	if bf.nonEmpty(fID) {
		c.ID, pl.HasID = str(fID), true
		if !ids.Valid(c.ID) {
			bf.problem(diag.Errorf(rw.at[fID], "bad-id", "claim id %q %s", diag.Clip(c.ID, 40), ids.Rule))
		}
	}
	c.Value.Raw = str(fValue)
	c.Source = share(bf.sources, rw.text[fSource])
	if len(rw.via) > 0 {
		c.Via = slices.Clone(rw.via)
		pl.Via = make([]diag.LineCol, len(rw.viaPos))
		for i, p := range rw.viaPos {
			pl.Via[i] = diag.LineColOf(p)
		}
	}
	c.Date = bf.date(fDate, "date")
	c.AsOf = bf.date(fAsOf, "as_of")
	c.Quote = str(fQuote)
	c.Note = str(fNote)
	if len(rw.ctx) > 0 {
		slices.Sort(rw.ctx)
		c.Context = share(bf.other, []byte(strings.Join(rw.ctx, "; ")))
	}
	if bf.nonEmpty(fDenies) {
		c.Denies = bf.denies()
	}
	c.Unread = bf.rowProblems > before
	bf.emit(c, pl)
}

// nonEmpty reports a field given with some text: an empty cell is no value.
func (bf *bulkFile) nonEmpty(f int) bool {
	rw := &bf.row
	switch {
	case !rw.has[f]:
		return false
	case f == fID, f == fValue, f == fQuote, f == fNote:
		return rw.span[f][1] > rw.span[f][0]
	}
	return len(rw.text[f]) > 0
}

// date checks a date field once per distinct date.
func (bf *bulkFile) date(f int, what string) string {
	if !bf.nonEmpty(f) {
		return ""
	}
	text := bf.row.text[f]
	d, seen := bf.dates[string(text)]
	if !seen {
		if claims.IsDate(string(text)) {
			d = string(text)
		}
		if len(bf.dates) < maxBulkInterned {
			bf.dates[string(text)] = d
		}
	}
	if d != "" {
		return d
	}
	bf.problem(diag.Errorf(bf.row.at[f], "bad-date", "%s %q is not a date; write YYYY-MM-DD", what, diag.Clip(string(text), 40)))
	return ""
}

// denies reads true/false the way the YAML loader does (yes/no too).
func (bf *bulkFile) denies() bool {
	s := string(bf.row.text[fDenies])
	switch strings.ToLower(s) {
	case "true", "yes", "on", "y":
		return true
	case "false", "no", "off", "n":
		return false
	}
	bf.problem(diag.Errorf(bf.row.at[fDenies], "wrong-type", "denies must be true or false, not %q", diag.Clip(s, 40)))
	return false
}

// bulkLines reads lines of at most MaxLineBytes from a stream, counting
// them and capping the bytes read at limit.
type bulkLines struct {
	br    *bufio.Reader
	block []byte // what is left of a block, read instead of br when br is nil
	line  int    // number of the line last returned
	at    int64  // offset of the line last returned
	read  int64
	limit int64
	// maxLine, when set, replaces MaxLineBytes (see maxLen).
	maxLine int
	// long is a line that did not fit, gathered until it proves too long.
	long []byte
	// progress hears of each MiB read.
	progress func(n int64)
	reported int64
	// scan, when set, is fed every byte of a line too long to return, so
	// that a CSV reader can tell whether it ends inside a quoted cell.
	scan *csvScan
}

// maxLen is the longest line lr reads: MaxLineBytes, or the tests' own.
func (lr *bulkLines) maxLen() int { return cmp.Or(lr.maxLine, MaxLineBytes) }

// next returns the next line without its line ending (\n or \r\n). A line
// over MaxLineBytes comes back with tooLong set and no text; the rest of it
// has been skipped. At the end of the stream it returns io.EOF.
func (lr *bulkLines) next() (line []byte, tooLong bool, err error) {
	lr.long = lr.long[:0]
	lr.at = lr.read
	if lr.br == nil {
		return lr.nextInBlock()
	}
	for {
		chunk, err := lr.br.ReadSlice('\n')
		lr.count(len(chunk))
		if lr.read > lr.limit {
			lr.line++
			return nil, false, errTooLarge
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			if tooLong {
				lr.scanLong(chunk)
			} else if len(lr.long)+len(chunk) > lr.maxLen()+2 {
				lr.scanLong(lr.long)
				lr.scanLong(chunk)
				tooLong, lr.long = true, lr.long[:0]
			} else {
				lr.long = append(lr.long, chunk...)
			}
			continue
		case err != nil && !errors.Is(err, io.EOF):
			return nil, false, err
		case len(chunk) == 0 && len(lr.long) == 0 && !tooLong:
			return nil, false, io.EOF
		}
		lr.line++
		if len(lr.long) > 0 {
			lr.long = append(lr.long, chunk...)
			chunk = lr.long
		}
		if tooLong || len(trimLineEnd(chunk)) > lr.maxLen() {
			lr.scanLong(chunk)
			return nil, true, nil
		}
		chunk = trimLineEnd(chunk)
		if lr.line == 1 {
			chunk = bytes.TrimPrefix(chunk, []byte("\uFEFF")) // a BOM, as spreadsheets write
		}
		return chunk, false, nil
	}
}

// scanLong feeds part of a line too long to return to scan.
func (lr *bulkLines) scanLong(b []byte) {
	if lr.scan != nil {
		lr.scan.feed(b)
	}
}

// count adds n bytes to those read, telling progress of each MiB.
func (lr *bulkLines) count(n int) {
	lr.read += int64(n)
	if lr.read-lr.reported >= 1<<20 {
		if lr.progress != nil {
			lr.progress(lr.read - lr.reported)
		}
		lr.reported = lr.read
	}
}

// nextInBlock is next for lines in memory: a block, whose lines are cut
// out where they lie rather than copied through a buffer.
func (lr *bulkLines) nextInBlock() (line []byte, tooLong bool, err error) {
	if len(lr.block) == 0 {
		return nil, false, io.EOF
	}
	line = lr.block
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i+1]
	}
	lr.block = lr.block[len(line):]
	lr.count(len(line))
	lr.line++
	if len(trimLineEnd(line)) > lr.maxLen() {
		lr.scanLong(line)
		return nil, true, nil
	}
	line = trimLineEnd(line)
	if lr.line == 1 {
		line = bytes.TrimPrefix(line, []byte("\uFEFF"))
	}
	return line, false, nil
}

func trimLineEnd(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte{'\n'})
	return bytes.TrimSuffix(b, []byte{'\r'})
}
