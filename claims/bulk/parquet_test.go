package bulk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/deprecated"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/internal/claimstest"
	"github.com/claimdiff/claimdiff/claims/value"
)

// randomClaims makes claims with every field in use, or missing, and text
// from several scripts, as the loaders make them.
func randomClaims(n int, seed uint64) []claims.Claim {
	rng := rand.New(rand.NewPCG(seed, 7))
	words := []string{"600,000", "about 5%", "G8", "Knuth, Donald E.", "naïve café", "日本語", "x", "between 5 and 10", "ok;|=semi"}
	pick := func() string { return words[rng.IntN(len(words))] }
	out := make([]claims.Claim, n)
	for i := range out {
		c := &out[i]
		c.Topic = fmt.Sprintf("topic-%d", rng.IntN(7))
		c.Source = fmt.Sprintf("src-%d", rng.IntN(5))
		c.Value = value.Value{Raw: pick()}
		if rng.IntN(3) > 0 {
			c.ID = fmt.Sprintf("c%d", i)
		} else {
			c.ID, c.DerivedID = c.Topic+"@"+c.Source, true
		}
		for range rng.IntN(4) {
			c.Via = append(c.Via, fmt.Sprintf("via-%d", rng.IntN(9)))
		}
		if rng.IntN(2) == 0 {
			c.Date = fmt.Sprintf("2025-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
		}
		if rng.IntN(5) == 0 {
			c.AsOf = "2025-11-20T14:40:00Z"
		}
		if rng.IntN(2) == 0 {
			c.Quote = strings.Repeat(pick()+" ", 1+rng.IntN(20))
		}
		switch rng.IntN(4) {
		case 0:
			c.Context = "draft=28"
		case 1:
			c.Context = "draft=28; lang=en"
		}
		c.Denies = rng.IntN(6) == 0
		if rng.IntN(4) == 0 {
			c.Note = pick()
		}
	}
	return out
}

// ledgerRow is a claim as parquetexport.Write writes it, without the value
// columns, which need an analysis.
func ledgerRow(c *claims.Claim) ParquetRow {
	r := ParquetRow{Topic: c.Topic, Value: c.Value.Raw, Source: c.Source, Via: c.Via, Date: c.Date, AsOf: c.AsOf,
		Quote: c.Quote, Denies: c.Denies, Note: c.Note}
	if !c.DerivedID {
		r.ID = c.ID
	}
	if pairs := claims.ContextPairs(c.Context); len(pairs) > 0 {
		r.Context = map[string]string{}
		for _, p := range pairs {
			r.Context[p[0]] = p[1]
		}
	}
	return r
}

func writeRows[T any](t testing.TB, rows []T, opts ...parquet.WriterOption) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := parquet.NewGenericWriter[T](&buf, opts...)
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wantClaims reads cs as JSON Lines: the reader every other format is
// held to.
func wantClaims(t *testing.T, cs []claims.Claim) []claims.Claim {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, cs); err != nil {
		t.Fatal(err)
	}
	b, err := read("want.jsonl", &buf, 0, Options{})
	if err != nil || len(b.problems) > 0 {
		t.Fatalf("jsonl: %v %v", err, problemList(b.problems))
	}
	return b.claims
}

// Whatever compression, page version and encoding a writer picks, the
// file reads to the claims JSON Lines reads.
func TestParquetEncodings(t *testing.T) {
	t.Parallel()
	cs := randomClaims(sized(600, 3000), 1)
	want := wantClaims(t, cs)
	rows := make([]ParquetRow, len(cs))
	for i := range cs {
		rows[i] = ledgerRow(&cs[i])
	}
	codecs := map[string]compress.Codec{"none": &parquet.Uncompressed, "snappy": &parquet.Snappy, "gzip": &parquet.Gzip,
		"zstd": &parquet.Zstd, "lz4raw": &parquet.Lz4Raw, "brotli": &parquet.Brotli}
	for name, codec := range codecs {
		for _, version := range []int{1, 2} {
			for _, enc := range []string{"plain", "delta-length", "delta"} {
				opts := []parquet.WriterOption{parquet.Compression(codec), parquet.DataPageVersion(version),
					// Small pages and row groups, so that rows and lists
					// cross their edges.
					parquet.PageBufferSize(1 << 10), parquet.MaxRowsPerRowGroup(int64(sized(250, 700)))}
				switch enc {
				case "plain":
					opts = append(opts, parquet.DefaultEncodingFor(parquet.ByteArray, &parquet.Plain))
				case "delta":
					opts = append(opts, parquet.DefaultEncodingFor(parquet.ByteArray, &parquet.DeltaByteArray))
				}
				t.Run(fmt.Sprintf("%s-v%d-%s", name, version, enc), func(t *testing.T) {
					t.Parallel()
					data := writeRows(t, rows, opts...)
					b, err := read("x.parquet", bytes.NewReader(data), int64(len(data)), Options{})
					if err != nil || len(b.problems) > 0 {
						t.Fatalf("%v %v", err, problemList(b.problems))
					}
					if diff := claimstest.Diff(want, b.claims); diff != "" {
						t.Fatal(diff)
					}
					for i, c := range b.claims {
						if c.Pos.Line != i+1 || c.Pos.File != "x.parquet" {
							t.Fatalf("claim %d at %v", i, c.Pos)
						}
					}
				})
			}
		}
	}
}

