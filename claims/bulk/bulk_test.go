package bulk

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/gen"
)

// FuzzCSVReader checks the CSV reader against encoding/csv: where
// encoding/csv reads every record, ours reads the same ones; where it
// fails, ours reports a problem.
func FuzzCSVReader(f *testing.F) {
	for _, s := range []string{"a,b\nc,d\n", "\"a\"\"b\",c\r\n", "\"multi\nline\",x\n\n", "a,\"b\"c\n", "a\"b\n", "\"open\n", ",,\n", "a\rb,c\r\n",
		// Quoted cells over several lines, with quotes and separators in
		// them, which a skipped record must be read past (csvScan).
		"t,\"x\n\"\"y\"\",\nz\",ap\nt,2,ap\n", "\"\"\"\n\"\"\"\nq\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		if !utf8.ValidString(data) || strings.ContainsRune(data, 0) || strings.HasPrefix(data, "\uFEFF") {
			t.Skip()
		}
		cr := csv.NewReader(strings.NewReader(data))
		cr.FieldsPerRecord = -1
		want, werr := cr.ReadAll()

		bf := newBulkFile("f.csv", bufio.NewReader(strings.NewReader(data)), 1<<30)
		ours := &csvReader{bf: bf, comma: ','}
		var got [][]string
		for {
			ok, err := ours.read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				rec := []string{}
				for i := range ours.cells {
					rec = append(rec, string(ours.cell(i)))
				}
				got = append(got, rec)
			}
		}
		problems := len(bf.r.Problems) > 0
		if (werr != nil) != problems {
			t.Fatalf("encoding/csv error %v; our problems %v", werr, problemList(bf.r.Problems))
		}
		if werr == nil && fmt.Sprint(got) != fmt.Sprint(want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("records\n got %q\nwant %q", got, want)
		}
	})
}

// FuzzJSONLine checks the JSON scanner against encoding/json: a line that
// is not JSON is always reported, and a claim read without problems has
// the strings encoding/json decodes.
func FuzzJSONLine(f *testing.F) {
	for _, s := range []string{
		`{"topic": "t", "value": 1, "source": "s"}`,
		`{"topic": "t\u00e9\ud83d\ude00\ud800x", "value": -1.5e+3, "source": "s\\\"", "via": ["a", null], "context": {"k": true}}`,
		`{"topic": "t", "value": "x", "source": "s", "quote": "\/\b\f\n\r\t"}`,
		`{"topic": "t", "value": 01, "source": "s"}`, `{"a": [1, {"b": 2}]}`, `[]`, `"x"`, `{"topic": "t",}`, `{} x`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\n\x00") || !utf8.ValidString(line) || strings.TrimSpace(line) == "" || strings.HasPrefix(line, "\uFEFF") {
			t.Skip()
		}
		b, err := read("f.jsonl", strings.NewReader(line), 0, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid([]byte(line)) && len(b.problems) == 0 {
			t.Fatalf("invalid JSON read without a problem: %d claims", len(b.claims))
		}
		if len(b.problems) > 0 || len(b.claims) == 0 {
			return
		}
		var m map[string]any
		var typeErr *json.UnmarshalTypeError
		if err := json.Unmarshal([]byte(line), &m); errors.As(err, &typeErr) {
			return // a number too large for a float64 is still JSON
		} else if err != nil {
			t.Fatalf("we read a claim, encoding/json says %v", err)
		}
		c := b.claims[0]
		for key, got := range map[string]string{"id": c.ID, "topic": c.Topic, "source": c.Source, "quote": c.Quote, "note": c.Note, "value": c.Value.Raw} {
			switch want := m[key].(type) {
			case string:
				if got != want {
					t.Fatalf("%s: got %q, want %q", key, got, want)
				}
			case float64:
				if v, err := strconv.ParseFloat(got, 64); v != want && err == nil {
					t.Fatalf("%s: got %q, want %v", key, got, want)
				}
			}
		}
		if vias, ok := m["via"].([]any); ok {
			var want []string
			for _, v := range vias {
				if s, ok := v.(string); ok && s != "" {
					want = append(want, s)
				}
			}
			if !slices.Equal(c.Via, want) {
				t.Fatalf("via: got %q, want %q", c.Via, want)
			}
		}
	})
}

