package bulk

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"

	"github.com/claimdiff/claimdiff/internal/diag"
)

func readBytes(t testing.TB, data []byte, opts Options) *readResult {
	t.Helper()
	b, err := read("x.parquet", bytes.NewReader(data), int64(len(data)), opts)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return b
}

func sameProblems(t *testing.T, got []diag.Problem, want ...string) {
	t.Helper()
	if list := problemList(got); !slices.Equal(list, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(list, "\n"), strings.Join(want, "\n"))
	}
}

type noValueRow struct {
	Topic  string `parquet:"topic"`
	Source string `parquet:"source"`
	Qoute  string `parquet:"qoute"`
}

type badColumnsRow struct {
	Topic  string   `parquet:"topic"`
	Again  string   `parquet:"Topic"`
	Value  int64    `parquet:"value,time(microsecond)"` // a time of day is no value
	Source []string `parquet:"source,list"`
	Kind   string   `parquet:"kind"`
}

// Columns are matched to claim fields as a CSV header is, and one that
// cannot be read is named.
func TestParquetColumnProblems(t *testing.T) {
	b := readBytes(t, writeRows(t, []noValueRow{{"t", "s", "q"}}), Options{})
	sameProblems(t, b.problems,
		"x.parquet:0:0 unknown-field: unknown column \"qoute\"",
		"x.parquet:0:0 missing-field: the file has no value column")
	if b.problems[0].Hint == "" || !strings.Contains(b.problems[1].Hint, "id,topic,value") {
		t.Errorf("hints: %q, %q", b.problems[0].Hint, b.problems[1].Hint)
	}

	b = readBytes(t, writeRows(t, []badColumnsRow{{Topic: "t", Again: "u", Value: 5, Source: []string{"s"}}}), Options{})
	sameProblems(t, b.problems,
		"x.parquet:0:0 duplicate-key: column \"topic\" appears twice (first as column 1)",
		"x.parquet:0:0 wrong-type: column \"value\" holds INT64 values of a logical type claimdiff does not read; write them as text",
		"x.parquet:0:0 wrong-type: column \"source\" holds a list; only via may")
}

type rowProblemsRow struct {
	ID     string   `parquet:"id,optional"`
	Topic  string   `parquet:"topic,optional"`
	Value  string   `parquet:"value"`
	Source string   `parquet:"source"`
	Via    []string `parquet:"via,list"`
	Date   string   `parquet:"date,optional"`
	Quote  []byte   `parquet:"quote,optional"`
	Note   string   `parquet:"note,optional"`
}

// Rows are checked as the other formats' rows are, at row:column.
func TestParquetRowProblems(t *testing.T) {
	rows := []rowProblemsRow{
		{ID: "ok", Topic: "t", Value: "1", Source: "s", Via: []string{"ap"}},
		{Value: "2", Source: "s"},
		{Topic: "t", Value: "3", Source: "s", Date: "20 Nov"},
		{Topic: "t", Value: "4", Source: "s", Quote: []byte("bad \xff")},
		{Topic: "t", Value: "5", Source: "s", Note: "nul\x00"},
		{Topic: "t", Value: strings.Repeat("6", MaxLineBytes+1), Source: "s"},
		{ID: "bad id!", Topic: "t", Value: "7", Source: "s"},
		{Topic: "t", Value: "8", Source: "s", Via: []string{"", "afp"}},
	}
	b := readBytes(t, writeRows(t, rows), Options{})
	sameProblems(t, b.problems,
		"x.parquet:2:0 missing-field: claim has no topic",
		"x.parquet:3:6 bad-date: date \"20 Nov\" is not a date; write YYYY-MM-DD",
		"x.parquet:4:7 encoding: column \"quote\" holds invalid UTF-8; claim text must be UTF-8 (the row is skipped)",
		"x.parquet:5:8 control-char: column \"note\" holds a NUL character (the row is skipped)",
		"x.parquet:6:3 too-long: the value in column \"value\" is longer than the limit of 1 MiB; the row is skipped",
		"x.parquet:7:1 bad-id: claim id \"bad id!\" may hold only letters, digits and . _ / - and must start with a letter or digit")
	var got []string
	for _, c := range b.claims {
		got = append(got, c.Value.Raw+":"+strings.Join(c.Via, "+"))
	}
	if want := []string{"1:ap", "3:", "7:", "8:afp"}; !slices.Equal(got, want) {
		t.Errorf("claims %q, want %q", got, want)
	}
}

