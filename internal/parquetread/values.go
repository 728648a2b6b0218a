package parquetread

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"time"
)

// Decoding a page's values into the text claimdiff reads. Text columns
// give their bytes; numbers, dates, timestamps and booleans are written
// out as the other bulk formats would hold them (600000, 2025-11-20,
// 2025-11-20T14:40:00Z, true), so a column typed by another tool reads as
// its text would.

// How a page's values are stored.
const (
	vPlain = iota
	vPlainBool
	vRLEBool
	vDictionary
	vNumbers // decoded ahead into nums: DELTA_BINARY_PACKED
	vDeltaLength
	vDeltaBytes
	vSplit // BYTE_STREAM_SPLIT
)

// pqValueReader reads the values of one page, one at a time.
type pqValueReader struct {
	d     *Decoder
	leaf  *Leaf
	mode  int
	data  []byte
	i     int
	left  int // values not yet read
	count int // values in the page
	bit   uint64
	rle   rleReader
	nums  []int64
	prev  []byte // DELTA_BYTE_ARRAY: the value before
	width int    // bytes a fixed-width value takes
	fixed [16]byte
	// charged is what text has taken from the budget for this page's
	// values before copying them (DELTA_BYTE_ARRAY prefixes), which
	// entries does not take again.
	charged int64
}

// reset makes v read n values of leaf stored in data with encoding enc.
func (v *pqValueReader) reset(d *Decoder, leaf *Leaf, enc int32, data []byte, n int, hasDict bool) error {
	*v = pqValueReader{d: d, leaf: leaf, data: data, left: n, count: n, width: leaf.width(), nums: v.nums[:0], prev: v.prev[:0]}
	switch {
	case enc == pqPlainDictionary || enc == pqRLEDictionary:
		if !hasDict {
			return fmt.Errorf("column %q has a page that refers to a dictionary it does not have", leaf.path)
		}
		v.mode = vDictionary
		if n == 0 {
			return nil
		}
		if len(data) < 1 || data[0] > 32 {
			return fmt.Errorf("column %q has a dictionary page whose index width is not valid", leaf.path)
		}
		v.rle = rleReader{b: data[1:], w: uint(data[0])}
	case enc == pqPlain && leaf.typ == pqBoolean:
		v.mode = vPlainBool
	case enc == pqPlain:
		v.mode = vPlain
	case enc == pqRLE && leaf.typ == pqBoolean:
		v.mode = vRLEBool
		if len(data) < 4 || uint64(binary.LittleEndian.Uint32(data)) > uint64(len(data)-4) {
			return fmt.Errorf("column %q has a page of booleans whose runs are cut short", leaf.path)
		}
		v.rle = rleReader{b: data[4 : 4+binary.LittleEndian.Uint32(data)], w: 1}
	case enc == pqDeltaBinary && (leaf.typ == pqInt32 || leaf.typ == pqInt64):
		v.mode = vNumbers
		var err error
		v.nums, v.i, err = deltaBinary(v.nums, data, n)
		return err
	case enc == pqDeltaLengthBytes && leaf.typ == pqByteArray:
		v.mode = vDeltaLength
		var err error
		d.lengths, v.i, err = deltaBinary(d.lengths, data, n)
		return err
	case enc == pqDeltaBytes && (leaf.typ == pqByteArray || leaf.typ == pqFixedLenByteArray):
		v.mode = vDeltaBytes
		var err error
		var at int
		if d.prefixes, at, err = deltaBinary(d.prefixes, data, n); err != nil {
			return err
		}
		var more int
		d.lengths, more, err = deltaBinary(d.lengths, data[at:], n)
		v.i = at + more
		return err
	case enc == pqByteStreamSplit && v.width > 0 && v.width <= len(v.fixed):
		v.mode = vSplit
		if len(data) < v.width*n {
			return fmt.Errorf("column %q has a page that holds fewer values than it says", leaf.path)
		}
	default:
		return fmt.Errorf("column %q has a page written with encoding %d, which claimdiff does not read for %s", leaf.path, enc, pqTypeNames[leaf.typ])
	}
	return nil
}

