package parquetread

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/snappy"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
)

// Decompressing a page into exactly the bytes its header says it holds,
// with every codec Parquet writers use but LZO and the old Hadoop LZ4.

// decompress returns src decompressed, which must be exactly want bytes.
func (d *Decoder) decompress(codec int32, src []byte, want int32) ([]byte, error) {
	if codec == pqUncompressed {
		if len(src) != int(want) {
			return nil, fmt.Errorf("an uncompressed page's sizes disagree")
		}
		return src, nil
	}
	// Inflating costs time and memory whatever the page holds.
	if !d.budget.Take(int64(want)) {
		return nil, ErrBudget
	}
	d.page = grow(d.page, int(want))
	dst := d.page
	var err error
	switch codec {
	case pqSnappy:
		var n int
		if n, err = snappy.DecodedLen(src); err == nil && n != len(dst) {
			err = fmt.Errorf("it holds %d bytes, not the %d its header says", n, len(dst))
		}
		if err == nil {
			var out []byte
			out, err = snappy.Decode(dst, src)
			if err == nil && len(out) != len(dst) {
				err = fmt.Errorf("it holds %d bytes, not the %d its header says", len(out), len(dst))
			}
		}
	case pqZstd:
		if d.zstd == nil {
			d.zstd, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxPageBytes))
			if err != nil {
				return nil, err
			}
		}
		var out []byte
		out, err = d.zstd.DecodeAll(src, dst[:0])
		if err == nil && len(out) != len(dst) {
			err = fmt.Errorf("it holds %d bytes, not the %d its header says", len(out), len(dst))
		}
		if err == nil {
			copy(dst, out) // nothing to copy unless DecodeAll moved it
		}
	case pqGzip:
		if d.gzip == nil {
			d.gzip, err = gzip.NewReader(bytes.NewReader(src))
		} else {
			err = d.gzip.Reset(bytes.NewReader(src))
		}
		if err == nil {
			err = readExactly(d.gzip, dst)
		}
	case pqBrotli:
		err = readExactly(brotli.NewReader(bytes.NewReader(src)), dst)
	case pqLZ4Raw:
		var n int
		if n, err = lz4.UncompressBlock(src, dst); err == nil && n != len(dst) {
			err = fmt.Errorf("it holds %d bytes, not the %d its header says", n, len(dst))
		}
	default:
		return nil, fmt.Errorf("the compression %s is not one claimdiff reads", codecName(codec))
	}
	if err != nil {
		return nil, fmt.Errorf("a %s page does not decompress: %w", codecName(codec), err)
	}
	return dst, nil
}

func codecName(codec int32) string {
	if codec >= 0 && int(codec) < len(pqCodecNames) {
		return pqCodecNames[codec]
	}
	return fmt.Sprintf("number %d", codec)
}

// readExactly fills dst from r, which must then be at its end.
func readExactly(r io.Reader, dst []byte) error {
	if _, err := io.ReadFull(r, dst); err != nil {
		return &causeError{"it holds fewer bytes than its header says", err}
	}
	var one [1]byte
	if n, _ := r.Read(one[:]); n > 0 {
		return fmt.Errorf("it holds more bytes than its header says")
	}
	return nil
}

// causeError says what is wrong in words of its own, and keeps the error
// that showed it (a corrupt stream, or one cut short) for a caller.
type causeError struct {
	msg string
	err error
}

func (e *causeError) Error() string { return e.msg }
func (e *causeError) Unwrap() error { return e.err }
