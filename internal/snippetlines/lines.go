// Package snippetlines reads the lines of ledger files that problem
// snippets show, from files held in memory or on disk, compressed
// feeds expanded, each file read once from the top for problems sorted
// by position.
package snippetlines

import (
	"bufio"
	"bytes"
	"io"
	"os"

	"github.com/claimdiff/claimdiff/claims/bulk"
	"github.com/claimdiff/claimdiff/claims/load"
)

// Lines reads the lines of ledger files that problem snippets
// show. Problems come sorted by position (diag.Sort), so each file is
// read once, from the top, by a cursor that only moves forward: lint on
// a terminal costs the files plus the problems, not problems × files. A
// line before the cursor, which sorted problems never ask for, starts
// the file again. Files held in memory (the built-in example, a file at
// a git revision) have their line starts indexed once.
type Lines struct {
	mem map[string][]byte
	// starts holds the line starts of each file in mem, once indexed.
	starts map[string][]int
	cur    *lineCursor
	// open opens a file on disk; tests count the opens.
	open func(string) (io.ReadCloser, error)
}

// lineCursor is one open file and the number of lines read from it.
type lineCursor struct {
	file string
	c    io.Closer
	sc   *bufio.Scanner
	read int
}

// New reads snippets from mem (a file's name to its text), then from
// disk. Close it when done.
func New(mem map[string][]byte) *Lines {
	m := map[string][]byte{}
	for name, data := range mem {
		if load.FormatOf(name) == load.Parquet {
			continue
		}
		if c, _ := bulk.CompressionOf(name); c != bulk.Uncompressed {
			// Expanded once, for the file's snippets.
			zr, err := bulk.Decompress(name, bytes.NewReader(data))
			if err != nil {
				continue
			}
			data, err = io.ReadAll(io.LimitReader(zr, 1<<30))
			if err != nil {
				continue
			}
		}
		m[name] = data
	}
	return &Lines{mem: m, starts: map[string][]int{}, open: openText}
}

// openText opens a file on disk as the text its lines count: a
// compressed feed (claims.csv.gz) expanded.
func openText(name string) (io.ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	zr, err := bulk.Decompress(name, bufio.NewReader(f))
	if err != nil {
		f.Close()
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, closers{zr, f}}, nil
}

// closers closes each in turn.
type closers []io.Closer

func (cs closers) Close() error {
	var first error
	for _, c := range cs {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Line is line n (from 1) of file. A Parquet file has rows rather than
// lines, and no snippets: its bytes are binary.
func (s *Lines) Line(file string, n int) (string, bool) {
	if n < 1 {
		return "", false
	}
	if data, ok := s.mem[file]; ok {
		return s.memLine(file, data, n)
	}
	if load.FormatOf(file) == load.Parquet {
		return "", false
	}
	if s.cur == nil || s.cur.file != file || s.cur.read >= n {
		s.Close()
		f, err := s.open(file)
		if err != nil {
			return "", false
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		s.cur = &lineCursor{file: file, c: f, sc: sc}
	}
	for s.cur.sc.Scan() {
		if s.cur.read++; s.cur.read == n {
			return s.cur.sc.Text(), true
		}
	}
	s.Close()
	return "", false
}

func (s *Lines) memLine(file string, data []byte, n int) (string, bool) {
	starts, ok := s.starts[file]
	if !ok {
		starts = []int{0}
		for i, b := range data {
			if b == '\n' {
				starts = append(starts, i+1)
			}
		}
		s.starts[file] = starts
	}
	if n > len(starts) {
		return "", false
	}
	line := data[starts[n-1]:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return string(line), true
}

// Close closes the file the cursor has open.
func (s *Lines) Close() {
	if s.cur != nil {
		s.cur.c.Close()
		s.cur = nil
	}
}
