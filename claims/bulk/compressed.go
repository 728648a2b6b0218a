package bulk

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// Feeds arrive compressed: a day of flight statuses is a .csv.gz. A text
// bulk file whose name ends in .gz or .zst is read through a decompressor,
// streaming, and everything else about it is as for the plain file: its
// format is the extension before, positions count lines of the expanded
// text, and the row and line caps apply to what it expands to.
//
// A plain file's size is the bytes on disk, but a compressed one can
// expand a thousandfold (a gzip bomb), so what it expands to is capped
// too, as a Parquet file's is (budgetFor): 64 times its size and 1 GiB,
// far beyond a real feed (a flight day is 13 times its size). Reading
// stops at the cap, having expanded no more than that.

// Compression is how a bulk file is compressed as a whole.
type Compression int

const (
	Uncompressed Compression = iota
	Gzip
	Zstd
)

// CompressionOf tells a file's compression from its name, and the name
// without that extension, whose own extension tells the format.
func CompressionOf(name string) (Compression, string) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".gz":
		return Gzip, name[:len(name)-len(".gz")]
	case ".zst":
		return Zstd, name[:len(name)-len(".zst")]
	}
	return Uncompressed, name
}

// maxZstdWindow bounds the memory a zstd frame may ask the decoder for;
// zstd -19 uses 8 MiB, and --long 128 MiB.
const maxZstdWindow = 128 << 20

// Decompress reads r, the bytes of a file named name, as the text it
// holds: through a decompressor when the name says it is compressed, and
// as it is when not. The error says the data is not what the name says.
func Decompress(name string, r io.Reader) (io.ReadCloser, error) {
	c, _ := CompressionOf(name)
	switch c {
	case Gzip:
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, err
		}
		return zr, nil
	case Zstd:
		zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(maxZstdWindow),
			zstd.WithDecoderMaxMemory(maxZstdWindow*2))
		if err != nil {
			return nil, err
		}
		return zr.IOReadCloser(), nil
	}
	return io.NopCloser(r), nil
}

// gzipSizeHint is what a gzip file of size bytes, read from r, says it
// expands to: its last four bytes, the size of its last member mod 4 GiB.
// That is right for the usual file of one member under 4 GiB, and it only
// sizes the claim list, so a wrong one costs a copy or some room: it is
// held to 16 times the file, more than a feed expands.
func gzipSizeHint(c Compression, r io.Reader, size int64) int64 {
	ra, ok := r.(io.ReaderAt)
	if c != Gzip || !ok || size < 18 {
		return 0
	}
	var tail [4]byte
	if _, err := ra.ReadAt(tail[:], size-4); err != nil {
		return 0
	}
	n := int64(tail[0]) | int64(tail[1])<<8 | int64(tail[2])<<16 | int64(tail[3])<<24
	return min(n, 16*size)
}

// expandedLimit caps what a compressed file of size bytes expands to.
func expandedLimit(size int64) int64 { return budgetFor(size) }

// decompressError is a decompressor's complaint about the data, which is
// a problem of the file at the line reached, not a failure to read it.
type decompressError struct{ err error }

func (e *decompressError) Error() string { return e.err.Error() }
func (e *decompressError) Unwrap() error { return e.err }

// expanding reads the expanded text of a compressed file, telling its
// errors apart from those of the stream under it, which source marks: a
// disk that fails is a file that cannot be read, not bad data.
type expanding struct{ r io.Reader }

func (x expanding) Read(p []byte) (int, error) {
	n, err := x.r.Read(p)
	var se *sourceError
	switch {
	case err == nil, err == io.EOF:
	case errors.As(err, &se):
		err = se.err
	default:
		err = &decompressError{err}
	}
	return n, err
}

// source reads the compressed bytes, marking the stream's own errors.
type source struct{ r io.Reader }

type sourceError struct{ err error }

func (e *sourceError) Error() string { return e.err.Error() }

func (s source) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		err = &sourceError{err}
	}
	return n, err
}

// counting tells progress of the compressed bytes read, as the progress
// bar's total is the size on disk.
type counting struct {
	r        io.Reader
	progress func(int64)
}

func (c counting) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.progress(int64(n))
	}
	return n, err
}

// compressedProblem is the problem of a file whose data is not what its
// name says, or breaks off, after line.
func compressedProblem(name string, line int, err error) diag.Problem {
	what := "the file is not " + compressionName(name) + " data, as its name says"
	if line > 0 {
		what = fmt.Sprintf("the %s data breaks off after line %d; the rest is not read", compressionName(name), line)
	}
	msg := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "gzip: "), "zstd: ")
	return diag.Errorf(diag.Pos{File: name, Line: line + 1, Col: 1}, "bad-compression", "%s (%s)", what, diag.Clip(msg, 80))
}

func compressionName(name string) string {
	if c, _ := CompressionOf(name); c == Zstd {
		return "zstd"
	}
	return "gzip"
}

// isDecompressError reports an error of a compressed file's data, which
// expanding marks, not of the stream it is read from.
func isDecompressError(err error) bool {
	var de *decompressError
	return errors.As(err, &de)
}