// next reads the next value: its text is appended to dst, or for a value
// in the chunk's dictionary is already there; s says where.
func (v *pqValueReader) next(dst []byte) (out []byte, s Span, err error) {
	if v.mode == vDictionary {
		if v.left == 0 {
			return dst, s, fmt.Errorf("column %q has a page that holds fewer values than it says", v.leaf.path)
		}
		v.left--
		j, err := v.rle.next()
		if err != nil {
			return dst, s, fmt.Errorf("column %q: dictionary indexes: %w", v.leaf.path, err)
		}
		if j >= uint64(len(v.d.dict)) {
			return dst, s, fmt.Errorf("column %q refers to entry %d of a dictionary of %d", v.leaf.path, j, len(v.d.dict))
		}
		return dst, v.d.dict[j], nil
	}
	start := len(dst)
	out, err = v.text(dst)
	if len(out) > 1<<31-1 {
		return dst, s, fmt.Errorf("column %q holds more than 2 GiB in one row group", v.leaf.path)
	}
	return out, Span{int32(start), int32(len(out))}, err
}

// text appends the next value's text to dst.
func (v *pqValueReader) text(dst []byte) ([]byte, error) {
	if v.left == 0 {
		return dst, fmt.Errorf("column %q has a page that holds fewer values than it says", v.leaf.path)
	}
	k := v.count - v.left
	v.left--
	short := func() ([]byte, error) {
		return dst, fmt.Errorf("column %q has a page that holds fewer values than it says", v.leaf.path)
	}
	switch v.mode {
	case vPlainBool:
		if v.bit >= 8*uint64(len(v.data)) {
			return short()
		}
		b := v.data[v.bit>>3]>>(v.bit&7)&1 == 1
		v.bit++
		return strconv.AppendBool(dst, b), nil
	case vRLEBool:
		b, err := v.rle.next()
		if err != nil {
			return dst, fmt.Errorf("column %q: %w", v.leaf.path, err)
		}
		return strconv.AppendBool(dst, b == 1), nil
	case vNumbers:
		return v.leaf.appendInt(dst, v.nums[k]), nil
	case vDeltaLength:
		size := v.d.lengths[k]
		if size < 0 || size > int64(len(v.data)-v.i) {
			return short()
		}
		b := v.data[v.i : v.i+int(size)]
		v.i += int(size)
		return v.leaf.appendBytes(dst, b), nil
	case vDeltaBytes:
		pre, size := v.d.prefixes[k], v.d.lengths[k]
		if pre < 0 || pre > int64(len(v.prev)) || size < 0 || size > int64(len(v.data)-v.i) {
			return short()
		}
		// A value may repeat the whole of the one before for no bytes of
		// its own, so the page's size does not bound what it copies: a
		// 24 KB file of a 1 MB value said again took 6 GB. Charge first.
		if !v.d.budget.Take(pre + size) {
			return dst, ErrBudget
		}
		v.charged += pre + size
		v.prev = append(v.prev[:pre], v.data[v.i:v.i+int(size)]...)
		v.i += int(size)
		return v.leaf.appendBytes(dst, v.prev), nil
	case vSplit:
		for j := range v.width {
			v.fixed[j] = v.data[j*v.count+k]
		}
		return v.leaf.appendBytes(dst, v.fixed[:v.width]), nil
	}
	// Plain.
	if v.leaf.typ == pqByteArray {
		if len(v.data)-v.i < 4 {
			return short()
		}
		size := binary.LittleEndian.Uint32(v.data[v.i:])
		if uint64(size) > uint64(len(v.data)-v.i-4) {
			return short()
		}
		b := v.data[v.i+4 : v.i+4+int(size)]
		v.i += 4 + int(size)
		return append(dst, b...), nil
	}
	if v.width == 0 || len(v.data)-v.i < v.width {
		return short()
	}
	b := v.data[v.i : v.i+v.width]
	v.i += v.width
	return v.leaf.appendBytes(dst, b), nil
}

// readDictionary reads a dictionary page: its values, plain, go to the
// column's text, and d.dict says where each is.
func (d *Decoder) readDictionary(leaf *Leaf, h *pqPageHeader, page []byte, out *Column) error {
	if h.encoding != pqPlain && h.encoding != pqPlainDictionary {
		return fmt.Errorf("column %q has a dictionary written with encoding %d; claimdiff reads plain ones", leaf.path, h.encoding)
	}
	n := int(h.numValues)
	if n > maxPageValues {
		return fmt.Errorf("a dictionary holds %d values, more than the limit of %d", n, maxPageValues)
	}
	if !d.budget.Take(int64(len(page)) + 8*int64(n)) {
		return ErrBudget
	}
	var v pqValueReader
	if err := v.reset(d, leaf, pqPlain, page, n, false); err != nil {
		return err
	}
	for range n {
		var s Span
		var err error
		if out.text, s, err = v.next(out.text); err != nil {
			return err
		}
		d.dict = append(d.dict, s)
	}
	return nil
}