// Other tools write typed columns: numbers, dates and timestamps read as
// their text would, a repeated column or text as via, text as context.
type otherToolRow struct {
	ID      string    `parquet:"ID,delta"`
	Topic   string    `parquet:"topic,dict"`
	Value   float64   `parquet:"value,split"`
	Source  string    `parquet:"source,plain"`
	Via     []string  `parquet:"via"`
	Date    int32     `parquet:"date,date"` // days since 1970
	AsOf    time.Time `parquet:"as_of,timestamp(microsecond)"`
	Context string    `parquet:"context,optional"`
	Denies  bool      `parquet:"denies"`
	Note    int64     `parquet:"note,delta"`
}

type textColumnsRow struct {
	Topic  string `parquet:"topic"`
	Value  int32  `parquet:"value"`
	Source string `parquet:"source"`
	Via    string `parquet:"via,optional"`
	Denies string `parquet:"denies,optional"`
	Kind   string `parquet:"kind,optional"`
	Lo     int64  `parquet:"lo"`
}

func TestParquetOtherTools(t *testing.T) {
	day := time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)
	days := int32(day.Unix() / 86400)
	rows := []otherToolRow{
		{ID: "a1", Topic: "t", Value: 600000, Source: "s", Via: []string{"ap", "afp"}, Date: days, AsOf: day.Add(14*time.Hour + 40*time.Minute),
			Context: "draft=28;lang=en", Denies: true, Note: -12},
		{ID: "a2", Topic: "t", Value: 0.125, Source: "s2", Date: days + 1, AsOf: day, Note: 1 << 40},
	}
	data := writeRows(t, rows, parquet.Compression(&parquet.Snappy))
	b, err := read("x.parquet", bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil || len(b.problems) > 0 {
		t.Fatalf("%v %v", err, problemList(b.problems))
	}
	want := wantClaims(t, []claims.Claim{
		{ID: "a1", Topic: "t", Value: value.Value{Raw: "600000"}, Source: "s", Via: []string{"ap", "afp"}, Date: "2025-11-20",
			AsOf: "2025-11-20T14:40:00Z", Context: "draft=28; lang=en", Denies: true, Note: "-12"},
		{ID: "a2", Topic: "t", Value: value.Value{Raw: "0.125"}, Source: "s2", Date: "2025-11-21", AsOf: "2025-11-20", Note: "1099511627776"},
	})
	if diff := claimstest.Diff(want, b.claims); diff != "" {
		t.Fatal(diff)
	}

	// Via and denies as text, as in CSV; the value columns are ignored.
	text := writeRows(t, []textColumnsRow{{Topic: "t", Value: -5, Source: "s", Via: "ap; afp|x", Denies: "yes", Kind: "number", Lo: 3}})
	b, err = read("y.parquet", bytes.NewReader(text), int64(len(text)), Options{})
	if err != nil || len(b.problems) > 0 {
		t.Fatalf("%v %v", err, problemList(b.problems))
	}
	want = wantClaims(t, []claims.Claim{{ID: "t@s", DerivedID: true, Topic: "t", Value: value.Value{Raw: "-5"}, Source: "s", Via: []string{"ap", "afp", "x"}, Denies: true}})
	if diff := claimstest.Diff(want, b.claims); diff != "" {
		t.Fatal(diff)
	}
}

