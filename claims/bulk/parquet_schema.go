package bulk

// A Parquet claim file holds the columns the other bulk formats hold, with
// the same names, and after them columns that say how claimdiff read each
// value, so that DuckDB, Spark or BigQuery can query claims without
// claimdiff: kind, lo, hi, canonical and unit. The loader reads only the
// ledger's columns; the others are derived, and the engine reads the value
// again. Optional fields are optional columns, null where the claim has
// none, so they load back as missing rather than as empty text. Date and
// as_of are DATE columns when every claim written gives a plain date there.

// ParquetFormat is the export format name of Parquet, which
// parquetexport.Write writes rather than Export, as its value columns need
// the engine's reading of each claim. The writer is a package of its own
// so that what imports bulk to read claims (load, and every test that
// loads a ledger) does not link parquet-go.
const ParquetFormat = "parquet"

// ParquetRowGroupRows is how many claims a row group of an exported
// Parquet file holds: enough to compress well, few enough that a reader
// splits a million claims across its cores.
const ParquetRowGroupRows = 64 << 10

// ParquetRow is one claim as a row of an exported Parquet file, which
// parquetexport writes through parquet-go and the reader here agrees
// with. Struct tags give the columns' names and types; optional ones are
// null when empty (Lo and Hi when nil).
type ParquetRow struct {
	ID        string            `parquet:"id,optional"`
	Topic     string            `parquet:"topic,dict"`
	Value     string            `parquet:"value"`
	Source    string            `parquet:"source,dict"`
	Via       []string          `parquet:"via,list,optional"`
	Date      string            `parquet:"date,optional,dict"`
	DateDay   *int32            `parquet:"-"` // date as a DATE; see parquetexport
	AsOf      string            `parquet:"as_of,optional,dict"`
	AsOfDay   *int32            `parquet:"-"`
	Quote     string            `parquet:"quote,optional"`
	Context   map[string]string `parquet:"context,optional"`
	Denies    bool              `parquet:"denies,optional"`
	Note      string            `parquet:"note,optional"`
	Kind      string            `parquet:"kind,optional,dict"`
	Lo        *float64          `parquet:"lo,optional"`
	Hi        *float64          `parquet:"hi,optional"`
	Canonical string            `parquet:"canonical,optional"`
	Unit      string            `parquet:"unit,optional,dict"`
	// MoneyLo and MoneyHi are lo and hi of a money value as DECIMAL(18,4),
	// exact to a hundredth of a cent, for tools that sum money; null for
	// other kinds and past ±922 trillion.
	MoneyLo *int64 `parquet:"money_lo,optional,decimal(4:18)"`
	MoneyHi *int64 `parquet:"money_hi,optional,decimal(4:18)"`
}

// ParquetValueColumns are the columns a Parquet export adds after the
// ledger's fields, which the loader does not read.
var ParquetValueColumns = []string{"kind", "lo", "hi", "canonical", "unit", "money_lo", "money_hi"}