// width is how many bytes a plain value of the leaf takes; 0 for byte
// arrays, whose values give their length.
func (l *Leaf) width() int {
	switch l.typ {
	case pqInt32, pqFloat:
		return 4
	case pqInt64, pqDouble:
		return 8
	case pqInt96:
		return 12
	case pqFixedLenByteArray:
		return int(l.typeLength)
	}
	return 0
}

// appendBytes appends the text of a value stored as b: a byte array as it
// is, a fixed-width number written out.
func (l *Leaf) appendBytes(dst, b []byte) []byte {
	switch l.typ {
	case pqInt32:
		return l.appendInt(dst, int64(int32(binary.LittleEndian.Uint32(b))))
	case pqInt64:
		return l.appendInt(dst, int64(binary.LittleEndian.Uint64(b)))
	case pqFloat:
		return strconv.AppendFloat(dst, float64(math.Float32frombits(binary.LittleEndian.Uint32(b))), 'f', -1, 32)
	case pqDouble:
		return strconv.AppendFloat(dst, math.Float64frombits(binary.LittleEndian.Uint64(b)), 'f', -1, 64)
	case pqInt96:
		return appendInt96(dst, b)
	case pqFixedLenByteArray:
		if l.meaning == pqDecimal {
			return appendDecimalBytes(dst, b, l.scale)
		}
	}
	return append(dst, b...)
}

// A decimal is read up to 32 bytes (77 digits, twice what DuckDB and
// Arrow write), so that its text, and the work of writing it out, stay
// small whatever the file says.
const (
	maxDecimalBytes = 32
	maxDecimalScale = 80
)

// appendDecimalBytes writes a decimal stored as a big-endian two's
// complement integer, scaled, as its exact text.
func appendDecimalBytes(dst, b []byte, scale int) []byte {
	start := len(dst)
	if len(b) <= 8 {
		var x int64
		if len(b) > 0 && b[0]&0x80 != 0 {
			x = -1
		}
		for _, c := range b {
			x = x<<8 | int64(c)
		}
		dst = strconv.AppendInt(dst, x, 10)
	} else {
		x := new(big.Int).SetBytes(b)
		if b[0]&0x80 != 0 {
			x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
		}
		dst = x.Append(dst, 10)
	}
	return placePoint(dst, start, scale)
}

// placePoint puts a decimal point scale digits from the end of the
// integer written at dst[start:], so 600000 of scale 3 reads 600.000 and
// -5 of scale 2 reads -0.05: the exact value, with the digits the column
// keeps.
func placePoint(dst []byte, start, scale int) []byte {
	if scale <= 0 {
		return dst
	}
	if dst[start] == '-' {
		start++
	}
	// Pad with zeros so that a digit is left before the point.
	if pad := scale + 1 - (len(dst) - start); pad > 0 {
		dst = slices.Insert(dst, start, bytes.Repeat([]byte{'0'}, pad)...)
	}
	at := len(dst) - scale
	return slices.Insert(dst, at, '.')
}

// julianUnixEpoch is the Julian day number of 1970-01-01.
const julianUnixEpoch = 2440588

// appendInt96 writes an INT96 timestamp, as Spark and Hive write them
// (nanoseconds into the day, then the Julian day, little-endian), as RFC
// 3339 in UTC. They carry no zone: by the writers' convention they are
// UTC.
func appendInt96(dst, b []byte) []byte {
	nanos := int64(binary.LittleEndian.Uint64(b[:8]))
	day := int64(binary.LittleEndian.Uint32(b[8:12])) - julianUnixEpoch
	if nanos < 0 || nanos >= 86400e9 {
		// Not a time of day: the value as a number, which the claim's
		// field will then refuse with its own message.
		return strconv.AppendInt(dst, nanos, 10)
	}
	return appendInstant(dst, time.Unix(day*86400, nanos))
}

