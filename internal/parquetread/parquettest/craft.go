// Package parquettest makes hostile Parquet files byte by byte, for
// tests: what parquet-go would never write, and what a pull request can
// commit.
package parquettest

import (
	"encoding/binary"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/encoding/delta"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// Page is one page of a crafted column chunk: its body as stored,
// and the size it says it inflates to (the body's size when 0).
type Page struct {
	Type         format.PageType
	Values       int32
	Encoding     format.Encoding
	Uncompressed int32
	Body         []byte
}

// Col is one required leaf column and its pages.
type Col struct {
	Name      string
	Type      format.Type
	Converted deprecated.ConvertedType
	Codec     format.CompressionCodec
	Pages     []Page
}

// Craft writes a file of one row group of rows rows.
func Craft(t testing.TB, rows int64, cols ...Col) []byte {
	t.Helper()
	out := []byte("PAR1")
	schema := []format.SchemaElement{{Name: "schema", NumChildren: thrift.New(int32(len(cols)))}}
	var chunks []format.ColumnChunk
	for _, c := range cols {
		el := format.SchemaElement{Name: c.Name, Type: thrift.New(c.Type), RepetitionType: thrift.New(format.Required)}
		if c.Converted != 0 {
			el.ConvertedType = thrift.New(c.Converted)
		}
		schema = append(schema, el)
		start := int64(len(out))
		meta := format.ColumnMetaData{Type: c.Type, Encoding: []format.Encoding{format.Plain}, PathInSchema: []string{c.Name},
			Codec: c.Codec, NumValues: rows, DataPageOffset: -1}
		for _, p := range c.Pages {
			h := format.PageHeader{Type: p.Type, UncompressedPageSize: p.Uncompressed, CompressedPageSize: int32(len(p.Body))}
			if h.UncompressedPageSize == 0 {
				h.UncompressedPageSize = int32(len(p.Body))
			}
			if p.Type == format.DictionaryPage {
				h.DictionaryPageHeader = thrift.New(format.DictionaryPageHeader{NumValues: p.Values, Encoding: format.Plain})
				meta.DictionaryPageOffset = int64(len(out))
			} else {
				h.DataPageHeader = thrift.New(format.DataPageHeader{NumValues: p.Values, Encoding: p.Encoding,
					DefinitionLevelEncoding: format.RLE, RepetitionLevelEncoding: format.RLE})
				if meta.DataPageOffset < 0 {
					meta.DataPageOffset = int64(len(out))
				}
			}
			head, err := thrift.Marshal(new(thrift.CompactProtocol), &h)
			if err != nil {
				t.Fatal(err)
			}
			out = append(append(out, head...), p.Body...)
			meta.TotalUncompressedSize += int64(len(head)) + int64(h.UncompressedPageSize)
		}
		meta.TotalCompressedSize = int64(len(out)) - start
		chunks = append(chunks, format.ColumnChunk{FileOffset: start, MetaData: meta})
	}
	fm := format.FileMetaData{Version: 1, Schema: schema, NumRows: rows,
		RowGroups: []format.RowGroup{{Columns: chunks, NumRows: rows, TotalByteSize: int64(len(out))}}}
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &fm)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, footer...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(footer)))
	return append(out, "PAR1"...)
}

// PlainColumn is a column of n copies of text, plain.
func PlainColumn(name, text string, n int) Col {
	var body []byte
	for range n {
		body = binary.LittleEndian.AppendUint32(body, uint32(len(text)))
		body = append(body, text...)
	}
	return Col{Name: name, Type: format.ByteArray, Pages: []Page{{Type: format.DataPage, Values: int32(n), Encoding: format.Plain, Body: body}}}
}

// DictColumn is a column of n copies of text, as a dictionary of one
// entry and one run of n zero indexes: a few bytes for any n.
func DictColumn(name, text string, n int) Col {
	dict := binary.LittleEndian.AppendUint32(nil, uint32(len(text)))
	dict = append(dict, text...)
	idx := binary.AppendUvarint([]byte{1}, uint64(n)<<1) // width 1, a run of n
	idx = append(idx, 0)
	return Col{Name: name, Type: format.ByteArray, Pages: []Page{
		{Type: format.DictionaryPage, Values: 1, Encoding: format.Plain, Body: dict},
		{Type: format.DataPage, Values: int32(n), Encoding: format.RLEDictionary, Body: idx},
	}}
}

// Zstd compresses b as tightly as zstd can.
func Zstd(t testing.TB, b []byte) []byte {
	t.Helper()
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	return enc.EncodeAll(b, nil)
}

// DeltaInts writes xs DELTA_BINARY_PACKED.
func DeltaInts(t testing.TB, xs []int64) []byte {
	t.Helper()
	b, err := new(delta.BinaryPackedEncoding).EncodeInt64(nil, xs)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
