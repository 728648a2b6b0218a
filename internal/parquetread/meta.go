package parquetread

import (
	"encoding/binary"
	"fmt"
	"io"
)

// What claimdiff reads of a Parquet file's footer and page headers: the
// fields it needs, by their Thrift ids in parquet.thrift, and nothing of
// statistics, indexes or bloom filters.

// Physical types.
const (
	pqBoolean = iota
	pqInt32
	pqInt64
	pqInt96
	pqFloat
	pqDouble
	pqByteArray
	pqFixedLenByteArray
	pqNoType = -1 // no type: a group of fields
)

var pqTypeNames = [...]string{"BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"}

// Repetitions.
const (
	pqRequired = 0
	pqOptional = 1
	pqRepeated = 2
)

// Encodings.
const (
	pqPlain            = 0
	pqPlainDictionary  = 2
	pqRLE              = 3
	pqBitPacked        = 4
	pqDeltaBinary      = 5
	pqDeltaLengthBytes = 6
	pqDeltaBytes       = 7
	pqRLEDictionary    = 8
	pqByteStreamSplit  = 9
)

// Compression codecs.
const (
	pqUncompressed = 0
	pqSnappy       = 1
	pqGzip         = 2
	pqBrotli       = 4
	pqLZ4          = 5
	pqZstd         = 6
	pqLZ4Raw       = 7
)

var pqCodecNames = [...]string{"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"}

// Page types.
const (
	pqDataPage       = 0
	pqIndexPage      = 1
	pqDictionaryPage = 2
	pqDataPageV2     = 3
)

// What a column's values mean beyond their physical type, from its
// logical type (or the older converted type).
const (
	pqPlainMeaning = iota
	pqString
	pqDate
	pqTimestampMillis
	pqTimestampMicros
	pqTimestampNanos
	pqUnsigned
	pqList
	pqMap
	pqDecimal
	pqOther // a meaning claimdiff does not read: decimals, times, UUIDs…
)

type pqSchemaElem struct {
	typ         int // a physical type, or pqNoType
	typeLength  int32
	repetition  int32
	name        string
	numChildren int32
	meaning     int
	scale       int64 // of a decimal
}

type pqChunk struct {
	external, encrypted, hasMeta bool
	typ                          int32
	codec                        int32
	numValues                    int64
	totalCompressed              int64
	totalUncompressed            int64
	dataPage, dictPage           int64
}

type pqRowGroup struct {
	columns []pqChunk
	numRows int64
}

type pqMeta struct {
	schema    []pqSchemaElem
	rowGroups []pqRowGroup
	encrypted bool
}

// maxFooterBytes caps a Parquet footer: a claim file's, with hundreds of
// row groups of a dozen columns, takes well under a MiB.
const maxFooterBytes = 16 << 20

// readFooter reads and decodes the footer of a Parquet file of size
// bytes; end is where the column data must end (the footer's start).
func readFooter(ra io.ReaderAt, size int64) (m *pqMeta, end int64, err error) {
	if size < 12 {
		return nil, 0, fmt.Errorf("the file is too short to be Parquet (%d bytes)", size)
	}
	var head, tail [8]byte
	if _, err := ra.ReadAt(head[:4], 0); err != nil {
		return nil, 0, err
	}
	if _, err := ra.ReadAt(tail[:], size-8); err != nil {
		return nil, 0, err
	}
	switch {
	case string(head[:4]) == "PARE" || string(tail[4:]) == "PARE":
		return nil, 0, fmt.Errorf("the file is encrypted; claimdiff reads only plain Parquet files")
	case string(head[:4]) != "PAR1" || string(tail[4:]) != "PAR1":
		return nil, 0, fmt.Errorf("this is not a Parquet file: it does not start and end with PAR1")
	}
	n := int64(binary.LittleEndian.Uint32(tail[:4]))
	if n > size-12 || n > maxFooterBytes {
		return nil, 0, fmt.Errorf("the footer says it takes %d bytes, more than the file holds", n)
	}
	footer := make([]byte, n)
	end = size - 8 - n
	if _, err := ra.ReadAt(footer, end); err != nil {
		return nil, 0, err
	}
	r := &thriftReader{b: footer}
	m = parseFileMeta(r)
	if r.err != nil {
		return nil, 0, fmt.Errorf("the footer is not valid Parquet metadata: %w", r.err)
	}
	return m, end, nil
}

