package bulk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/suggest"
)

// CSV and TSV claim files follow RFC 4180, as encoding/csv reads it without
// LazyQuotes: a header row names the columns, a cell in double quotes may
// hold the separator, quotes (doubled) and line breaks, and empty lines are
// skipped. TSV is the same with a tab between cells. The reader is our own
// rather than encoding/csv so that a record's length is capped while it is
// read, a bad row is reported and skipped rather than ending the file, and
// every cell keeps its line and column.

// csvReader splits records out of a bulk file's lines.
type csvReader struct {
	bf    *bulkFile
	comma byte
	// buf holds the current record's cells, unquoted; cells are spans of
	// it, with where each cell starts and whether it was quoted.
	buf    []byte
	cells  [][2]int
	pos    []diag.Pos
	quoted []bool
	// scan follows the quotes of what is skipped rather than read.
	scan csvScan
}

func (cr *csvReader) cell(i int) []byte { return cr.buf[cr.cells[i][0]:cr.cells[i][1]] }

// read reads the next record. ok is false for a record that was reported
// and skipped; err is io.EOF at the end.
func (cr *csvReader) read() (ok bool, err error) {
	bf, lr := cr.bf, &cr.bf.lr
	cr.scan.comma, lr.scan = cr.comma, &cr.scan
	var line []byte
	for {
		if bf.stop {
			return false, io.EOF
		}
		var tooLong bool
		cr.scan.state = scanCellStart
		line, tooLong, err = lr.next()
		if err != nil {
			return false, err
		}
		if tooLong {
			// A line too long to read may open a quoted cell that goes on
			// below it; the record ends where that cell does.
			at := lr.line
			if err := cr.skipRest(lr.at, at, func() { bf.tooLong(at) }); err != nil {
				return false, err
			}
			continue
		}
		if len(line) == 0 {
			continue
		}
		if !bf.checkText(line) {
			continue
		}
		break
	}
	cr.buf, cr.cells, cr.pos, cr.quoted = cr.buf[:0], cr.cells[:0], cr.pos[:0], cr.quoted[:0]
	startLine, recordAt, size := lr.line, lr.at, len(line)
	i := 0
	for {
		cellPos := bf.pos(lr.line, bf.cols.at(i))
		start := len(cr.buf)
		quoted := i < len(line) && line[i] == '"'
		if quoted {
			i++
			for {
				j := bytes.IndexByte(line[i:], '"')
				if j < 0 {
					// The cell goes on to the next line.
					cr.buf = append(cr.buf, line[i:]...)
					cr.buf = append(cr.buf, '\n')
					var tooLong bool
					cr.scan.state = scanQuoted
					line, tooLong, err = lr.next()
					if errors.Is(err, io.EOF) {
						if bf.speculative {
							bf.open, bf.openLine = int(recordAt), startLine
						} else {
							bf.problem(diag.Errorf(cellPos, "csv", "the quoted cell is never closed; a \" is missing"))
						}
						return false, io.EOF
					}
					if err != nil {
						return false, err
					}
					size += len(line) + 1
					if tooLong || size > lr.maxLen() {
						report := func() {
							bf.errorAt(startLine, 1, "too-long", "the row is longer than the limit of %s; it is skipped", diag.ByteSize(int64(lr.maxLen())))
						}
						return false, cr.skipLine(line, tooLong, recordAt, startLine, report)
					}
					if !bf.checkText(line) {
						if bf.stop {
							return false, nil
						}
						return false, cr.skipLine(line, false, recordAt, startLine, func() {})
					}
					i = 0
					continue
				}
				cr.buf = append(cr.buf, line[i:i+j]...)
				i += j + 1
				if i < len(line) && line[i] == '"' {
					cr.buf = append(cr.buf, '"')
					i++
					continue
				}
				break
			}
			if i < len(line) && line[i] != cr.comma {
				bf.errorAt(lr.line, bf.cols.at(i), "csv", "unexpected text after the closing \" of a quoted cell; double a \" inside a quoted cell (\"\")")
				return false, nil
			}
		} else {
			j := bytes.IndexByte(line[i:], cr.comma)
			if j < 0 {
				j = len(line) - i
			}
			cell := line[i : i+j]
			if q := bytes.IndexByte(cell, '"'); q >= 0 {
				bf.errorAt(lr.line, bf.cols.at(i+q), "csv", "a \" in a cell that is not quoted; quote the whole cell and double the \" (\"\")")
				return false, nil
			}
			cr.buf = append(cr.buf, cell...)
			i += j
		}
		cr.cells = append(cr.cells, [2]int{start, len(cr.buf)})
		cr.pos = append(cr.pos, cellPos)
		cr.quoted = append(cr.quoted, quoted)
		if i >= len(line) {
			return true, nil
		}
		i++ // the separator
	}
}

