// Package parquetexport writes a ledger's claims as a Parquet file, with
// each value as the engine reads it, through parquet-go. It stands apart
// from claims/bulk, which reads Parquet with its own bounded decoder, so
// that loading claims does not link parquet-go's writer and its codecs.
package parquetexport

import (
	"io"
	"math"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/parquetread"
)

// Write writes the claims of a's ledger at the indexes idx (every
// claim, in ledger order, when idx is nil) as a Parquet file: the ledger's
// fields, as Export writes them, and each value as the engine reads it
// (a.Value, so a relative value is the set it resolved to):
//
//   - kind: the value's type (number, money, date, text…); null when the
//     claim takes no part in comparison (a placeholder such as N/A, or a
//     relative value with nothing to scale);
//   - lo, hi: the ends of the value's set in the unit below, whether open
//     or closed; null for an end that is unbounded (±Inf), and both null
//     for kinds that are not numbers (text, bool, choice, names). A denial
//     has the ends of the set it denies;
//   - canonical: value.Canonical, the normal form ("not …" for a denial);
//   - unit: what lo and hi count: the topic's unit for numbers, "%" for
//     percentages (in points), the currency for money, "days" for
//     durations, "s" for dates and datetimes (seconds since 1970-01-01
//     UTC); null where there is none, as a missing field is;
//   - money_lo, money_hi: lo and hi again for money, as DECIMAL(18,4), so a
//     query sums amounts exactly.
//
// Rows are grouped bulk.ParquetRowGroupRows at a time, compressed with zstd.
func Write(w io.Writer, a *claims.Analysis, idx []int) error {
	l := a.Ledger
	n := len(l.Claims)
	if idx != nil {
		n = len(idx)
	}
	opts := []parquet.WriterOption{
		parquet.Compression(&parquet.Zstd),
		parquet.MaxRowsPerRowGroup(bulk.ParquetRowGroupRows),
		// Version 1 data pages and plain text, where no dictionary is
		// asked for, are what every reader knows.
		parquet.DataPageVersion(1),
		parquet.DefaultEncodingFor(parquet.ByteArray, &parquet.Plain),
		parquet.CreatedBy("claimdiff", "", ""),
	}
	dateDays, asOfDays := dayColumns(l, idx, n)
	if dateDays {
		opts = append(opts, parquet.StructTag(`parquet:"-"`, "Date"), parquet.StructTag(`parquet:"date,date,optional"`, "DateDay"))
	}
	if asOfDays {
		opts = append(opts, parquet.StructTag(`parquet:"-"`, "AsOf"), parquet.StructTag(`parquet:"as_of,date,optional"`, "AsOfDay"))
	}
	pw := parquet.NewGenericWriter[bulk.ParquetRow](w, opts...)
	const batch = 1024
	rows := make([]bulk.ParquetRow, 0, batch)
	// ends holds the rows' Lo and Hi, and days their dates; each has
	// room for a whole batch, so it never moves and the pointers into it
	// hold.
	ends := make([]float64, 0, 2*batch)
	days := make([]int32, 0, 2*batch)
	money := make([]int64, 0, 2*batch)
	for k := range n {
		i := k
		if idx != nil {
			i = idx[k]
		}
		var lo, hi float64
		rows = append(rows, bulk.ParquetRow{})
		r := &rows[len(rows)-1]
		parquetClaim(r, a, i, &lo, &hi)
		if d, ok := plainDay(r.Date); ok && dateDays {
			days = append(days, d)
			r.DateDay = &days[len(days)-1]
		}
		if d, ok := plainDay(r.AsOf); ok && asOfDays {
			days = append(days, d)
			r.AsOfDay = &days[len(days)-1]
		}
		if r.Lo != nil || r.Hi != nil {
			ends = append(ends, lo, hi)
			if r.Lo != nil {
				r.Lo = &ends[len(ends)-2]
			}
			if r.Hi != nil {
				r.Hi = &ends[len(ends)-1]
			}
			if r.Kind == string(value.Money) {
				mlo, okLo := moneyDecimal(lo)
				mhi, okHi := moneyDecimal(hi)
				money = append(money, mlo, mhi)
				if r.Lo != nil && okLo {
					r.MoneyLo = &money[len(money)-2]
				}
				if r.Hi != nil && okHi {
					r.MoneyHi = &money[len(money)-1]
				}
			}
		}
		if len(rows) == batch || k == n-1 {
			if _, err := pw.Write(rows); err != nil {
				return err
			}
			rows, ends, days, money = rows[:0], ends[:0], days[:0], money[:0]
		}
	}
	return pw.Close()
}

