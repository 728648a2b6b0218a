package parquetread

import (
	"errors"
	"fmt"
)

// Parquet writes its metadata (the footer and each page's header) in
// Thrift's compact protocol. thriftReader reads it from bytes in memory,
// field by field, into claimdiff's own small structs. Every count and
// length it meets is held to the bytes left, so metadata, however
// hostile, never makes it allocate more than the input holds, and
// nesting is capped so that it never recurses deeply.

// Compact protocol types.
const (
	thriftStop   = 0
	thriftTrue   = 1
	thriftFalse  = 2
	thriftByte   = 3
	thriftI16    = 4
	thriftI32    = 5
	thriftI64    = 6
	thriftDouble = 7
	thriftBinary = 8
	thriftList   = 9
	thriftSet    = 10
	thriftMap    = 11
	thriftStruct = 12
	thriftUUID   = 13
)

// maxThriftDepth bounds the nesting of structs and lists; Parquet's
// metadata nests a handful deep.
const maxThriftDepth = 32

// errThriftShort says the bytes ended inside a value: the metadata is cut
// short, or the caller gave too few bytes (a page header read in part).
var errThriftShort = errors.New("the metadata ends too soon")

type thriftReader struct {
	b     []byte
	i     int
	depth int
	err   error
}

func (r *thriftReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *thriftReader) failf(format string, args ...any) { r.fail(fmt.Errorf(format, args...)) }

// left is how many bytes are unread.
func (r *thriftReader) left() int { return len(r.b) - r.i }

func (r *thriftReader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.i >= len(r.b) {
		r.fail(errThriftShort)
		return 0
	}
	c := r.b[r.i]
	r.i++
	return c
}

func (r *thriftReader) uvarint() uint64 {
	var x uint64
	for shift := uint(0); shift < 70; shift += 7 {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		if shift == 63 && c > 1 {
			r.failf("a number in the metadata overflows 64 bits")
			return 0
		}
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	r.failf("a number in the metadata overflows 64 bits")
	return 0
}

// varint reads a zigzag-encoded signed integer.
func (r *thriftReader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// i32 reads an i32 (or a smaller integer, which the compact protocol
// writes the same way), refusing one out of range.
func (r *thriftReader) i32() int32 {
	v := r.varint()
	if v < -1<<31 || v > 1<<31-1 {
		r.failf("a 32-bit number in the metadata is out of range")
		return 0
	}
	return int32(v)
}

// binary returns the bytes of a string or binary value, within r.b.
func (r *thriftReader) binary() []byte {
	n := r.uvarint()
	if r.err != nil {
		return nil
	}
	if n > uint64(r.left()) {
		r.fail(errThriftShort)
		return nil
	}
	b := r.b[r.i : r.i+int(n)]
	r.i += int(n)
	return b
}

// list reads a list or set header: its elements' type and count. Every
// element takes at least a byte, so a count over the bytes left is a lie.
func (r *thriftReader) list() (elem byte, n int) {
	h := r.byte()
	elem, size := h&0x0f, uint64(h>>4)
	if size == 15 {
		size = r.uvarint()
	}
	if r.err == nil && size > uint64(r.left()) {
		r.failf("a list in the metadata says it holds %d entries in %d bytes", size, r.left())
	}
	if r.err != nil {
		return 0, 0
	}
	return elem, int(size)
}

// structs reads a list of structs, calling elem for each, which reads
// the struct with fields. A list of another type is skipped.
func (r *thriftReader) structs(typ byte, elem func()) {
	if typ != thriftList && typ != thriftSet {
		r.skip(typ)
		return
	}
	et, n := r.list()
	for range n {
		if r.err != nil {
			return
		}
		if et == thriftStruct {
			elem() // which reads it with fields
		} else {
			r.skip(et)
		}
	}
}

// sub reads a field that holds a struct with fields; a field of another
// type is skipped.
func (r *thriftReader) sub(typ byte, field func(id int16, typ byte)) {
	if typ != thriftStruct {
		r.skip(typ)
		return
	}
	r.fields(field)
}

// fields reads a struct, calling field with each field's id and type;
// field reads the value (or calls skip). Fields may come in any order.
func (r *thriftReader) fields(field func(id int16, typ byte)) {
	if r.depth++; r.depth > maxThriftDepth {
		r.failf("the metadata nests deeper than %d levels", maxThriftDepth)
		return
	}
	defer func() { r.depth-- }()
	var last int16
	for r.err == nil {
		h := r.byte()
		if r.err != nil || h == thriftStop {
			return
		}
		typ, delta := h&0x0f, int16(h>>4)
		id := last + delta
		if delta == 0 {
			id = int16(r.i32())
		}
		last = id
		start := r.i
		field(id, typ)
		if r.err == nil && r.i == start && typ != thriftTrue && typ != thriftFalse {
			r.skip(typ) // field did not read it
		}
	}
}

// skip reads a value of typ and drops it.
func (r *thriftReader) skip(typ byte) {
	switch typ {
	case thriftTrue, thriftFalse:
	case thriftByte:
		r.byte()
	case thriftI16, thriftI32, thriftI64:
		r.uvarint()
	case thriftDouble:
		r.bytes(8)
	case thriftUUID:
		r.bytes(16)
	case thriftBinary:
		r.binary()
	case thriftList, thriftSet:
		if r.depth++; r.depth > maxThriftDepth {
			r.failf("the metadata nests deeper than %d levels", maxThriftDepth)
			return
		}
		elem, n := r.list()
		for i := 0; i < n && r.err == nil; i++ {
			if elem == thriftTrue || elem == thriftFalse {
				r.byte() // in a list, a bool takes a byte
			} else {
				r.skip(elem)
			}
		}
		r.depth--
	case thriftMap:
		if r.depth++; r.depth > maxThriftDepth {
			r.failf("the metadata nests deeper than %d levels", maxThriftDepth)
			return
		}
		n := r.uvarint()
		if r.err == nil && n > uint64(r.left())/2 {
			r.failf("a map in the metadata says it holds %d entries in %d bytes", n, r.left())
		}
		if n > 0 && r.err == nil {
			kv := r.byte()
			for i := uint64(0); i < n && r.err == nil; i++ {
				r.skip(kv >> 4)
				r.skip(kv & 0x0f)
			}
		}
		r.depth--
	case thriftStruct:
		r.fields(func(int16, byte) {})
	default:
		r.failf("the metadata holds a value of unknown type %d", typ)
	}
}

func (r *thriftReader) bytes(n int) {
	if r.err == nil && n > r.left() {
		r.fail(errThriftShort)
		return
	}
	if r.err == nil {
		r.i += n
	}
}

// int reads an integer field as int64 whatever its width; a field of
// another type is skipped and reads as 0.
func (r *thriftReader) int(typ byte) int64 {
	switch typ {
	case thriftByte:
		return int64(int8(r.byte()))
	case thriftI16, thriftI32, thriftI64:
		return r.varint()
	}
	r.skip(typ)
	return 0
}

// str reads a string field; a field of another type is skipped.
func (r *thriftReader) str(typ byte) string {
	if typ != thriftBinary {
		r.skip(typ)
		return ""
	}
	return string(r.binary())
}