// A stream that cannot seek is read into memory, within its cap.
func TestParquetFromAStream(t *testing.T) {
	cs := randomClaims(50, 2)
	rows := make([]ParquetRow, len(cs))
	for i := range cs {
		rows[i] = ledgerRow(&cs[i])
	}
	data := writeRows(t, rows)
	b, err := read("x.parquet", io.MultiReader(bytes.NewReader(data)), 0, Options{})
	if err != nil || len(b.problems) > 0 {
		t.Fatalf("%v %v", err, problemList(b.problems))
	}
	if diff := claimstest.Diff(wantClaims(t, cs), b.claims); diff != "" {
		t.Fatal(diff)
	}
	b, err = read("x.parquet", io.MultiReader(bytes.NewReader(data)), 0, Options{MaxFileBytes: 100})
	if err != nil || len(b.claims) != 0 || len(b.problems) != 1 || b.problems[0].Code != "too-large" {
		t.Fatalf("over the cap: %v %d claims %v", err, len(b.claims), problemList(b.problems))
	}
}

// failingDisk fails to read bytes from 4 to off, as a disk may.
type failingDisk struct {
	*bytes.Reader
	off int64
}

func (d failingDisk) ReadAt(b []byte, off int64) (int, error) {
	if off < d.off && off+int64(len(b)) > 4 {
		return 0, errors.New("input/output error")
	}
	return d.Reader.ReadAt(b, off)
}

// A file that cannot be read is an error of reading, not a problem of the
// file.
func TestParquetReadError(t *testing.T) {
	data := validParquet(t, 50)
	// The footer, then the column data.
	for _, off := range []int64{int64(len(data)), int64(len(data)) / 2} {
		b, err := read("x.parquet", failingDisk{bytes.NewReader(data), off}, int64(len(data)), Options{})
		if err == nil || err.Error() != "input/output error" || len(b.claims) > 0 {
			t.Errorf("failing at %d: %v, %d claims, %q", off, err, len(b.claims), problemList(b.problems))
		}
	}
}

// sparkRow is how Spark and Hive write a timestamp by default: INT96.
type sparkRow struct {
	Topic  string           `parquet:"topic"`
	Value  string           `parquet:"value"`
	Source string           `parquet:"source"`
	AsOf   deprecated.Int96 `parquet:"as_of"`
}

// julianUnixEpoch is the Julian day number of 1970-01-01.
const julianUnixEpoch = 2440588

// int96 is t as Spark writes it: nanoseconds into the day, then the
// Julian day.
func int96(t time.Time) deprecated.Int96 {
	midnight := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	day := midnight.Unix()/86400 + julianUnixEpoch
	nanos := uint64(t.Sub(midnight))
	return deprecated.Int96{uint32(nanos), uint32(nanos >> 32), uint32(day)}
}

// TestParquetInt96 reads Spark's INT96 timestamps as times in UTC, plain
// and through a dictionary, and a value that is no time of day as a
// number, which the claim then refuses as a date.
func TestParquetInt96(t *testing.T) {
	at := time.Date(2025, 11, 27, 12, 30, 15, 250_000_000, time.UTC)
	rows := []sparkRow{
		{Topic: "t", Value: "1", Source: "s", AsOf: int96(at)},
		{Topic: "t", Value: "2", Source: "s2", AsOf: int96(at)},
		{Topic: "t", Value: "3", Source: "s3", AsOf: int96(time.Date(1969, 7, 20, 20, 17, 0, 0, time.UTC))},
		{Topic: "t", Value: "4", Source: "s4", AsOf: deprecated.Int96{0xffffffff, 0xffffffff, 2460000}},
	}
	for name, opts := range map[string][]parquet.WriterOption{
		"plain":      nil,
		"dictionary": {parquet.DefaultEncoding(&parquet.RLEDictionary)},
	} {
		t.Run(name, func(t *testing.T) {
			data := writeRows(t, rows, opts...)
			b, err := read("spark.parquet", bytes.NewReader(data), int64(len(data)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if ps := strings.Join(problemList(b.problems), "\n"); len(b.problems) != 1 || !strings.Contains(ps, `spark.parquet:4:4 bad-date: as_of "-1" is not a date`) {
				t.Fatalf("problems %s, want the fourth row's as_of refused", ps)
			}
			var got []string
			for _, c := range b.claims {
				got = append(got, c.AsOf)
			}
			// The refused row is kept without its as_of, as a bad date in CSV is.
			want := []string{"2025-11-27T12:30:15.25Z", "2025-11-27T12:30:15.25Z", "1969-07-20T20:17:00Z", ""}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("as_of %q, want %q", got, want)
			}
		})
	}
}