// skipLine skips line, one of a record's lines inside a quoted cell, and
// the rest of the record after it (see skipRest). A line too long to
// return has been followed already.
func (cr *csvReader) skipLine(line []byte, tooLong bool, recordAt int64, startLine int, report func()) error {
	if !tooLong {
		cr.scan.feed(line)
		cr.scan.feed([]byte{'\n'})
	}
	return cr.skipRest(recordAt, startLine, report)
}

// skipRest skips the lines of a record being dropped while they are
// inside a quoted cell, up to the line where the cell closes, so that the
// next record is read from its start, then calls report. It returns io.EOF
// when the file ends inside the cell. In a block that may not start a
// record, the cell may have opened before the block did: the record is
// then left to be read line by line from recordAt (bf.open), which
// reports it, so report is not called.
func (cr *csvReader) skipRest(recordAt int64, startLine int, report func()) error {
	bf, lr := cr.bf, &cr.bf.lr
	for cr.scan.open() {
		line, tooLong, err := lr.next()
		if errors.Is(err, io.EOF) {
			if bf.speculative {
				bf.open, bf.openLine = int(recordAt), startLine
				return io.EOF
			}
			break
		}
		if err != nil {
			return err
		}
		if !tooLong { // lr fed a line too long to return to cr.scan
			cr.scan.feed(line)
			cr.scan.feed([]byte{'\n'})
		}
	}
	report()
	if cr.scan.open() {
		return io.EOF
	}
	return nil
}

// readCSV reads a header row, then one claim per record.
func (bf *bulkFile) readCSV(comma byte) error {
	cr := &csvReader{bf: bf, comma: comma}
	var cols []int
	for cols == nil {
		ok, err := cr.read()
		if errors.Is(err, io.EOF) {
			if !bf.stop {
				bf.errorAt(1, 1, "empty", "the file is empty; a claim file starts with a header row such as topic,value,source,date")
			}
			return nil
		}
		if err != nil {
			return err
		}
		if ok {
			if cols = bf.header(cr); len(cols) == 0 {
				return nil // reported; without the columns no row can be read
			}
		}
	}
	return bf.readBlocks(func(bf *bulkFile) error { return bf.csvRows(comma, cols) })
}

// csvRows reads one claim per record until the lines end.
func (bf *bulkFile) csvRows(comma byte, cols []int) error {
	cr := &csvReader{bf: bf, comma: comma}
	for {
		ok, err := cr.read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if len(cr.cells) != len(cols) {
			bf.problem(diag.Errorf(cr.pos[0], "csv", "the row has %d cells; the header has %d", len(cr.cells), len(cols)))
			continue
		}
		bf.row.reset(diag.Pos{File: bf.name, Line: cr.pos[0].Line, Col: 1})
		for i, f := range cols {
			if f >= 0 {
				bf.setCell(cr, f, i)
			}
		}
		bf.endRow()
	}
}