// The field numbers follow claims.ClaimFields, which names them in messages.
func TestClaimFieldIndex(t *testing.T) {
	for i, name := range claims.ClaimFields {
		if got := claimFieldIndex(name); got != i {
			t.Errorf("claimFieldIndex(%q) = %d, want %d", name, got, i)
		}
	}
	if len(claims.ClaimFields) != numFields || claimFieldIndex("Topic") != -1 {
		t.Error("claims.ClaimFields and the field numbers disagree")
	}
}

// BenchmarkBulkRead measures the bulk readers alone, without the YAML
// head or the checks of the merged ledger.
func BenchmarkBulkRead(b *testing.B) {
	for _, f := range []struct {
		name  string
		write func(io.Writer, gen.Options) error
	}{{"claims.csv", gen.CSV}, {"claims.jsonl", gen.JSONL}} {
		var data bytes.Buffer
		if err := f.write(&data, gen.Options{Claims: 1_000_000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(data.Len()))
			for b.Loop() {
				bl, err := read(f.name, bytes.NewReader(data.Bytes()), int64(data.Len()), Options{})
				if err != nil || len(bl.claims) != 1_000_000 {
					b.Fatalf("%v, %d claims", err, len(bl.claims))
				}
			}
		})
	}
}

// Hostile lines, near the length cap and full of cells or keys, cost time
// in proportion to their length, and their problems are capped per file.
func TestBulkHostileLines(t *testing.T) {
	t.Parallel()
	// Sized far past the problems shown (diag.MaxPerFile); the full-size
	// run's are the lengths that first showed a quadratic path.
	n := sized(30_000, 300_000)
	header := "topic,value,source," + strings.Repeat("é,", n) + "é"
	jsonLine := `{"topic": "plan.army-cap", "value": 1, "source": "ap"` + strings.Repeat(`, "é": 1`, n/3) + "}"
	var kb strings.Builder
	for i := range n / 6 {
		fmt.Fprintf(&kb, "k%d=v;", i)
	}
	keys := kb.String()
	for _, f := range []struct{ name, data, first string }{
		{"c.csv", header + "\n", "c.csv:1:20 unknown-field: unknown column \"é\""},
		{"c.jsonl", jsonLine + "\n", "c.jsonl:1:56 unknown-field: unknown field \"é\""},
		{"k.csv", "topic,value,source,context\nt,1,ap," + keys + keys + "\n", "k.csv:2:8 duplicate-key: duplicate key \"k0\" in context"},
	} {
		b, err := read(f.name, strings.NewReader(f.data), 0, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := problemList(b.problems)
		if len(got) != diag.MaxPerFile+1 || !strings.HasPrefix(got[0], f.first) || !strings.Contains(got[diag.MaxPerFile], "too-many") {
			t.Errorf("%s: %d problems, first %q, last %q", f.name, len(got), got[0], got[len(got)-1])
		}
	}
}

// hasControl must agree with a byte-by-byte look at every length and
// every byte value, including bytes of 0x80 and up.
func TestHasControl(t *testing.T) {
	naive := func(b []byte) bool {
		for _, c := range b {
			if c < 0x20 {
				return true
			}
		}
		return false
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			switch rng.IntN(4) {
			case 0:
				b[i] = byte(rng.IntN(256))
			case 1:
				b[i] = byte(0x1c + rng.IntN(8)) // around the boundary
			default:
				b[i] = byte(0x20 + rng.IntN(0xe0))
			}
		}
		if got, want := hasControl(b), naive(b); got != want {
			t.Fatalf("hasControl(%q) = %v, want %v", b, got, want)
		}
	}
}
