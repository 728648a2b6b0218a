package parquetread

import (
	"encoding/binary"
	"fmt"
	"math/bits"
)

// Levels and dictionary indexes are written in Parquet's hybrid of
// run-length and bit-packed runs. The reader decodes them a value at a
// time into what the page says it holds, so a run of a billion values in
// a few bytes costs nothing until they are asked for.

// readLevels fills dst with levels of at most maxLevel from src.
func readLevels(dst []uint8, src []byte, maxLevel int) error {
	rd := rleReader{b: src, w: uint(bits.Len(uint(maxLevel)))}
	for i := range dst {
		v, err := rd.next()
		if err != nil {
			return fmt.Errorf("a page's levels: %w", err)
		}
		if v > uint64(maxLevel) {
			return fmt.Errorf("a page holds the level %d, over its column's %d", v, maxLevel)
		}
		dst[i] = uint8(v)
	}
	return nil
}

// rleReader reads Parquet's hybrid of run-length and bit-packed runs, in
// which levels and dictionary indexes are written.
type rleReader struct {
	b []byte
	i int
	w uint
	// The current run: n values left, all v (RLE), or packed at bit
	// offset bit of b (bit-packed).
	n      uint64
	v      uint64
	packed bool
	bit    uint64
}

func (r *rleReader) next() (uint64, error) {
	for r.n == 0 {
		if r.i >= len(r.b) {
			return 0, fmt.Errorf("the runs end too soon")
		}
		h, k := binary.Uvarint(r.b[r.i:])
		if k <= 0 {
			return 0, fmt.Errorf("a run's header is not valid")
		}
		r.i += k
		if h&1 == 1 {
			// Groups of eight values; the last run may stop short.
			bytes := (h >> 1) * uint64(r.w)
			if h>>1 > uint64(len(r.b)) || bytes > uint64(len(r.b)-r.i) {
				bytes = uint64(len(r.b) - r.i)
			}
			r.packed, r.bit = true, uint64(r.i)*8
			if r.w > 0 {
				r.n = bytes * 8 / uint64(r.w)
			} else {
				r.n = min(h>>1, 1<<60) * 8
			}
			r.i += int(bytes)
			continue
		}
		size := int(r.w+7) / 8
		if size > len(r.b)-r.i {
			return 0, fmt.Errorf("the runs end too soon")
		}
		var v uint64
		for j := size - 1; j >= 0; j-- {
			v = v<<8 | uint64(r.b[r.i+j])
		}
		r.i += size
		r.packed, r.n, r.v = false, h>>1, v
	}
	r.n--
	if !r.packed {
		return r.v, nil
	}
	v := bitsAt(r.b, r.bit, r.w)
	r.bit += uint64(r.w)
	return v, nil
}

// bitsAt reads w bits (at most 64) of b at bit offset off, least
// significant first; bits past the end of b read as zero.
func bitsAt(b []byte, off uint64, w uint) uint64 {
	if w == 0 {
		return 0
	}
	i, s := off>>3, uint(off&7)
	var x uint64
	if i+8 <= uint64(len(b)) {
		x = binary.LittleEndian.Uint64(b[i:])
	} else if i < uint64(len(b)) {
		var t [8]byte
		copy(t[:], b[i:])
		x = binary.LittleEndian.Uint64(t[:])
	}
	x >>= s
	if w+s > 64 && i+8 < uint64(len(b)) {
		x |= uint64(b[i+8]) << (64 - s)
	}
	if w < 64 {
		x &= 1<<w - 1
	}
	return x
}