func parseFileMeta(r *thriftReader) *pqMeta {
	m := &pqMeta{}
	r.fields(func(id int16, typ byte) {
		switch id {
		case 2:
			r.structs(typ, func() { m.schema = append(m.schema, parseSchemaElem(r)) })
		case 4:
			r.structs(typ, func() { m.rowGroups = append(m.rowGroups, parseRowGroup(r)) })
		case 8:
			m.encrypted = true
		}
	})
	return m
}

func parseSchemaElem(r *thriftReader) pqSchemaElem {
	e := pqSchemaElem{typ: pqNoType, repetition: pqRequired}
	converted, logical := int64(-1), pqPlainMeaning
	var scale, logicalScale int64
	r.fields(func(id int16, typ byte) {
		switch id {
		case 1:
			if t := r.int(typ); t >= 0 && t <= pqFixedLenByteArray {
				e.typ = int(t)
			} else {
				r.failf("a column has the unknown type %d", t)
			}
		case 2:
			e.typeLength = int32(r.int(typ))
		case 3:
			e.repetition = int32(r.int(typ))
		case 4:
			e.name = r.str(typ)
		case 5:
			e.numChildren = int32(r.int(typ))
		case 6:
			converted = r.int(typ)
		case 7:
			scale = r.int(typ)
		case 10:
			logical, logicalScale = parseLogicalType(r, typ)
		}
	})
	switch {
	case logical != pqPlainMeaning:
		e.meaning, e.scale = logical, logicalScale
	case converted >= 0:
		e.meaning, e.scale = convertedMeaning(converted), scale
	}
	return e
}

// convertedMeaning reads the older converted_type.
func convertedMeaning(c int64) int {
	switch c {
	case 0, 4, 19: // UTF8, ENUM, JSON
		return pqString
	case 1, 2: // MAP, MAP_KEY_VALUE
		return pqMap
	case 3:
		return pqList
	case 5:
		return pqDecimal
	case 6:
		return pqDate
	case 9:
		return pqTimestampMillis
	case 10:
		return pqTimestampMicros
	case 11, 12, 13, 14: // UINT_8 … UINT_64
		return pqUnsigned
	case 15, 16, 17, 18: // INT_8 … INT_64
		return pqPlainMeaning
	}
	return pqOther
}

// parseLogicalType reads the LogicalType union.
func parseLogicalType(r *thriftReader, typ byte) (meaning int, scale int64) {
	meaning = pqPlainMeaning
	r.sub(typ, func(id int16, typ byte) {
		switch id {
		case 1, 4, 12: // STRING, ENUM, JSON
			meaning = pqString
		case 2:
			meaning = pqMap
		case 3:
			meaning = pqList
		case 5:
			meaning = pqDecimal
			r.sub(typ, func(id int16, typ byte) {
				if id == 1 {
					scale = r.int(typ)
				}
			})
		case 6:
			meaning = pqDate
		case 8:
			meaning = parseTimestamp(r, typ)
		case 10:
			meaning = pqPlainMeaning
			r.sub(typ, func(id int16, typ byte) {
				if id == 2 && typ == thriftFalse {
					meaning = pqUnsigned
				}
			})
		case 11: // UNKNOWN: always null
			meaning = pqPlainMeaning
		default:
			meaning = pqOther
		}
	})
	return meaning, scale
}

