package bulk

import (
	"bytes"
	"math/big"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/internal/claimstest"
	"github.com/claimdiff/claimdiff/claims/value"
)

// readTyped reads rows written by parquet-go as the claims want reads
// from JSON Lines, with no problem.
func readTyped[T any](t *testing.T, rows []T, want []claims.Claim, opts ...parquet.WriterOption) {
	t.Helper()
	data := writeRows(t, rows, opts...)
	b, err := read("typed.parquet", bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil || len(b.problems) > 0 {
		t.Fatalf("%v %v", err, problemList(b.problems))
	}
	if diff := claimstest.Diff(wantClaims(t, want), b.claims); diff != "" {
		t.Fatal(diff)
	}
}

// duckTimesRow is what DuckDB writes of claimdiff's JSON Lines: date a
// DATE, as_of a TIMESTAMP not adjusted to UTC (its TIMESTAMP), or one
// adjusted (its TIMESTAMPTZ), in any unit.
type duckTimesRow struct {
	Topic  string `parquet:"topic"`
	Value  string `parquet:"value"`
	Source string `parquet:"source"`
	Date   int64  `parquet:"date,timestamp(millisecond:local)"`
	AsOf   int64  `parquet:"as_of,timestamp(microsecond:local)"`
}

type duckTimesNanosRow struct {
	Topic  string `parquet:"topic"`
	Value  string `parquet:"value"`
	Source string `parquet:"source"`
	Date   int32  `parquet:"date,date"`
	AsOf   int64  `parquet:"as_of,timestamp(nanosecond:utc)"`
}

func TestParquetTimestamps(t *testing.T) {
	day := time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)
	at := day.Add(14*time.Hour + 40*time.Minute + 1500*time.Microsecond)
	readTyped(t, []duckTimesRow{
		{Topic: "t", Value: "1", Source: "s", Date: day.UnixMilli(), AsOf: at.UnixMicro()},
		{Topic: "t", Value: "2", Source: "s2", Date: at.UnixMilli(), AsOf: day.UnixMicro()},
	}, []claims.Claim{
		{ID: "t@s", DerivedID: true, Topic: "t", Value: value.Value{Raw: "1"}, Source: "s", Date: "2025-11-20", AsOf: "2025-11-20T14:40:00.0015Z"},
		{ID: "t@s2", DerivedID: true, Topic: "t", Value: value.Value{Raw: "2"}, Source: "s2", Date: "2025-11-20T14:40:00.001Z", AsOf: "2025-11-20"},
	})
	readTyped(t, []duckTimesNanosRow{
		{Topic: "t", Value: "1", Source: "s", Date: int32(day.Unix() / 86400), AsOf: at.UnixNano()},
	}, []claims.Claim{
		{ID: "t@s", DerivedID: true, Topic: "t", Value: value.Value{Raw: "1"}, Source: "s", Date: "2025-11-20", AsOf: "2025-11-20T14:40:00.0015Z"},
	})
}

// decimalRow is DuckDB's DECIMAL in each physical type it uses: INT32 up
// to 9 digits, INT64 up to 18, a fixed 16 bytes up to 38.
type decimalRow struct {
	Topic  string   `parquet:"topic"`
	Value  int64    `parquet:"value,decimal(3:18)"`
	Source string   `parquet:"source"`
	Note   int32    `parquet:"note,decimal(2:9)"`
	Quote  [16]byte `parquet:"quote,decimal(4:38)"`
}

// be16 is x as a 16-byte big-endian two's complement integer.
func be16(x *big.Int) (b [16]byte) {
	if x.Sign() < 0 {
		x = new(big.Int).Add(x, new(big.Int).Lsh(big.NewInt(1), 128))
	}
	x.FillBytes(b[:])
	return b
}

func TestParquetDecimals(t *testing.T) {
	huge, _ := new(big.Int).SetString("-12345678901234567890123456789", 10)
	rows := []decimalRow{
		{Topic: "t", Value: 600000000, Source: "s", Note: -5, Quote: be16(big.NewInt(-123456))},
		{Topic: "t", Value: -1, Source: "s2", Note: 12345, Quote: be16(huge)},
		{Topic: "t", Value: 0, Source: "s3", Note: 100, Quote: be16(big.NewInt(7))},
	}
	want := []claims.Claim{
		{ID: "t@s", DerivedID: true, Topic: "t", Value: value.Value{Raw: "600000.000"}, Source: "s", Note: "-0.05", Quote: "-12.3456"},
		{ID: "t@s2", DerivedID: true, Topic: "t", Value: value.Value{Raw: "-0.001"}, Source: "s2", Note: "123.45", Quote: "-1234567890123456789012345.6789"},
		{ID: "t@s3", DerivedID: true, Topic: "t", Value: value.Value{Raw: "0.000"}, Source: "s3", Note: "1.00", Quote: "0.0007"},
	}
	readTyped(t, rows, want)
	readTyped(t, rows, want, parquet.DefaultEncoding(&parquet.RLEDictionary))
}

// duckContext is what DuckDB makes of context objects in JSON Lines: a
// STRUCT with a field for every key any row has, null where a row has
// not that key.
type duckContext struct {
	Draft *int64  `parquet:"draft,optional"`
	Lang  *string `parquet:"lang,optional"`
}

type duckStructRow struct {
	Topic   string       `parquet:"topic"`
	Value   string       `parquet:"value"`
	Source  string       `parquet:"source"`
	Context *duckContext `parquet:"context,optional"`
}

func TestParquetStructContext(t *testing.T) {
	draft, en, fr := int64(28), "en", "fr"
	readTyped(t, []duckStructRow{
		{Topic: "t", Value: "1", Source: "s", Context: &duckContext{Draft: &draft, Lang: &en}},
		{Topic: "t", Value: "2", Source: "s2"},
		{Topic: "t", Value: "3", Source: "s3", Context: &duckContext{Lang: &fr}},
	}, []claims.Claim{
		{ID: "t@s", DerivedID: true, Topic: "t", Value: value.Value{Raw: "1"}, Source: "s", Context: "draft=28; lang=en"},
		{ID: "t@s2", DerivedID: true, Topic: "t", Value: value.Value{Raw: "2"}, Source: "s2"},
		{ID: "t@s3", DerivedID: true, Topic: "t", Value: value.Value{Raw: "3"}, Source: "s3", Context: "lang=fr"},
	})
}

type nestedContext struct {
	Inner duckContext `parquet:"inner"`
}

type nestedStructRow struct {
	Topic   string        `parquet:"topic"`
	Value   string        `parquet:"value"`
	Source  string        `parquet:"source"`
	Context nestedContext `parquet:"context"`
	Quote   duckContext   `parquet:"quote"`
}

// Only context reads a struct, and only one of values.
func TestParquetStructProblems(t *testing.T) {
	b := readBytes(t, writeRows(t, []nestedStructRow{{Topic: "t", Value: "1", Source: "s"}}), Options{})
	sameProblems(t, b.problems,
		`x.parquet:0:0 wrong-type: column "context" holds a struct of lists or groups; context maps names to values`,
		`x.parquet:0:0 wrong-type: column "quote" is a group of columns, which claimdiff does not read as quote`)
}