// validParquet is a small claim file, as export writes it.
func validParquet(t testing.TB, n int, opts ...parquet.WriterOption) []byte {
	cs := randomClaims(n, 3)
	rows := make([]ParquetRow, len(cs))
	for i := range cs {
		rows[i] = ledgerRow(&cs[i])
	}
	return writeRows(t, rows, opts...)
}

// A file that is not Parquet, or is cut short, or lies in its footer, is
// one problem that names it, and never a panic.
func TestParquetBroken(t *testing.T) {
	good := validParquet(t, 200)
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"empty":    {nil, "x.parquet:0:0 empty: the file is empty; a Parquet claim file starts and ends with PAR1"},
		"text":     {[]byte("topic,value,source\nt,1,s\n"), "x.parquet:0:0 parquet: this is not a Parquet file: it does not start and end with PAR1"},
		"short":    {[]byte("PAR1PAR1"), "x.parquet:0:0 parquet: the file is too short to be Parquet (8 bytes)"},
		"footer":   {footerLength(good, 1<<30), "x.parquet:0:0 parquet: the footer says it takes 1073741824 bytes, more than the file holds"},
		"cut":      {append(slices.Clip(good[:len(good)/2]), good[len(good)-8:]...), ""},
		"no magic": {good[4:], "x.parquet:0:0 parquet: this is not a Parquet file: it does not start and end with PAR1"},
	} {
		t.Run(name, func(t *testing.T) {
			b := readBytes(t, tc.data, Options{})
			if len(b.problems) != 1 || tc.want != "" && problemList(b.problems)[0] != tc.want {
				t.Fatalf("problems %q, want %q", problemList(b.problems), tc.want)
			}
		})
	}
	// Every cut of a valid file is read without a panic, and says so.
	for cut := 0; cut < len(good); cut += max(len(good)/300, 1) {
		data := append(slices.Clip(good[:cut]), good[len(good)-8:]...)
		if b := readBytes(t, data, Options{}); len(b.problems) == 0 {
			t.Fatalf("cut at %d: no problem, %d claims", cut, len(b.claims))
		}
	}
}

func footerLength(data []byte, n uint32) []byte {
	out := slices.Clone(data)
	binary.LittleEndian.PutUint32(out[len(out)-8:], n)
	return out
}

// The caps hold: claims past MaxRows, a file over MaxFileBytes, and a
// file that expands past its budget are each one problem.
func TestParquetCaps(t *testing.T) {
	data := validParquet(t, 3000, parquet.MaxRowsPerRowGroup(500))
	b := readBytes(t, data, Options{MaxRows: 1200})
	if len(b.claims) != 1200 {
		t.Errorf("MaxRows 1200: %d claims", len(b.claims))
	}
	sameProblems(t, b.problems, "x.parquet:1201:1 too-many-rows: the file holds more than 1200 claims; the rest are not read")

	b = readBytes(t, data, Options{MaxFileBytes: 1000})
	sameProblems(t, b.problems, "x.parquet:0:0 too-large: the file is larger than the limit of 1000 bytes")

	b = readBytes(t, data, Options{parquetBudget: 200 << 10})
	if len(b.problems) != 1 || b.problems[0].Code != "too-large" || len(b.claims) >= 3000 {
		t.Errorf("over budget: %d claims, %q", len(b.claims), problemList(b.problems))
	}
	if !strings.Contains(b.problems[0].Message, "the file expands to more than") {
		t.Errorf("over budget: %q", b.problems[0].Message)
	}
}