func parseTimestamp(r *thriftReader, typ byte) int {
	unit := pqOther
	r.sub(typ, func(id int16, typ byte) {
		if id == 2 {
			r.sub(typ, func(id int16, typ byte) {
				switch id {
				case 1:
					unit = pqTimestampMillis
				case 2:
					unit = pqTimestampMicros
				case 3:
					unit = pqTimestampNanos
				}
			})
		}
	})
	// A timestamp not adjusted to UTC is a wall-clock time: DuckDB's
	// TIMESTAMP, which is what it makes of claimdiff's own "…Z" text.
	// It is read as UTC, as INT96 timestamps are, rather than in the zone
	// of the machine that reads it.
	return unit
}

func parseRowGroup(r *thriftReader) pqRowGroup {
	var g pqRowGroup
	r.fields(func(id int16, typ byte) {
		switch id {
		case 1:
			r.structs(typ, func() { g.columns = append(g.columns, parseChunk(r)) })
		case 3:
			g.numRows = r.int(typ)
		}
	})
	return g
}

func parseChunk(r *thriftReader) pqChunk {
	var c pqChunk
	r.fields(func(id int16, typ byte) {
		switch id {
		case 1:
			c.external = r.str(typ) != ""
		case 3:
			c.hasMeta = typ == thriftStruct
			r.sub(typ, func(id int16, typ byte) {
				switch id {
				case 1:
					c.typ = int32(r.int(typ))
				case 4:
					c.codec = int32(r.int(typ))
				case 5:
					c.numValues = r.int(typ)
				case 6:
					c.totalUncompressed = r.int(typ)
				case 7:
					c.totalCompressed = r.int(typ)
				case 9:
					c.dataPage = r.int(typ)
				case 11:
					c.dictPage = r.int(typ)
				}
			})
		case 8, 9:
			c.encrypted = true
		}
	})
	return c
}

// pqPageHeader is what claimdiff reads of a page's header.
type pqPageHeader struct {
	typ                          int32
	uncompressed, compressed     int32
	numValues, numNulls, numRows int32
	encoding, defEnc, repEnc     int32
	defLen, repLen               int32 // data page v2: the levels' bytes
	compressedV2                 bool  // data page v2: the values are compressed
}

// parsePageHeader reads a page header from the start of b, and returns
// how many bytes it took.
func parsePageHeader(b []byte) (pqPageHeader, int, error) {
	h := pqPageHeader{compressedV2: true, defEnc: pqRLE, repEnc: pqRLE}
	r := &thriftReader{b: b}
	r.fields(func(id int16, typ byte) {
		switch id {
		case 1:
			h.typ = int32(r.int(typ))
		case 2:
			h.uncompressed = int32(r.int(typ))
		case 3:
			h.compressed = int32(r.int(typ))
		case 5, 7:
			r.sub(typ, func(id int16, typ byte) {
				switch id {
				case 1:
					h.numValues = int32(r.int(typ))
				case 2:
					h.encoding = int32(r.int(typ))
				case 3:
					h.defEnc = int32(r.int(typ))
				case 4:
					h.repEnc = int32(r.int(typ))
				}
			})
		case 8:
			r.sub(typ, func(id int16, typ byte) {
				switch id {
				case 1:
					h.numValues = int32(r.int(typ))
				case 2:
					h.numNulls = int32(r.int(typ))
				case 3:
					h.numRows = int32(r.int(typ))
				case 4:
					h.encoding = int32(r.int(typ))
				case 5:
					h.defLen = int32(r.int(typ))
				case 6:
					h.repLen = int32(r.int(typ))
				case 7:
					h.compressedV2 = typ == thriftTrue
				}
			})
		}
	})
	if r.err != nil {
		return h, 0, r.err
	}
	switch {
	case h.uncompressed < 0 || h.compressed < 0 || h.numValues < 0 || h.numNulls < 0 || h.numRows < 0 || h.defLen < 0 || h.repLen < 0:
		return h, 0, fmt.Errorf("a page header holds a negative size or count")
	case h.typ == pqDataPageV2 && int64(h.defLen)+int64(h.repLen) > int64(min(h.compressed, h.uncompressed)):
		return h, 0, fmt.Errorf("a page's levels are larger than the page")
	}
	return h, r.i, nil
}
