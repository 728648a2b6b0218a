package claims

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/gen"
)

// bulkHead defines what bulk files may not: the version, sources, topics.
const bulkHead = `ledger: 1
sources:
  reuters: {name: Reuters, kind: wire}
  ap: {name: AP, kind: wire}
  axios: {name: Axios, kind: outlet}
topics:
  plan.army-cap: {type: number, unit: personnel}
`

// loadFiles writes the files into a temporary directory and loads them
// in the order given, as claimdiff -f would.
func loadFiles(t testing.TB, files ...string) *Ledger {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for i := 0; i+1 < len(files); i += 2 {
		name := filepath.Join(dir, files[i])
		if err := os.WriteFile(name, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	l, err := Load(names)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// problemList renders problems as "file:line:col code: message" with the
// file's base name, for comparing.
func problemList(ps []diag.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s:%d:%d %s: %s", filepath.Base(p.Pos.File), p.Pos.Line, p.Pos.Col, p.Code, p.Message))
	}
	return out
}

func TestBulkFiles(t *testing.T) {
	tests := []struct {
		name, file, data string
		claims           int
		problems         []string // prefixes of problemList entries
	}{
		{"csv", "c.csv", "id,Topic, VALUE ,source,via,date,as_of,quote,context,denies,note\n" +
			"r/1,plan.army-cap,\"600,000\",reuters,ap|axios,2025-11-20,,\"He said \"\"600k\"\"\",draft=28-point; lang=en,no,n\n", 1, nil},
		{"csv crlf and bom", "c.csv", "\uFEFFtopic,value,source\r\nplan.army-cap,600000,reuters\r\n\r\nplan.army-cap,600001,ap", 2, nil},
		{"tsv", "c.tsv", "topic\tvalue\tsource\tquote\nplan.army-cap\t600,000\treuters\t\"a\tb\"\n", 1, nil},
		{"csv multi-line cell", "c.csv", "topic,value,source,quote\nplan.army-cap,1,reuters,\"line one\nline two\"\nplan.army-cap,1,ap,x\n", 2, nil},
		{"csv unknown and duplicate header", "c.csv", "topic,value,source,sorce,value\n", 0, []string{
			"c.csv:1:20 unknown-field: unknown column \"sorce\"", "c.csv:1:26 duplicate-key: column \"value\" appears twice"}},
		{"csv header without topic", "c.csv", "value,source\n1,reuters\n", 0, []string{"c.csv:1:1 missing-field: the header has no topic column"}},
		{"csv empty", "c.csv", "\n\n", 0, []string{"c.csv:1:1 empty:"}},
		{"csv row problems", "c.csv", "topic,value,source,date,id\n" +
			",1,reuters,,\n" + // missing topic
			"plan.army-cap,1,reuters,2025-13-01,\n" + // bad date, claim kept
			"plan army,1,reuters,,\n" + // bad topic id
			"plan.army-cap,1,reuters\n" + // short row
			"plan.army-cap,\"1\"x,reuters,,\n" + // text after a quoted cell
			"plan.army-cap,1\"2,reuters,,\n" + // bare quote
			"plan.army-cap,1,nobody,,has space\n", // unknown source, bad id: claim kept
			2, []string{
				"c.csv:2:1 missing-field: claim has no topic",
				"c.csv:3:25 bad-date: date \"2025-13-01\" is not a date",
				"c.csv:4:1 bad-id: topic id \"plan army\"",
				"c.csv:5:1 csv: the row has 3 cells; the header has 5",
				"c.csv:6:18 csv: unexpected text after the closing",
				"c.csv:7:16 csv: a \" in a cell that is not quoted",
				"c.csv:8:17 unknown-source: claim cites source \"nobody\"",
				"c.csv:8:25 bad-id: claim id \"has space\"",
			}},
		{"csv unclosed quote", "c.csv", "topic,value,source,quote\nplan.army-cap,1,reuters,\"never closed\n", 0, []string{
			"c.csv:2:25 csv: the quoted cell is never closed"}},
		{"csv non-ascii columns", "c.csv", "quote,topic,value,source\n\"«é»\",plan.army-cap,1,reuterz\n", 1, []string{
			"c.csv:2:23 unknown-source: claim cites source \"reuterz\""}},
		{"csv invalid utf-8 and nul", "c.csv", "topic,value,source\nplan.army-cap,\xff,reuters\nplan.army-cap,1,reuters\nplan\x00\n", 1, []string{
			"c.csv:2:15 encoding: invalid UTF-8", "c.csv:4:5 binary: this is a binary file"}},
		{"jsonl", "c.jsonl", `{"id": "r/1", "topic": "plan.army-cap", "value": 600000, "source": "reuters", "via": ["ap", "axios"], "date": "2025-11-20", "as_of": null, "quote": "\"600k\" \u00e9", "context": {"draft": "28-point", "n": 3}, "denies": false, "note": "x"}` + "\n\n  \n" +
			`{"topic":"plan.army-cap","value":"600,000","source":"ap","via":"reuters","denies":"no"}`, 2, nil},
		{"jsonl problems", "c.jsonl", `{"topic": "plan.army-cap", "value": 1, "source": "reuters",}` + "\n" +
			`["not", "an", "object"]` + "\n" +
			`{"topic": "plan.army-cap", "value": [1, 2], "source": "reuters"}` + "\n" +
			`{"topic": "plan.army-cap", "value": 1, "source": "reuters", "sorce": "ap"}` + "\n" +
			`{"topic": "plan.army-cap", "value": 1, "source": "reuters", "topic": "x"}` + "\n" +
			`{"topic": "plan.army-cap", "value": 1, "source": "reuters", "denies": "maybe", "date": "soon"}` + "\n" +
			`{"topic": "plan.army-cap", "source": "reuters", "context": "a=b"}` + "\n" +
			`{"topic": "plan.army-cap", "value": 1, "source": "reuters", "via": ["ap", "nobody"]}` + "\n" +
			`{"topic": "plan.army-cap", "value": 1, "source": "reuters"} {}` + "\n",
			4, []string{
				"c.jsonl:1:60 json: invalid JSON: invalid character '}'",
				"c.jsonl:2:1 wrong-type: each line must hold one claim, a JSON object, not a list",
				"c.jsonl:3:37 wrong-type: value must be a single value, not a list",
				"c.jsonl:4:61 unknown-field: unknown field \"sorce\" in a claim",
				"c.jsonl:5:61 duplicate-key: duplicate key \"topic\" in a claim",
				"c.jsonl:6:71 wrong-type: denies must be true or false, not \"maybe\"",
				"c.jsonl:6:88 bad-date: date \"soon\" is not a date",
				"c.jsonl:7:1 missing-field: claim has no value",
				"c.jsonl:7:60 wrong-type: context must be an object",
				"c.jsonl:8:75 unknown-source: via names source \"nobody\"",
				"c.jsonl:9:61 json: invalid JSON: invalid character '{' after top-level value",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := loadFiles(t, "head.yaml", bulkHead, tt.file, tt.data)
			got := problemList(l.Problems)
			if len(got) != len(tt.problems) {
				t.Fatalf("problems:\n%s\nwant %d:\n%s", strings.Join(got, "\n"), len(tt.problems), strings.Join(tt.problems, "\n"))
			}
			for i, want := range tt.problems {
				if !strings.HasPrefix(got[i], want) {
					t.Errorf("problem %d:\n got %s\nwant %s…", i, got[i], want)
				}
			}
			if len(l.Claims) != tt.claims {
				t.Errorf("%d claims, want %d", len(l.Claims), tt.claims)
			}
		})
	}
}

// The same claim written in YAML, CSV, TSV and JSON Lines loads to the same
// Claim, with positions that point at each file's own fields.
func TestBulkMatchesYAML(t *testing.T) {
	yml := bulkHead + `claims:
  - id: r/1
    topic: plan.army-cap
    value: "600,000"
    source: reuters
    via: [ap, axios]
    date: 2025-11-20
    as_of: 2025-11-19
    quote: 'He said "600k"; then left'
    context: {lang: en, draft: "28; point"}
    denies: yes
    note: checked
  - topic: plan.army-cap
    value: 600000
    source: ap
`
	csvData := "id,topic,value,source,via,date,as_of,quote,context,denies,note\n" +
		"r/1,plan.army-cap,\"600,000\",reuters,ap;axios,2025-11-20,2025-11-19,\"He said \"\"600k\"\"; then left\",draft=28; point;lang=en,yes,checked\n" +
		",plan.army-cap,600000,ap,,,,,,,\n"
	tsvData := strings.ReplaceAll(strings.ReplaceAll(csvData, ",", "\t"), "600\t000", "600,000")
	jsonData := `{"id": "r/1", "topic": "plan.army-cap", "value": "600,000", "source": "reuters", "via": ["ap", "axios"], "date": "2025-11-20", "as_of": "2025-11-19", "quote": "He said \"600k\"; then left", "context": {"lang": "en", "draft": "28; point"}, "denies": true, "note": "checked"}
{"topic": "plan.army-cap", "value": 600000, "source": "ap"}
`
	want := loadFiles(t, "claims.yaml", yml)
	if len(want.Problems) > 0 || len(want.Claims) != 2 {
		t.Fatalf("yaml: %v, %d claims", problemList(want.Problems), len(want.Claims))
	}
	for _, f := range []struct {
		name, data string
		line, col  int // of the first claim's value
	}{{"c.csv", csvData, 2, 19}, {"c.tsv", tsvData, 2, 19}, {"c.jsonl", jsonData, 1, 50}} {
		got := loadFiles(t, "head.yaml", bulkHead, f.name, f.data)
		if len(got.Problems) > 0 {
			t.Fatalf("%s: %v", f.name, problemList(got.Problems))
		}
		if diff := claimsDiff(want.Claims, got.Claims); diff != "" {
			t.Errorf("%s: %s", f.name, diff)
		}
		if p := got.Claims[0].ValuePos(); filepath.Base(p.File) != f.name || p.Line != f.line || p.Col != f.col {
			t.Errorf("%s: value position %v", f.name, p)
		}
	}
}

// claimsDiff compares claims as data: the fields a claim file holds, not
// positions (which differ between files) nor parsed values (which hold NaN
// and are worked out from the text anyway).
func claimsDiff(want, got []Claim) string {
	if len(want) != len(got) {
		return fmt.Sprintf("%d claims, want %d", len(got), len(want))
	}
	type data struct {
		ID, Topic, Value, Source   string
		Via                        []string
		Date, AsOf, Quote, Context string
		Denies, Negated, DerivedID bool
		Note                       string
	}
	norm := func(c Claim) data {
		return data{c.ID, c.Topic, c.Value.Raw, c.Source, slices.Clip(append([]string{}, c.Via...)), c.Date, c.AsOf, c.Quote, c.Context,
			c.Denies, c.Value.Negated, c.derivedID, c.Note}
	}
	for i := range want {
		w, g := norm(want[i]), norm(got[i])
		if fmt.Sprintf("%#v", w) != fmt.Sprintf("%#v", g) {
			return fmt.Sprintf("claim %d:\n got %#v\nwant %#v", i, g, w)
		}
	}
	return ""
}

func TestBulkLongLine(t *testing.T) {
	long := strings.Repeat("x", MaxLineBytes+10)
	data := "topic,value,source,quote\n" +
		"plan.army-cap,1,reuters," + long + "\n" +
		"plan.army-cap,2,ap,\"" + long[:MaxLineBytes/2] + "\n" + long[:MaxLineBytes/2] + "\"\n" +
		"plan.army-cap,3,axios,fine\n"
	l := loadFiles(t, "head.yaml", bulkHead, "c.csv", data)
	got := problemList(l.Problems)
	want := []string{"c.csv:2:1 too-long: the line is longer than the limit of 1 MiB", "c.csv:3:1 too-long: the row is longer than the limit of 1 MiB"}
	if len(got) < 2 || !strings.HasPrefix(got[0], want[0]) || !strings.HasPrefix(got[1], want[1]) {
		t.Fatalf("problems %q, want %q", got, want)
	}
	if n := len(l.Claims); n == 0 || l.Claims[n-1].Quote != "fine" {
		t.Fatalf("the row after the long ones was not read: %d claims", n)
	}
	jl := loadFiles(t, "head.yaml", bulkHead, "c.jsonl", `{"quote": "`+long+`"}`+"\n"+`{"topic": "plan.army-cap", "value": 1, "source": "ap"}`)
	if got := problemList(jl.Problems); len(got) != 1 || !strings.HasPrefix(got[0], "c.jsonl:1:1 too-long:") || len(jl.Claims) != 1 {
		t.Fatalf("jsonl: %q, %d claims", got, len(jl.Claims))
	}
}

func TestBulkTooLarge(t *testing.T) {
	defer func(n int64) { MaxFileBytes = n }(MaxFileBytes)
	data := "topic,value,source\n" + strings.Repeat("plan.army-cap,1,reuters\n", 100)
	MaxFileBytes = int64(len(data) - 1)
	l := loadFiles(t, "c.csv", data)
	if got := problemList(l.Problems); len(got) != 1 || !strings.HasPrefix(got[0], "c.csv:1:1 too-large:") {
		t.Fatalf("file: %q", got)
	}
	// A stream that cannot be measured first is cut off where it passes
	// the cap.
	b := newBuilder()
	if err := b.addBulk("c.csv", io.MultiReader(strings.NewReader(data)), 0); err != nil {
		t.Fatal(err)
	}
	if got := problemList(b.l.Problems); len(got) != 1 || !strings.HasPrefix(got[0], "c.csv:101:1 too-large:") {
		t.Fatalf("stream: %q", got)
	}
}

func TestBulkShares(t *testing.T) {
	var buf bytes.Buffer
	if err := gen.CSV(&buf, gen.Options{Claims: 1000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	b := newBuilder()
	if err := b.addBulk("c.csv", &buf, 0); err != nil {
		t.Fatal(err)
	}
	first := map[string]string{}
	shared := 0
	for _, c := range b.l.Claims {
		for _, s := range []string{c.Source, c.Date} {
			prev, seen := first[s]
			switch {
			case !seen:
				first[s] = s
			case !sameString(prev, s):
				t.Fatalf("two copies of %q", s)
			default:
				shared++
			}
		}
	}
	if shared < 1000 {
		t.Fatalf("only %d strings shared", shared)
	}
}

// sameString reports two strings that share their bytes.
func sameString(a, b string) bool { return unsafe.StringData(a) == unsafe.StringData(b) }

// The generated CSV and JSON Lines hold the same claims as the generated
// YAML, so the benchmarks compare like with like.
func TestGeneratedBulk(t *testing.T) {
	o := gen.Options{Claims: 4000, Seed: 1}
	var yml, head, csvBuf, jsonBuf bytes.Buffer
	for _, w := range []struct {
		fn  func(io.Writer, gen.Options) error
		buf *bytes.Buffer
	}{{gen.YAML, &yml}, {gen.Head, &head}, {gen.CSV, &csvBuf}, {gen.JSONL, &jsonBuf}} {
		if err := w.fn(w.buf, o); err != nil {
			t.Fatal(err)
		}
	}
	want := loadFiles(t, "gen.yaml", yml.String())
	for _, f := range []struct{ name, data string }{{"claims.csv", csvBuf.String()}, {"claims.jsonl", jsonBuf.String()}} {
		got := loadFiles(t, "head.yaml", head.String(), f.name, f.data)
		if diag.HasErrors(got.Problems, false) {
			t.Fatalf("%s: %v", f.name, problemList(got.Problems)[0])
		}
		if diff := claimsDiff(want.Claims, got.Claims); diff != "" {
			t.Fatalf("%s: %s", f.name, diff)
		}
		if n := len(Analyze(got, Options{}).Disputes); n != 60 {
			t.Errorf("%s: %d disputes, want 60", f.name, n)
		}
	}
}

// FuzzCSVReader checks the CSV reader against encoding/csv: where
// encoding/csv reads every record, ours reads the same ones; where it
// fails, ours reports a problem.
func FuzzCSVReader(f *testing.F) {
	for _, s := range []string{"a,b\nc,d\n", "\"a\"\"b\",c\r\n", "\"multi\nline\",x\n\n", "a,\"b\"c\n", "a\"b\n", "\"open\n", ",,\n", "a\rb,c\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		if !utf8.ValidString(data) || strings.ContainsRune(data, 0) || strings.HasPrefix(data, "\uFEFF") {
			t.Skip()
		}
		cr := csv.NewReader(strings.NewReader(data))
		cr.FieldsPerRecord = -1
		want, werr := cr.ReadAll()

		bf := newBulkFile("f.csv", bufio.NewReader(strings.NewReader(data)))
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
		problems := len(bf.r.problems) > 0
		if (werr != nil) != problems {
			t.Fatalf("encoding/csv error %v; our problems %v", werr, problemList(bf.r.problems))
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
		b := newBuilder()
		if err := b.addBulk("f.jsonl", strings.NewReader(line), 0); err != nil {
			t.Fatal(err)
		}
		if !json.Valid([]byte(line)) && len(b.l.Problems) == 0 {
			t.Fatalf("invalid JSON read without a problem: %d claims", len(b.l.Claims))
		}
		if len(b.l.Problems) > 0 || len(b.l.Claims) == 0 {
			return
		}
		var m map[string]any
		var typeErr *json.UnmarshalTypeError
		if err := json.Unmarshal([]byte(line), &m); errors.As(err, &typeErr) {
			return // a number too large for a float64 is still JSON
		} else if err != nil {
			t.Fatalf("we read a claim, encoding/json says %v", err)
		}
		c := b.l.Claims[0]
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

// benchBulk generates n claims in a bulk format and measures loading them
// with the YAML head that defines their sources and topics, as claimdiff
// does for a directory.
func benchBulk(b *testing.B, name string, write func(io.Writer, gen.Options) error) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		o := gen.Options{Claims: n, Seed: 1}
		var head, data bytes.Buffer
		if err := gen.Head(&head, o); err != nil {
			b.Fatal(err)
		}
		if err := write(&data, o); err != nil {
			b.Fatal(err)
		}
		dir := b.TempDir()
		files := []string{filepath.Join(dir, "head.yaml"), filepath.Join(dir, name)}
		if err := os.WriteFile(files[0], head.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(files[1], data.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(data.Len()))
			for b.Loop() {
				l, err := Load(files)
				if err != nil || len(l.Claims) != n {
					b.Fatalf("%v, %d claims", err, len(l.Claims))
				}
			}
		})
	}
}

// Run with: go test ./claims -run '^$' -bench 'LoadCSV|LoadJSONL' -benchmem
func BenchmarkLoadCSV(b *testing.B)   { benchBulk(b, "claims.csv", gen.CSV) }
func BenchmarkLoadJSONL(b *testing.B) { benchBulk(b, "claims.jsonl", gen.JSONL) }

// The field numbers follow claimFields, which names them in messages.
func TestClaimFieldIndex(t *testing.T) {
	for i, name := range claimFields {
		if got := claimFieldIndex(name); got != i {
			t.Errorf("claimFieldIndex(%q) = %d, want %d", name, got, i)
		}
	}
	if len(claimFields) != numFields || claimFieldIndex("Topic") != -1 {
		t.Error("claimFields and the field numbers disagree")
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
				bl := newBuilder()
				if err := bl.addBulk(f.name, bytes.NewReader(data.Bytes()), int64(data.Len())); err != nil || len(bl.l.Claims) != 1_000_000 {
					b.Fatalf("%v, %d claims", err, len(bl.l.Claims))
				}
			}
		})
	}
}

