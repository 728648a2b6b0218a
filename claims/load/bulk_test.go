package load

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/internal/claimstest"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/gen"
	"go.yaml.in/yaml/v3"
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
func loadFiles(t testing.TB, files ...string) *claims.Ledger {
	t.Helper()
	return loadFilesWith(t, Options{}, files...)
}

// loadFilesWith is loadFiles with options.
func loadFilesWith(t testing.TB, opts Options, files ...string) *claims.Ledger {
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
	l, err := Load(Paths(names), opts)
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
		if diff := claimstest.Diff(want.Claims, got.Claims); diff != "" {
			t.Errorf("%s: %s", f.name, diff)
		}
		if p := got.Claims[0].ValuePos(); filepath.Base(p.File) != f.name || p.Line != f.line || p.Col != f.col {
			t.Errorf("%s: value position %v", f.name, p)
		}
	}
}

func TestBulkLongLine(t *testing.T) {
	long := strings.Repeat("x", bulk.MaxLineBytes+10)
	data := "topic,value,source,quote\n" +
		"plan.army-cap,1,reuters," + long + "\n" +
		"plan.army-cap,2,ap,\"" + long[:bulk.MaxLineBytes/2] + "\n" + long[:bulk.MaxLineBytes/2] + "\"\n" +
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

// A bulk file streams, so its size is not capped (a month of a feed is
// hundreds of megabytes), but the claims it gives are: past the cap it
// ends with too-many-rows, on a file or a stream alike.
func TestBulkRowCap(t *testing.T) {
	data := "topic,value,source\n" + strings.Repeat("plan.army-cap,1,reuters\n", 100)
	opts := Options{MaxFileBytes: int64(len(data) - 1), MaxRows: 60}
	l := loadFilesWith(t, opts, "head.yaml", bulkHead, "c.csv", data)
	if got := problemList(l.Problems); len(got) != 1 || !strings.HasPrefix(got[0], "c.csv:62:1 too-many-rows:") || len(l.Claims) != 60 {
		t.Fatalf("file: %d claims, %q", len(l.Claims), got)
	}
	b := newBuilder(opts)
	if err := b.addBulk("c.csv", bulk.CSV, io.MultiReader(strings.NewReader(data)), 0); err != nil {
		t.Fatal(err)
	}
	if got := problemList(b.l.Problems); len(got) != 1 || !strings.HasPrefix(got[0], "c.csv:62:1 too-many-rows:") || len(b.l.Claims) != 60 {
		t.Fatalf("stream: %d claims, %q", len(b.l.Claims), got)
	}
}

func TestBulkShares(t *testing.T) {
	var buf bytes.Buffer
	if err := gen.CSV(&buf, gen.Options{Claims: 1000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	b := newBuilder(Options{})
	if err := b.addBulk("c.csv", bulk.CSV, &buf, 0); err != nil {
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
		if diff := claimstest.Diff(want.Claims, got.Claims); diff != "" {
			t.Fatalf("%s: %s", f.name, diff)
		}
		if n := len(claims.Analyze(got, claims.Options{}).Disputes); n != 60 {
			t.Errorf("%s: %d disputes, want 60", f.name, n)
		}
	}
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
				l, err := Load(Paths(files), Options{})
				if err != nil || len(l.Claims) != n {
					b.Fatalf("%v, %d claims", err, len(l.Claims))
				}
			}
		})
	}
}

// Run with: go test ./claims -run '^$' -bench 'LoadCSV|LoadJSONL' -benchmem
func BenchmarkLoadCSV(b *testing.B) { benchBulk(b, "claims.csv", gen.CSV) }

func BenchmarkLoadJSONL(b *testing.B) { benchBulk(b, "claims.jsonl", gen.JSONL) }

// withoutClaims returns a ledger file with its claims: section removed, to
// sit beside an export of those claims.
func withoutClaims(t testing.TB, data []byte) string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "claims" {
			root.Content = append(root.Content[:i], root.Content[i+2:]...)
			break
		}
	}
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// Exporting the example and loading the export beside the example's
// sources and topics gives back the same claims, and the same disputes.
func TestExportRoundTrip(t *testing.T) {
	orig := Bytes("example/claims.yaml", example.YAML)
	if diag.HasErrors(orig.Problems, false) {
		t.Fatal(orig.Problems[0].Error())
	}
	head := withoutClaims(t, example.YAML)
	want := disputeSummary(orig)
	for _, format := range bulk.ExportFormats {
		if format == "json" {
			continue // a document for scripts, which the loader does not read
		}
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := bulk.Export(&buf, orig.Claims, format); err != nil {
				t.Fatal(err)
			}
			got := loadFiles(t, "head.yaml", head, "claims."+format, buf.String())
			if diag.HasErrors(got.Problems, false) {
				t.Fatal(problemList(got.Problems))
			}
			if diff := claimstest.Diff(orig.Claims, got.Claims); diff != "" {
				t.Fatal(diff)
			}
			if s := disputeSummary(got); s != want {
				t.Errorf("disputes differ:\n got %s\nwant %s", s, want)
			}
			// An export of the export is the same bytes.
			var again bytes.Buffer
			if err := bulk.Export(&again, got.Claims, format); err != nil {
				t.Fatal(err)
			}
			if again.String() != buf.String() {
				t.Errorf("export is not stable:\n%s\n---\n%s", buf.String(), again.String())
			}
		})
	}
}

func disputeSummary(l *claims.Ledger) string {
	var b strings.Builder
	for _, d := range claims.Analyze(l, claims.Options{}).Disputes {
		fmt.Fprintf(&b, "%s:%d ", d.Topic, len(d.Positions))
	}
	return b.String()
}