// FuzzParquet reads mangled claim files: never a panic, every problem
// names the file, and every claim read has what a claim must.
func FuzzParquet(f *testing.F) {
	f.Add(validParquet(f, 40))
	f.Add(validParquet(f, 40, parquet.DataPageVersion(2), parquet.Compression(&parquet.Snappy)))
	f.Add(validParquet(f, 40, parquet.DefaultEncodingFor(parquet.ByteArray, &parquet.DeltaByteArray), parquet.MaxRowsPerRowGroup(7)))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := read("f.parquet", bytes.NewReader(data), int64(len(data)), Options{MaxRows: 30, parquetBudget: 4 << 20})
		if err != nil {
			t.Fatalf("a file in memory failed to read: %v", err)
		}
		if len(b.claims) > 30 || len(b.claims) != len(b.places) {
			t.Fatalf("%d claims, %d places", len(b.claims), len(b.places))
		}
		for _, p := range b.problems {
			if p.Pos.File != "f.parquet" {
				t.Fatalf("a problem without the file: %v", p)
			}
		}
		for _, c := range b.claims {
			if c.Topic == "" || c.Value.Raw == "" || c.Source == "" || c.Pos.File != "f.parquet" || c.Pos.Line < 1 {
				t.Fatalf("a claim that is not one: %+v", c)
			}
		}
	})
}

// withMeta rewrites a Parquet file's footer after change has edited it:
// metadata that lies about the data it describes.
func withMeta(t *testing.T, data []byte, change func(*format.FileMetaData)) []byte {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)), parquet.SkipPageIndex(true))
	if err != nil {
		t.Fatal(err)
	}
	meta := *f.Metadata()
	change(&meta)
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &meta)
	if err != nil {
		t.Fatal(err)
	}
	n := binary.LittleEndian.Uint32(data[len(data)-8:])
	out := slices.Clone(data[:len(data)-8-int(n)])
	out = append(out, footer...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(footer)))
	return append(out, "PAR1"...)
}

// Counts and offsets in the footer are held to the data: a file that
// says it holds more or fewer rows than it does, or points outside
// itself, is one problem at its row group, and no claim of it is made up.
func TestParquetLyingMetadata(t *testing.T) {
	good := validParquet(t, 40)
	for name, tc := range map[string]struct {
		change func(*format.FileMetaData)
		want   string
	}{
		"more rows": {func(m *format.FileMetaData) { m.RowGroups[0].NumRows = 1<<31 - 1 },
			"x.parquet:1:0 parquet: column \"id\" holds 40 rows where its row group has 2147483647"},
		"rows past int32": {func(m *format.FileMetaData) { m.RowGroups[0].NumRows = 1 << 40 },
			"x.parquet:1:0 parquet: row group 1: it says it holds 1099511627776 rows"},
		"fewer rows": {func(m *format.FileMetaData) { m.RowGroups[0].NumRows = 5 },
			"x.parquet:1:0 parquet: column \"id\" holds more rows than its row group"},
		"outside": {func(m *format.FileMetaData) { m.RowGroups[0].Columns[0].MetaData.DataPageOffset = 1 << 40 },
			"x.parquet:1:0 parquet: row group 1: column \"id\"'s chunk lies outside the file's column data"},
		"too long": {func(m *format.FileMetaData) { m.RowGroups[0].Columns[2].MetaData.TotalCompressedSize = 1 << 40 },
			"x.parquet:1:0 parquet: row group 1: column \"value\"'s chunk lies outside the file's column data"},
		"no columns": {func(m *format.FileMetaData) { m.RowGroups[0].Columns = m.RowGroups[0].Columns[:3] },
			"x.parquet:1:0 parquet: row group 1: it has 3 columns where the schema has 19"},
		"encrypted": {func(m *format.FileMetaData) { m.EncryptionAlgorithm.Value = &format.AesGcmV1{} },
			"x.parquet:0:0 parquet: the file is encrypted; claimdiff reads only plain Parquet files"},
	} {
		t.Run(name, func(t *testing.T) {
			b := readBytes(t, withMeta(t, good, tc.change), Options{})
			sameProblems(t, b.problems, tc.want)
			if len(b.claims) > 0 {
				t.Errorf("%d claims read", len(b.claims))
			}
		})
	}
}