// appendInstant writes a timestamp as RFC 3339 in UTC, or as its date
// when it is midnight UTC: a tool that reads a column of dates and times
// into one timestamp type (DuckDB does) turns the dates into midnights,
// which read back as the dates they were.
func appendInstant(dst []byte, t time.Time) []byte {
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.AppendFormat(dst, time.DateOnly)
	}
	return t.AppendFormat(dst, time.RFC3339Nano)
}

// MinDateDay and MaxDateDay are the days of 0001-01-01 and 9999-12-31
// since 1970-01-01: the dates a claim can hold, and so the DATE values
// read as dates (a writer of claims holds to them too).
const (
	MinDateDay = -719162
	MaxDateDay = 2932896
)

// appendInt writes an integer as its meaning says: a date, a time, or a
// number.
func (l *Leaf) appendInt(dst []byte, x int64) []byte {
	if l.typ == pqInt32 {
		x = int64(int32(x))
	}
	switch l.meaning {
	case pqDate:
		if x < MinDateDay || x > MaxDateDay {
			// Out of range: x*86400 would wrap (-2^63 read as 1970-01-01).
			// The number as it is, which the claim's field then refuses.
			return strconv.AppendInt(dst, x, 10)
		}
		return time.Unix(x*86400, 0).UTC().AppendFormat(dst, time.DateOnly)
	case pqTimestampMillis:
		return appendInstant(dst, time.UnixMilli(x))
	case pqTimestampMicros:
		return appendInstant(dst, time.UnixMicro(x))
	case pqTimestampNanos:
		return appendInstant(dst, time.Unix(0, x))
	case pqDecimal:
		return placePoint(strconv.AppendInt(dst, x, 10), len(dst), l.scale)
	case pqUnsigned:
		if l.typ == pqInt32 {
			return strconv.AppendUint(dst, uint64(uint32(x)), 10)
		}
		return strconv.AppendUint(dst, uint64(x), 10)
	}
	return strconv.AppendInt(dst, x, 10)
}

// deltaBinary decodes n values written DELTA_BINARY_PACKED at the start of
// data into dst, and says how many bytes they took.
func deltaBinary(dst []int64, data []byte, n int) ([]int64, int, error) {
	bad := func(what string) ([]int64, int, error) {
		return dst, 0, fmt.Errorf("a delta-encoded page is not valid: %s", what)
	}
	i := 0
	uvar := func() (uint64, bool) {
		x, k := binary.Uvarint(data[min(i, len(data)):])
		if k <= 0 {
			return 0, false
		}
		i += k
		return x, true
	}
	zvar := func() (int64, bool) {
		x, ok := uvar()
		return int64(x>>1) ^ -int64(x&1), ok
	}
	blockSize, ok1 := uvar()
	miniblocks, ok2 := uvar()
	total, ok3 := uvar()
	first, ok4 := zvar()
	switch {
	case !ok1 || !ok2 || !ok3 || !ok4:
		return bad("its header is cut short")
	case blockSize == 0 || blockSize%128 != 0 || blockSize > 1<<20:
		return bad("its block size is not a multiple of 128")
	case miniblocks == 0 || blockSize%miniblocks != 0 || (blockSize/miniblocks)%32 != 0:
		return bad("its miniblocks do not divide its blocks")
	case total != uint64(n):
		return bad(fmt.Sprintf("it holds %d values where its page has %d", total, n))
	}
	dst = dst[:0]
	if n == 0 {
		return dst, i, nil
	}
	if cap(dst) < n {
		dst = make([]int64, 0, n)
	}
	dst = append(dst, first)
	per := blockSize / miniblocks
	prev := uint64(first)
	for len(dst) < n {
		minDelta, ok := zvar()
		if !ok || uint64(len(data)-i) < miniblocks {
			return bad("a block is cut short")
		}
		widths := data[i : i+int(miniblocks)]
		i += int(miniblocks)
		for _, w := range widths {
			if len(dst) == n {
				break
			}
			if w > 64 {
				return bad("a miniblock's bit width is over 64")
			}
			size := per * uint64(w) / 8
			if size > uint64(len(data)-i) {
				return bad("a miniblock is cut short")
			}
			mb := data[i : i+int(size)]
			for j := uint64(0); j < per && len(dst) < n; j++ {
				prev += uint64(minDelta) + bitsAt(mb, j*uint64(w), uint(w))
				dst = append(dst, int64(prev))
			}
			i += int(size)
		}
	}
	return dst, i, nil
}
