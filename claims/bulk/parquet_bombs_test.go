package bulk

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"

	"github.com/claimdiff/claimdiff/internal/parquetread"
	"github.com/claimdiff/claimdiff/internal/parquetread/parquettest"
)

// A DELTA_BYTE_ARRAY page whose first value is 1 MB and every later one
// "the same prefix, no suffix" is charged as it is copied: it is refused
// at the budget, and never copies more than the budget allows (it took
// 6 GB of memory for a 24 KB file).
func TestParquetDeltaBytesBomb(t *testing.T) {
	t.Parallel()
	const n, size = 4096, 1 << 20
	pre, lens := make([]int64, n), make([]int64, n)
	lens[0] = size
	for i := 1; i < n; i++ {
		pre[i] = size
	}
	page := append(parquettest.DeltaInts(t, pre), parquettest.DeltaInts(t, lens)...)
	page = append(page, strings.Repeat("a", size)...)
	value := parquettest.Col{Name: "value", Type: format.ByteArray, Codec: format.Zstd, Pages: []parquettest.Page{
		{Type: format.DataPage, Values: n, Encoding: format.DeltaByteArray, Uncompressed: int32(len(page)), Body: parquettest.Zstd(t, page)}}}
	data := parquettest.Craft(t, int64(n), parquettest.DictColumn("topic", "t", n), value, parquettest.DictColumn("source", "s", n))
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
	t.Parallel()
	const rows = 4
	zeros := make([]byte, 128<<20)
	frame := parquettest.Zstd(t, zeros)
	value := parquettest.PlainColumn("value", "1", rows)
	value.Codec = format.Zstd
	body := value.Pages[0].Body
	value.Pages = []parquettest.Page{{Type: format.DataPage, Values: 0, Encoding: format.Plain, Uncompressed: int32(len(zeros)), Body: frame}}
	for range 3 {
		value.Pages = append(value.Pages, value.Pages[0])
	}
	value.Pages = append(value.Pages, parquettest.Page{Type: format.DataPage, Values: rows, Encoding: format.Plain,
		Uncompressed: int32(len(body)), Body: parquettest.Zstd(t, body)})
	data := parquettest.Craft(t, rows, parquettest.PlainColumn("topic", "t", rows), value, parquettest.PlainColumn("source", "s", rows))
	b := readBytes(t, data, Options{})
	want := "x.parquet:1:0 parquet: a page says it holds 134217728 bytes for 0 values, far more than they could take"
	sameProblems(t, b.problems, want)

	// Pages that do hold a value, and inflate to a MiB past it: the
	// inflating is charged, so a budget smaller than what they inflate
	// to stops them, though their values take a few bytes.
	fat := parquettest.PlainColumn("value", "1", 1)
	fat.Codec = format.Zstd
	padded := append(append([]byte(nil), fat.Pages[0].Body...), make([]byte, 1<<20-64)...)
	fat.Pages = nil
	for range rows {
		fat.Pages = append(fat.Pages, parquettest.Page{Type: format.DataPage, Values: 1, Encoding: format.Plain,
			Uncompressed: int32(len(padded)), Body: parquettest.Zstd(t, padded)})
	}
	data = parquettest.Craft(t, rows, parquettest.PlainColumn("topic", "t", rows), fat, parquettest.PlainColumn("source", "s", rows))
	b = readBytes(t, data, Options{parquetBudget: 2 << 20})
	if len(b.problems) == 0 || b.problems[0].Code != "too-large" {
		t.Errorf("inflating pages past the budget: %q", problemList(b.problems))
	}
}

// The Parquet files of one load share one budget: three tiny files of
// run-length dictionary pages cannot each expand to a GiB.
func TestParquetBudgetPerLoad(t *testing.T) {
	t.Parallel()
	// A load's real budget takes a million claims a file to pass; by
	// default the test gives the load a smaller one, which the same rule
	// holds to with 64 thousand.
	n, budget, limit := 1<<16, &Budget{pq: parquetread.NewBudget(48 << 20)}, "48 MiB"
	if sized(0, 1) == 1 {
		n, budget, limit = 1<<20, NewBudget(), "1024 MiB"
	}
	data := parquettest.Craft(t, int64(n), parquettest.DictColumn("topic", "t", n), parquettest.DictColumn("value", "1", n), parquettest.DictColumn("source", "s", n))
	if len(data) > 2<<10 {
		t.Fatalf("the file takes %d bytes", len(data))
	}
	// The first file reads whole: its claims fit the budget. The second
	// would too on a budget of its own, but not on the load's.
	for i, name := range []string{"a.parquet", "b.parquet"} {
		b, err := read(name, bytes.NewReader(data), int64(len(data)), Options{Budget: budget})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case i == 0 && (len(b.problems) != 0 || len(b.claims) != n):
			t.Fatalf("the first file: %q, %d claims", problemList(b.problems), len(b.claims))
		case i == 1 && (len(b.claims) == n || len(b.problems) != 1 ||
			!strings.Contains(b.problems[0].Message, "the Parquet files of the ledger expand to more than "+limit+" in memory together")):
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
	date := parquettest.Col{Name: "date", Type: format.Int64, Converted: deprecated.Date, Pages: []parquettest.Page{
		{Type: format.DataPage, Values: 3, Encoding: format.Plain, Body: body}}}
	data := parquettest.Craft(t, 3, parquettest.PlainColumn("topic", "t", 3), parquettest.PlainColumn("value", "1", 3), parquettest.PlainColumn("source", "s", 3), date)
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