// dayColumns says whether every date and every as_of of the claims
// written is a plain date, which a DATE column then holds, so that a
// query compares and groups them as dates. A column that also holds a
// time keeps them all as the text the ledger gives, which keeps each
// time's offset.
func dayColumns(l *claims.Ledger, idx []int, n int) (date, asOf bool) {
	date, asOf = true, true
	for k := 0; k < n && (date || asOf); k++ {
		i := k
		if idx != nil {
			i = idx[k]
		}
		c := &l.Claims[i]
		if _, ok := plainDay(c.Date); !ok && c.Date != "" {
			date = false
		}
		if _, ok := plainDay(c.AsOf); !ok && c.AsOf != "" {
			asOf = false
		}
	}
	return date, asOf
}

// plainDay reads s as YYYY-MM-DD, a day a DATE column holds and the
// loader writes back as the same text.
func plainDay(s string) (int32, bool) {
	if len(s) != len(time.DateOnly) {
		return 0, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, false
	}
	d := t.Unix() / 86400
	if d < parquetread.MinDateDay || d > parquetread.MaxDateDay {
		return 0, false
	}
	return int32(d), true
}

// parquetClaim fills r from claim i; lo and hi receive the set's ends,
// which r.Lo and r.Hi mark as present.
func parquetClaim(r *bulk.ParquetRow, a *claims.Analysis, i int, lo, hi *float64) {
	c := &a.Ledger.Claims[i]
	if !c.DerivedID {
		r.ID = c.ID
	}
	r.Topic, r.Value, r.Source, r.Via = c.Topic, c.Value.Raw, c.Source, c.Via
	r.Date, r.AsOf, r.Quote, r.Denies, r.Note = c.Date, c.AsOf, c.Quote, c.Denies, c.Note
	if pairs := claims.ContextPairs(c.Context); len(pairs) > 0 {
		r.Context = make(map[string]string, len(pairs))
		for _, p := range pairs {
			r.Context[p[0]] = p[1]
		}
	}
	var spec value.Spec
	if t := c.TopicRef; t != nil {
		spec = t.Spec
	} else if t := a.Ledger.Topics[c.Topic]; t != nil {
		spec = t.Spec
	}
	if !a.Comparable(i) {
		r.Unit = parquetUnit(spec.Type, spec.Unit, "")
		return
	}
	v := a.Value(i)
	r.Kind, r.Canonical = string(v.Type), value.Canonical(v)
	r.Unit = parquetUnit(v.Type, spec.Unit, v.Currency)
	if !v.Type.Numeric() {
		return
	}
	scale := 1.0
	if v.Type == value.Date {
		scale = 86400 // days since the epoch, as value keeps dates
	}
	if x := v.Lo; !math.IsNaN(x) && !math.IsInf(x, 0) {
		*lo, r.Lo = x*scale, lo
	}
	if x := v.Hi; !math.IsNaN(x) && !math.IsInf(x, 0) {
		*hi, r.Hi = x*scale, hi
	}
}

// moneyDecimal is x in units of 10^-4, as DECIMAL(18,4) holds it, or
// false when it does not fit.
func moneyDecimal(x float64) (int64, bool) {
	s := math.Round(x * 1e4)
	if math.IsNaN(s) || math.Abs(s) >= 9e18 {
		return 0, false
	}
	return int64(s), true
}

// parquetUnit is what a value's lo and hi count (see Write).
func parquetUnit(t value.Type, topicUnit, currency string) string {
	switch t {
	case value.Number:
		return topicUnit
	case value.Percent:
		return "%"
	case value.Money:
		if currency != "" {
			return currency
		}
		return topicUnit
	case value.Duration:
		return "days"
	case value.Date, value.DateTime:
		return "s"
	}
	return ""
}
