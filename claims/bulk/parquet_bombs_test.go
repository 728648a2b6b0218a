package bulk

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/encoding/delta"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// Hostile Parquet files, made byte by byte here: what parquet-go would
// never write, and what a pull request can commit.

// craftPage is one page of a crafted column chunk: its body as stored,
// and the size it says it inflates to (the body's size when 0).
type craftPage struct {
	typ          format.PageType
	values       int32
	encoding     format.Encoding
	uncompressed int32
	body         []byte
}

// craftCol is one required leaf column and its pages.
type craftCol struct {
	name      string
	typ       format.Type
	converted deprecated.ConvertedType
	codec     format.CompressionCodec
	pages     []craftPage
}

// craft writes a file of one row group of rows rows.
func craft(t testing.TB, rows int64, cols ...craftCol) []byte {
	t.Helper()
	out := []byte("PAR1")
	schema := []format.SchemaElement{{Name: "schema", NumChildren: thrift.New(int32(len(cols)))}}
	var chunks []format.ColumnChunk
	for _, c := range cols {
		el := format.SchemaElement{Name: c.name, Type: thrift.New(c.typ), RepetitionType: thrift.New(format.Required)}
		if c.converted != 0 {
			el.ConvertedType = thrift.New(c.converted)
		}
		schema = append(schema, el)
		start := int64(len(out))
		meta := format.ColumnMetaData{Type: c.typ, Encoding: []format.Encoding{format.Plain}, PathInSchema: []string{c.name},
			Codec: c.codec, NumValues: rows, DataPageOffset: -1}
		for _, p := range c.pages {
			h := format.PageHeader{Type: p.typ, UncompressedPageSize: p.uncompressed, CompressedPageSize: int32(len(p.body))}
			if h.UncompressedPageSize == 0 {
				h.UncompressedPageSize = int32(len(p.body))
			}
			if p.typ == format.DictionaryPage {
				h.DictionaryPageHeader = thrift.New(format.DictionaryPageHeader{NumValues: p.values, Encoding: format.Plain})
				meta.DictionaryPageOffset = int64(len(out))
			} else {
				h.DataPageHeader = thrift.New(format.DataPageHeader{NumValues: p.values, Encoding: p.encoding,
					DefinitionLevelEncoding: format.RLE, RepetitionLevelEncoding: format.RLE})
				if meta.DataPageOffset < 0 {
					meta.DataPageOffset = int64(len(out))
				}
			}
			head, err := thrift.Marshal(new(thrift.CompactProtocol), &h)
			if err != nil {
				t.Fatal(err)
			}
			out = append(append(out, head...), p.body...)
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

// plainColumn is a column of n copies of text, plain.
func plainColumn(name, text string, n int) craftCol {
	var body []byte
	for range n {
		body = binary.LittleEndian.AppendUint32(body, uint32(len(text)))
		body = append(body, text...)
	}
	return craftCol{name: name, typ: format.ByteArray, pages: []craftPage{{typ: format.DataPage, values: int32(n), encoding: format.Plain, body: body}}}
}

// dictColumn is a column of n copies of text, as a dictionary of one
// entry and one run of n zero indexes: a few bytes for any n.
func dictColumn(name, text string, n int) craftCol {
	dict := binary.LittleEndian.AppendUint32(nil, uint32(len(text)))
	dict = append(dict, text...)
	idx := binary.AppendUvarint([]byte{1}, uint64(n)<<1) // width 1, a run of n
	idx = append(idx, 0)
	return craftCol{name: name, typ: format.ByteArray, pages: []craftPage{
		{typ: format.DictionaryPage, values: 1, encoding: format.Plain, body: dict},
		{typ: format.DataPage, values: int32(n), encoding: format.RLEDictionary, body: idx},
	}}
}

func zstdBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	return enc.EncodeAll(b, nil)
}

func deltaInts(t testing.TB, xs []int64) []byte {
	t.Helper()
	b, err := new(delta.BinaryPackedEncoding).EncodeInt64(nil, xs)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A DELTA_BYTE_ARRAY page whose first value is 1 MB and every later one
// "the same prefix, no suffix" is charged as it is copied: it is refused
// at the budget, and never copies more than the budget allows (it took
// 6 GB of memory for a 24 KB file).
func TestParquetDeltaBytesBomb(t *testing.T) {
	const n, size = 4096, 1 << 20
	pre, lens := make([]int64, n), make([]int64, n)
	lens[0] = size
	for i := 1; i < n; i++ {
		pre[i] = size
	}
	page := append(deltaInts(t, pre), deltaInts(t, lens)...)
	page = append(page, strings.Repeat("a", size)...)
	value := craftCol{name: "value", typ: format.ByteArray, codec: format.Zstd, pages: []craftPage{
		{typ: format.DataPage, values: n, encoding: format.DeltaByteArray, uncompressed: int32(len(page)), body: zstdBytes(t, page)}}}
	data := craft(t, n, dictColumn("topic", "t", n), value, dictColumn("source", "s", n))
	if len(data) > 64<<10 {
		t.Fatalf("the bomb takes %d bytes", len(data))
	}
	budget := int64(64 << 20)
	b := readBytes(t, data, Options{parquetBudget: budget})
	if len(b.problems) != 1 || b.problems[0].Code != "too-large" {
		t.Fatalf("problems %q, want the budget's", problemList(b.problems))
	}
	if len(b.claims) != 0 {
		t.Errorf("%d claims read from a bomb", len(b.claims))
	}
}

// Pages that hold no values but say they inflate to 128 MiB are refused
// before they are inflated (an 825 KB file of them cost 17 s of CPU and
// linted clean), and what pages inflate to is charged to the budget.
func TestParquetEmptyInflatingPages(t *testing.T) {
	const rows = 4
	zeros := make([]byte, 128<<20)
	frame := zstdBytes(t, zeros)
	value := plainColumn("value", "1", rows)
	value.codec = format.Zstd
	body := value.pages[0].body
	value.pages = []craftPage{{typ: format.DataPage, values: 0, encoding: format.Plain, uncompressed: int32(len(zeros)), body: frame}}
	for range 3 {
		value.pages = append(value.pages, value.pages[0])
	}
	value.pages = append(value.pages, craftPage{typ: format.DataPage, values: rows, encoding: format.Plain,
		uncompressed: int32(len(body)), body: zstdBytes(t, body)})
	data := craft(t, rows, plainColumn("topic", "t", rows), value, plainColumn("source", "s", rows))
	b := readBytes(t, data, Options{})
	want := "x.parquet:1:0 parquet: a page says it holds 134217728 bytes for 0 values, far more than they could take"
	sameProblems(t, b.problems, want)

	// Pages that do hold a value, and inflate to a MiB past it: the
	// inflating is charged, so a budget smaller than what they inflate
	// to stops them, though their values take a few bytes.
	fat := plainColumn("value", "1", 1)
	fat.codec = format.Zstd
	padded := append(append([]byte(nil), fat.pages[0].body...), make([]byte, 1<<20-64)...)
	fat.pages = nil
	for range rows {
		fat.pages = append(fat.pages, craftPage{typ: format.DataPage, values: 1, encoding: format.Plain,
			uncompressed: int32(len(padded)), body: zstdBytes(t, padded)})
	}
	data = craft(t, rows, plainColumn("topic", "t", rows), fat, plainColumn("source", "s", rows))
	b = readBytes(t, data, Options{parquetBudget: 2 << 20})
	if len(b.problems) == 0 || b.problems[0].Code != "too-large" {
		t.Errorf("inflating pages past the budget: %q", problemList(b.problems))
	}
}

// The Parquet files of one load share one budget: three tiny files of
// run-length dictionary pages cannot each expand to a GiB.
func TestParquetBudgetPerLoad(t *testing.T) {
	const n = 1 << 20
	data := craft(t, n, dictColumn("topic", "t", n), dictColumn("value", "1", n), dictColumn("source", "s", n))
	if len(data) > 2<<10 {
		t.Fatalf("the file takes %d bytes", len(data))
	}
	// The first file reads whole: a million claims fit 1 GiB. The second
	// would too on a budget of its own, but not on the load's.
	budget := NewBudget()
	for i, name := range []string{"a.parquet", "b.parquet"} {
		b, err := read(name, bytes.NewReader(data), int64(len(data)), Options{Budget: budget})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case i == 0 && (len(b.problems) != 0 || len(b.claims) != n):
			t.Fatalf("the first file: %q, %d claims", problemList(b.problems), len(b.claims))
		case i == 1 && (len(b.claims) == n || len(b.problems) != 1 ||
			!strings.Contains(b.problems[0].Message, "the Parquet files of the ledger expand to more than 1024 MiB in memory together")):
			t.Errorf("the second file: %d claims, %q", len(b.claims), problemList(b.problems))
		}
	}
}

// An INT64 DATE out of a date's range is not wrapped into one: -2^63
// read as 1970-01-01. It is the number, which the date field refuses.
func TestParquetDateOutOfRange(t *testing.T) {
	var body []byte
	for _, d := range []int64{-1 << 63, 1<<63 - 1, 20412} {
		body = binary.LittleEndian.AppendUint64(body, uint64(d))
	}
	date := craftCol{name: "date", typ: format.Int64, converted: deprecated.Date, pages: []craftPage{
		{typ: format.DataPage, values: 3, encoding: format.Plain, body: body}}}
	data := craft(t, 3, plainColumn("topic", "t", 3), plainColumn("value", "1", 3), plainColumn("source", "s", 3), date)
	b := readBytes(t, data, Options{})
	var dates []string
	for _, c := range b.claims {
		dates = append(dates, c.Date)
	}
	if strings.Contains(strings.Join(dates, " "), "1970") || len(b.problems) != 2 {
		t.Errorf("dates %q, problems %q", dates, problemList(b.problems))
	}
	for _, p := range b.problems {
		if !strings.Contains(p.Message, "date") {
			t.Errorf("problem %q does not name the date", p.Message)
		}
	}
}
