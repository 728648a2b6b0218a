package parquetexport_test

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk/parquetexport"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// outsideRow is a claim as a tool that is not claimdiff reads the file:
// only the columns' names and types, through parquet-go's own reader.
type outsideRow struct {
	ID        *string           `parquet:"id,optional"`
	Topic     string            `parquet:"topic"`
	Value     string            `parquet:"value"`
	Source    string            `parquet:"source"`
	Via       []string          `parquet:"via,list,optional"`
	Date      *string           `parquet:"date,optional"`
	Context   map[string]string `parquet:"context,optional"`
	Denies    *bool             `parquet:"denies,optional"`
	Kind      *string           `parquet:"kind,optional"`
	Lo        *float64          `parquet:"lo,optional"`
	Hi        *float64          `parquet:"hi,optional"`
	Canonical *string           `parquet:"canonical,optional"`
	Unit      *string           `parquet:"unit,optional"`
	MoneyLo   *int64            `parquet:"money_lo,optional,decimal(4:18)"`
	MoneyHi   *int64            `parquet:"money_hi,optional,decimal(4:18)"`
}

const valueLedger = `ledger: 1
sources:
  a: {name: A, kind: outlet}
  b: {name: B, kind: outlet}
topics:
  army: {type: number, unit: personnel, tolerance: 1%}
  signed: {type: date}
  cost: {type: money, unit: USD}
  name: {type: text}
  share: {type: percent}
  cap: {type: number}
  rel: {type: number}
claims:
  - {id: n1, topic: army, value: "600,000", source: a, via: [b], date: 2025-11-20, context: {draft: "28", lang: en}}
  - {topic: signed, value: 2025-11-27, source: a}
  - {topic: cost, value: $1.5 billion, source: b}
  - {topic: name, value: "  The Art  of Computer Programming! ", source: b}
  - {topic: share, value: about 19%, source: a, denies: true}
  - {topic: cap, value: up to 9000, source: a}
  - {topic: cap, value: N/A, source: b}
  - {topic: rel, value: half of cap, source: a}
`

func exportParquet(t *testing.T, yaml string, idx []int) ([]byte, *claims.Analysis) {
	t.Helper()
	l := load.Bytes("l.yaml", []byte(yaml))
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			t.Fatalf("ledger: %v", p)
		}
	}
	a := claims.Analyze(l, claims.Options{})
	var buf bytes.Buffer
	if err := parquetexport.Write(&buf, a, idx); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), a
}

func readOutside(t *testing.T, data []byte) []outsideRow {
	t.Helper()
	r := parquet.NewGenericReader[outsideRow](bytes.NewReader(data))
	defer r.Close()
	rows := make([]outsideRow, r.NumRows())
	n, err := r.Read(rows)
	if err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	return rows[:n]
}

