package bulk

import (
	"bytes"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/internal/claimstest"
	"github.com/claimdiff/claimdiff/claims/value"
)

// readTyped reads rows written by parquet-go as the claims want reads
// from JSON Lines, with no problem.
func readTyped[T any](t *testing.T, rows []T, want []claims.Claim) {
	t.Helper()
	data := writeRows(t, rows)
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