// Hostile lines, near the length cap and full of cells or keys, cost time
// in proportion to their length, and their problems are capped per file.
func TestBulkHostileLines(t *testing.T) {
	header := "topic,value,source," + strings.Repeat("é,", 300_000) + "é"
	jsonLine := `{"topic": "plan.army-cap", "value": 1, "source": "ap"` + strings.Repeat(`, "é": 1`, 100_000) + "}"
	var kb strings.Builder
	for i := range 50_000 {
		fmt.Fprintf(&kb, "k%d=v;", i)
	}
	keys := kb.String()
	for _, f := range []struct{ name, data, first string }{
		{"c.csv", header + "\n", "c.csv:1:20 unknown-field: unknown column \"é\""},
		{"c.jsonl", jsonLine + "\n", "c.jsonl:1:56 unknown-field: unknown field \"é\""},
		{"k.csv", "topic,value,source,context\nt,1,ap," + keys + keys + "\n", "k.csv:2:8 duplicate-key: duplicate key \"k0\" in context"},
	} {
		b := newBuilder()
		if err := b.addBulk(f.name, strings.NewReader(f.data), 0); err != nil {
			t.Fatal(err)
		}
		got := problemList(b.l.Problems)
		if len(got) != maxProblems+1 || !strings.HasPrefix(got[0], f.first) || !strings.Contains(got[maxProblems], "too-many") {
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