// header maps each column to a claim field (-1 for a column reported as
// unknown). It returns nil when the header lacks a required column.
func (bf *bulkFile) header(cr *csvReader) []int {
	cols := make([]int, len(cr.cells))
	first := map[int]int{}
	for i := range cr.cells {
		name := strings.ToLower(strings.TrimSpace(string(cr.cell(i))))
		cols[i] = -1
		f := claimFieldIndex(name)
		switch {
		case name == "":
			bf.problem(diag.Errorf(cr.pos[i], "unknown-field", "column %d of the header has no name", i+1))
		case f < 0 && !diag.Plain(name):
			// Perhaps not a claim file at all: its text stays unquoted.
			bf.problem(diag.Errorf(cr.pos[i], "unknown-field", "column %d of the header is not a claim field, nor a plain name", i+1))
		case f < 0:
			bf.problem(diag.Problem{Pos: cr.pos[i], Severity: diag.Error, Code: "unknown-field",
				Message: fmt.Sprintf("unknown column %q in the header", name), Hint: suggest.Field(name, claims.ClaimFields)})
		default:
			if prev, dup := first[f]; dup {
				bf.problem(diag.Errorf(cr.pos[i], "duplicate-key", "column %q appears twice in the header (first as column %d)", name, prev+1))
				continue
			}
			first[f] = i
			cols[i] = f
		}
	}
	var missing []string
	for _, f := range [...]int{fTopic, fValue, fSource} {
		if _, ok := first[f]; !ok {
			missing = append(missing, claims.ClaimFields[f])
		}
	}
	if len(missing) > 0 {
		bf.fileProblem(diag.Problem{Pos: cr.pos[0], Severity: diag.Error, Code: "missing-field",
			Message: fmt.Sprintf("the header has no %s column", strings.Join(missing, ", no ")),
			Hint:    "a claim file starts with a header row naming its columns: " + strings.Join(claims.ClaimFields, ",")})
		return nil
	}
	return cols
}

// setCell reads cell i of the record into field f.
func (bf *bulkFile) setCell(cr *csvReader, f, i int) {
	text, at := cr.cell(i), cr.pos[i]
	switch f {
	case fVia:
		// Outlets are separated by ; or |, as spreadsheets cannot hold lists.
		off := 0
		if cr.quoted[i] {
			off = 1
		}
		for len(text) > 0 {
			j := bytes.IndexAny(text, ";|")
			if j < 0 {
				j = len(text)
			}
			part := text[:j]
			lead := len(part) - len(bytes.TrimLeft(part, " \t"))
			p := at
			p.Col += off + utf8.RuneCount(text[:lead])
			bf.addVia(bytes.TrimSpace(part), p)
			if j == len(text) {
				break
			}
			off += utf8.RuneCount(text[:j+1])
			text = text[j+1:]
		}
	case fContext:
		bf.csvContext(text, at)
	default:
		bf.set(f, text, at)
	}
}

// csvContext reads qualifiers written key=value;key2=value2. A part
// without "=" belongs to the value before it, so values may hold ";".
func (bf *bulkFile) csvContext(text []byte, at diag.Pos) {
	var key, val []byte
	flush := func() {
		if key != nil {
			bf.addContext(key, bytes.TrimSpace(val), at)
		}
	}
	for _, part := range bytes.Split(text, []byte{';'}) {
		if len(bytes.TrimSpace(part)) == 0 {
			continue
		}
		k, v, ok := bytes.Cut(part, []byte{'='})
		if !ok && key != nil {
			val = append(append(val, ';'), part...)
			continue
		}
		if !ok || len(bytes.TrimSpace(k)) == 0 {
			bf.problem(diag.Errorf(at, "wrong-type", "context must be key=value pairs separated by ; (as in draft=28-point;lang=en), not %q", diag.Clip(string(text), 40)))
			bf.row.badField = true
			return
		}
		flush()
		key, val = bytes.TrimSpace(k), append([]byte(nil), v...)
	}
	flush()
}