// The value columns say what claimdiff read, in units a query can use.
func TestParquetValueColumns(t *testing.T) {
	data, _ := exportParquet(t, valueLedger, nil)
	rows := readOutside(t, data)
	if len(rows) != 8 {
		t.Fatalf("%d rows, want 8", len(rows))
	}
	str := func(p *string) string {
		if p == nil {
			return "<null>"
		}
		return *p
	}
	near := func(p *float64, want float64) bool { return p != nil && math.Abs(*p-want) <= 1e-6*math.Abs(want) }

	// A number is widened by half its topic's tolerance either way.
	army := rows[0]
	if str(army.ID) != "n1" || str(army.Kind) != "number" || str(army.Canonical) != "600000" || str(army.Unit) != "personnel" ||
		!near(army.Lo, 597_000) || !near(army.Hi, 603_000) {
		t.Errorf("number: %+v lo %v hi %v", army, *army.Lo, *army.Hi)
	}
	if len(army.Via) != 1 || army.Via[0] != "b" || army.Context["draft"] != "28" || army.Context["lang"] != "en" || str(army.Date) != "2025-11-20" {
		t.Errorf("ledger fields: %+v", army)
	}

	// A date, which the engine counts in whole days, is its day's start
	// in seconds since the epoch.
	signed := rows[1]
	day := float64(time.Date(2025, 11, 27, 0, 0, 0, 0, time.UTC).Unix())
	if str(signed.Kind) != "date" || str(signed.Canonical) != "2025-11-27" || str(signed.Unit) != "s" || !near(signed.Lo, day) || !near(signed.Hi, day) {
		t.Errorf("date: %+v", signed)
	}
	if signed.ID != nil || signed.Date != nil || signed.Via != nil || signed.Context != nil || signed.Denies != nil {
		t.Errorf("a claim's missing fields are not null: %+v", signed)
	}

	cost := rows[2]
	if str(cost.Kind) != "money" || str(cost.Unit) != "USD" || str(cost.Canonical) != "1500000000" || !near(cost.Lo, 1.5e9) || !near(cost.Hi, 1.5e9) {
		t.Errorf("money: %+v", cost)
	}
	// Money is also exact, as DECIMAL(18,4): 1.5 billion is 15e12 units
	// of a hundredth of a cent; other kinds leave it null.
	if cost.MoneyLo == nil || *cost.MoneyLo != 15_000_000_000_000 || cost.MoneyHi == nil || *cost.MoneyHi != 15_000_000_000_000 {
		t.Errorf("money as decimal: lo %v hi %v", cost.MoneyLo, cost.MoneyHi)
	}
	if army.MoneyLo != nil || army.MoneyHi != nil {
		t.Errorf("a number has money columns: %v %v", army.MoneyLo, army.MoneyHi)
	}
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range []string{"money_lo", "money_hi"} {
		leaf, ok := f.Schema().Lookup(col)
		if lt := leaf.Node.Type().LogicalType(); !ok || lt == nil || lt.String() != "DECIMAL(18,4)" {
			t.Errorf("%s is %v, want DECIMAL(18,4)", col, leaf.Node.Type())
		}
	}

	name := rows[3]
	if str(name.Kind) != "text" || str(name.Canonical) != "the art of computer programming" || name.Lo != nil || name.Hi != nil || name.Unit != nil {
		t.Errorf("text: %+v", name)
	}

	// A denial has the ends of the set it denies; "about" widens by 5%.
	share := rows[4]
	if str(share.Kind) != "percent" || str(share.Unit) != "%" || str(share.Canonical) != "not 19" || share.Denies == nil || !*share.Denies ||
		!near(share.Lo, 19*0.95) || !near(share.Hi, 19*1.05) {
		t.Errorf("percent denial: %+v", share)
	}

	// A half-line has no lower end.
	upTo := rows[5]
	if upTo.Lo != nil || !near(upTo.Hi, 9000) || str(upTo.Canonical) != "<=9000" {
		t.Errorf("up to: %+v", upTo)
	}

	// A placeholder is no value: its topic's unit, nothing read.
	na := rows[6]
	if na.Kind != nil || na.Canonical != nil || na.Lo != nil || na.Hi != nil {
		t.Errorf("placeholder: %+v", na)
	}

	// A relative value is the set it resolved to: half of up to 9000.
	rel := rows[7]
	if str(rel.Kind) != "number" || rel.Lo != nil || !near(rel.Hi, 4500) {
		t.Errorf("relative: %+v", rel)
	}
}

// idx picks and orders the claims written.
func TestParquetExportPicks(t *testing.T) {
	data, a := exportParquet(t, valueLedger, []int{3, 0})
	rows := readOutside(t, data)
	if len(rows) != 2 || rows[0].Topic != "name" || rows[1].Topic != "army" {
		t.Fatalf("rows %+v", rows)
	}
	data, _ = exportParquet(t, valueLedger, []int{})
	if rows := readOutside(t, data); len(rows) != 0 {
		t.Fatalf("no claims picked, %d rows", len(rows))
	}
	if len(a.Ledger.Claims) != 8 {
		t.Fatal("the ledger changed")
	}
}

// columnType is the logical type of the exported column name, as another
// tool sees it.
func columnType(t *testing.T, data []byte, name string) string {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	col, ok := f.Schema().Lookup(name)
	if !ok {
		t.Fatalf("no column %q", name)
	}
	return col.Node.Type().String()
}

// Dates are a DATE column, which a query compares as dates, where every
// claim's is a plain date; a column that also holds a time stays text,
// so that each time keeps the offset it was written with.
func TestParquetExportDates(t *testing.T) {
	data, _ := exportParquet(t, valueLedger, nil)
	if got := columnType(t, data, "date"); got != "DATE" {
		t.Errorf("dates: the date column is %s, want DATE", got)
	}
	rows := readOutside(t, data)
	if rows[0].Date == nil || *rows[0].Date != "2025-11-20" || rows[1].Date != nil {
		t.Errorf("dates: %v, %v", rows[0].Date, rows[1].Date)
	}

	mixed := strings.Replace(valueLedger, "source: b}", "source: b, date: 2025-11-21, as_of: 2025-11-21T10:00:00+02:00}", 1)
	data, a := exportParquet(t, mixed, nil)
	if got := columnType(t, data, "date"); got != "DATE" {
		t.Errorf("mixed: the date column is %s, want DATE", got)
	}
	if got := columnType(t, data, "as_of"); got != "STRING" {
		t.Errorf("mixed: the as_of column is %s, want text", got)
	}
	l := mustLoad(t, load.File{Name: "head.yaml", Data: []byte(mixed[:strings.Index(mixed, "claims:\n")])}, load.File{Name: "x.parquet", Data: data})
	for i, c := range l.Claims {
		if w := a.Ledger.Claims[i]; c.Date != w.Date || c.AsOf != w.AsOf {
			t.Errorf("claim %d: date %q as_of %q, want %q %q", i, c.Date, c.AsOf, w.Date, w.AsOf)
		}
	}
}
