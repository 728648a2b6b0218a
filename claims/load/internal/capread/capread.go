// Package capread reads a YAML file under two caps, on its size and on
// the length of any one scalar in it, and stops as soon as either is
// passed: a hostile file costs what the caps allow, not what it holds.
package capread

import (
	"bytes"
	"errors"
	"io"
	"os"
)

// ErrTooLarge stops reading a file at its size cap.
var ErrTooLarge = errors.New("file too large")

// LongError stops reading a file at a scalar over the cap; At is where
// the scalar's text starts.
type LongError struct{ At int64 }

func (e *LongError) Error() string { return "scalar too long" }

// Find returns where a run of data over maxScalar bytes starts, which
// can only be part of a scalar over that cap, for a file already read.
func Find(data []byte, maxScalar int64) (at int64, found bool) {
	return newRunScanner(maxScalar).scan(data, 0)
}

// File reads the file name, stopping at limit bytes (ErrTooLarge) and at
// the first scalar that is certainly over maxScalar bytes (a *LongError,
// with what was read up to it). Other errors are os.Open's and Read's.
func File(name string, limit, maxScalar int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(64 << 10)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = min(st.Size(), limit) + 1
	}
	return Reader(f, limit, size, maxScalar)
}

// Reader reads r whole, as File does, into a buffer sized for size bytes
// (the file's size, when it is known).
func Reader(r io.Reader, limit, size, maxScalar int64) ([]byte, error) {
	runs := newRunScanner(maxScalar)
	// The first 16 MiB, then the whole size at once: a file given up at
	// its first megabytes never costs its full size, and a large file
	// that is read whole is copied once.
	data := make([]byte, 0, min(size, 16<<20))
	for {
		if len(data) == cap(data) {
			grown := make([]byte, len(data), max(size, 2*int64(cap(data))))
			copy(grown, data)
			data = grown
		}
		// Chunks of at most 1 MiB keep the scan close behind the read.
		room := data[len(data):min(cap(data), len(data)+1<<20)]
		n, err := r.Read(room)
		if at, long := runs.scan(data[:len(data)+n], len(data)); long {
			return data[:len(data)+n], &LongError{at}
		}
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, ErrTooLarge
		}
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// runScanner finds, while a file is being read, a stretch of bytes that
// can only be the inside of one scalar and is already longer than the cap
// on a scalar, so that reading can stop there rather than after yaml.v3
// has read the whole file (a 100 MB title took 2.5 s and 650 MB before).
//
// It must never call a legal file too long, so a run is a lower bound on
// the scalar it lies in: it stops at anything that might end a scalar or
// start another token (line ends, flow indicators, colons, quotes, a
// comment), and skips escapes, which are longer than what they stand
// for, and what may be an indicator, anchor, alias or tag at its start.
// A long scalar written in some other way (broken over lines, full of
// commas) is still refused, by the check on each value after decoding.
type runScanner struct {
	limit int64
	// line is where the line being read starts. Only a line longer than
	// the limit can hold a run over it, so the others are passed over: a
	// 150 MB ledger of short lines costs next to nothing, where a
	// byte-by-byte scan took 0.4 s. long is set while a line longer than
	// the limit is scanned byte by byte (feed), which has gone up to done.
	line, done int64
	long       bool
	// start is the offset of the first byte of the current run, or -1;
	// end is just past its last byte that is not a space or tab.
	start, end int64
	// skip is set inside a comment or a block scalar's header, which run
	// to the end of the line; token inside an anchor, alias or tag,
	// which run to the next space.
	skip, token bool
	// prev is the byte before the one being scanned.
	prev byte
	// blocks finds block scalars over the limit, whose lines are short.
	blocks blockScanner
}

func newRunScanner(limit int64) *runScanner {
	s := &runScanner{limit: limit, blocks: blockScanner{limit: limit}}
	s.reset()
	return s
}

// reset readies feed for the start of a line.
func (s *runScanner) reset() {
	s.start, s.skip, s.token, s.prev = -1, false, false, '\n'
}

// scan looks at data[from:], where data is the file as far as it has been
// read and data[:from] was scanned before, and returns where a run over
// the limit starts, once there is one.
//
// A line holds a long run only if no newline falls within limit+1 bytes
// of its start, so scan jumps from line to line a window at a time,
// finding the window's last newline from its end: in a ledger of short
// lines that looks at a few bytes per megabyte.
func (s *runScanner) scan(data []byte, from int) (int64, bool) {
	if at, long := s.blocks.scan(data); long {
		return at, true
	}
	n := int64(len(data))
	for {
		if s.long {
			// A long line, being scanned byte by byte.
			end := n
			if i := bytes.IndexByte(data[s.done:], '\n'); i >= 0 {
				end = s.done + int64(i)
			}
			at, long := s.feed(data[s.done:end], s.done)
			if long {
				return at, true
			}
			if end == n {
				s.done = n
				return 0, false
			}
			s.line, s.long = end+1, false
			continue
		}
		if n-s.line <= s.limit {
			// Too little left to tell; move to the last line begun.
			start := max(int64(from), s.line)
			if i := bytes.LastIndexByte(data[start:], '\n'); i >= 0 {
				s.line = start + int64(i) + 1
			}
			return 0, false
		}
		if i := bytes.LastIndexByte(data[s.line:s.line+s.limit+1], '\n'); i >= 0 {
			s.line += int64(i) + 1
			continue
		}
		// No newline within the limit: scan this line byte by byte.
		s.reset()
		s.long, s.done = true, s.line
	}
}

// feed scans chunk, part of one line that starts at offset base of the
// file or continues where the last call stopped, byte by byte.
func (s *runScanner) feed(chunk []byte, base int64) (int64, bool) {
	skipped := 0
	if base == 0 && bytes.HasPrefix(chunk, []byte("\ufeff")) {
		skipped = 3 // a byte order mark is not part of the text
	}
	for i, c := range chunk[skipped:] {
		i += skipped
		prev := s.prev
		s.prev = c
		switch {
		case c == '\n' || c == '\r':
			s.start, s.skip, s.token = -1, false, false
			continue
		case s.skip:
			continue
		case c == ' ' || c == '\t':
			s.token = false
			continue
		case s.token:
			continue
		}
		switch c {
		case '#':
			// After a space it starts a comment, and yaml.v3 also takes
			// it so after a flow indicator or a quote ("{}#"): only
			// inside a run is it surely text.
			if s.start < 0 || prev == ' ' || prev == '\t' {
				s.start, s.skip = -1, true // a comment
				continue
			}
		case ',', '[', ']', '{', '}', ':', '"', '\'':
			s.start = -1
			continue
		case '\\':
			// Perhaps an escape, \x41 or \u0041, whose text is longer
			// than what it stands for: skip to the next space.
			s.start, s.token = -1, true
			continue
		}
		if s.start < 0 {
			switch c {
			case '&', '*', '!':
				s.token = true
				continue
			case '|', '>', '%', '@', '`':
				s.skip = true
				continue
			case '-', '?', '.':
				// Perhaps an indicator ("- ", "? ") or a document marker
				// ("---", "..."); the run starts after it either way.
				continue
			}
			s.start = base + int64(i)
		}
		s.end = base + int64(i) + 1
		if s.end-s.start > s.limit {
			return s.start, true
		}
	}
	return 0, false
}
