package bulk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/claimdiff/claimdiff/claims"
)

func gzipped(t testing.TB, text []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(text); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zstded(t testing.TB, text []byte) []byte {
	t.Helper()
	w, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	return w.EncodeAll(text, nil)
}

func TestFormatOfCompressed(t *testing.T) {
	tests := []struct {
		name string
		f    Format
		ok   bool
		c    Compression
	}{
		{"day.csv.gz", CSV, true, Gzip},
		{"DAY.TSV.GZ", TSV, true, Gzip},
		{"a/claims.jsonl.gz", JSONLines, true, Gzip},
		{"claims.ndjson.zst", JSONLines, true, Zstd},
		{"claims.csv", CSV, true, Uncompressed},
		{"claims.parquet.gz", 0, false, Gzip}, // Parquet compresses its own columns
		{"notes.txt.gz", 0, false, Gzip},
		{"claims.gz", 0, false, Gzip},
	}
	for _, tt := range tests {
		f, ok := FormatOf(tt.name)
		c, _ := CompressionOf(tt.name)
		if f != tt.f || ok != tt.ok || c != tt.c {
			t.Errorf("%s: format %v %v, compression %v; want %v %v, %v", tt.name, f, ok, c, tt.f, tt.ok, tt.c)
		}
	}
	if f, ok := ExportFormatFor("out.csv.gz"); ok {
		t.Errorf("export to out.csv.gz picks %q, which would not be compressed", f)
	}
}

// A compressed file gives the claims, problems and positions of the
// plain file, in every text format, gzip and zstd alike, in blocks small
// enough that the file takes many.
func TestCompressedReadsAsPlain(t *testing.T) {
	t.Parallel()
	var csv, jsonl strings.Builder
	csv.WriteString("id,topic,value,source,date\n")
	for i := range 3000 {
		date := "2025-01-01"
		if i%700 == 3 {
			date = "someday"
		}
		fmt.Fprintf(&csv, "c%d,t%d,%d,s,%s\n", i, i%50, i, date)
		fmt.Fprintf(&jsonl, `{"id": "c%d", "topic": "t%d", "value": "%d", "source": "s", "date": %q}`+"\n", i, i%50, i, date)
	}
	for _, plain := range []struct{ name, text string }{{"claims.csv", csv.String()}, {"claims.tsv", strings.ReplaceAll(csv.String(), ",", "\t")}, {"claims.jsonl", jsonl.String()}} {
		want, err := read(plain.name, strings.NewReader(plain.text), int64(len(plain.text)), Options{blockSize: 4096})
		if err != nil {
			t.Fatal(err)
		}
		for ext, pack := range map[string]func(testing.TB, []byte) []byte{".gz": gzipped, ".zst": zstded} {
			data := pack(t, []byte(plain.text))
			name := plain.name + ext
			got, err := read(name, bytes.NewReader(data), int64(len(data)), Options{blockSize: 4096})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(got.claims) != 3000 || !reflect.DeepEqual(claimsAt(got.claims), claimsAt(want.claims)) {
				t.Errorf("%s: %d claims, want those of %s (%d)", name, len(got.claims), plain.name, len(want.claims))
			}
			gp, wp := problemList(got.problems), problemList(want.problems)
			for i := range wp {
				wp[i] = strings.Replace(wp[i], plain.name, name, 1)
			}
			if !reflect.DeepEqual(gp, wp) || len(gp) != 5 {
				t.Errorf("%s: problems\n%s\nwant\n%s", name, strings.Join(gp, "\n"), strings.Join(wp, "\n"))
			}
		}
	}
}

// claimsAt is each claim's id, value and line, which say it was read
// from the same place.
func claimsAt(cs []claims.Claim) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = fmt.Sprintf("%s %s %d:%d", c.ID, c.Value.Raw, c.Pos.Line, c.Pos.Col)
	}
	return out
}

// countingReader counts the compressed bytes a reader takes.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// A gzip bomb is refused at the cap on what it expands to, having
// expanded no more than that: here 64 MiB of blank lines, and one line
// that never ends, in 64 KiB or so of gzip, against a 1 MiB cap.
func TestGzipBombStopsAtTheCap(t *testing.T) {
	t.Parallel()
	const expanded = 64 << 20
	for what, unit := range map[string][]byte{"blank lines": []byte("\n"), "one endless line": []byte("a")} {
		bomb := gzipped(t, append([]byte("topic,value,source\n"), bytes.Repeat(unit, expanded)...))
		for _, name := range []string{"bomb.csv.gz", "bomb.jsonl.gz"} {
			cr := &countingReader{r: bytes.NewReader(bomb)}
			res, err := read(name, cr, int64(len(bomb)), Options{expandedBytes: 1 << 20})
			if err != nil {
				t.Fatalf("%s, %s: %v", what, name, err)
			}
			ps := problemList(res.problems)
			if len(ps) == 0 || !strings.Contains(ps[len(ps)-1], "too-large: the file expands to more than 1 MiB") {
				t.Errorf("%s, %s: problems %q, want too-large", what, name, ps)
			}
			// Reading ahead a few blocks is fine; inflating the rest is not.
			if cr.n > len(bomb)/4 {
				t.Errorf("%s, %s: read %d of %d compressed bytes before refusing", what, name, cr.n, len(bomb))
			}
		}
	}
	if got := expandedLimit(10 << 20); got != 1<<30+640<<20 {
		t.Errorf("a 10 MiB file may expand to %d, want 64 times its size and 1 GiB", got)
	}
}

// Data that is not what the name says, or breaks off, is a problem of
// the file with its line, not a failure to read the ledger.
func TestBrokenCompression(t *testing.T) {
	var b strings.Builder
	b.WriteString("topic,value,source\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "t,%d,s\n", i*7919%100003)
	}
	text := []byte(b.String())
	gz := gzipped(t, text)
	tests := []struct {
		name, data, want string
	}{
		{"plain.csv.gz", string(text), "plain.csv.gz:1:1 bad-compression: the file is not gzip data, as its name says"},
		{"empty.csv.gz", "", "empty.csv.gz:1:1 bad-compression: the file is not gzip data"},
		{"cut.csv.gz", string(gz[:len(gz)/2]), "cut.csv.gz:%d:1 bad-compression: the gzip data breaks off after line %d; the rest is not read"},
		{"plain.jsonl.zst", string(text), "plain.jsonl.zst:1:1 bad-compression: the file is not zstd data"},
	}
	for _, tt := range tests {
		res, err := read(tt.name, strings.NewReader(tt.data), int64(len(tt.data)), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		ps := problemList(res.problems)
		if strings.Contains(tt.want, "%d") {
			// The claims read are kept, and the problem follows the last.
			if len(res.claims) == 0 {
				t.Fatalf("%s: no claims kept", tt.name)
			}
			last := res.claims[len(res.claims)-1].Pos.Line
			tt.want = fmt.Sprintf(tt.want, last+1, last)
			if last < 100 {
				t.Errorf("%s: kept only %d claims", tt.name, len(res.claims))
			}
		}
		if len(ps) == 0 || !strings.HasPrefix(ps[len(ps)-1], tt.want) || !strings.Contains(ps[len(ps)-1], "bad-compression") {
			t.Errorf("%s: problems %q, want %q", tt.name, ps, tt.want)
		}
	}
}

// A gzip file's trailer sizes the claim list; a lying one is held to 16
// times the file, and only gzip has one.
func TestGzipSizeHint(t *testing.T) {
	text := []byte(strings.Repeat("t,1,s\n", 1000))
	gz := gzipped(t, text)
	if got := gzipSizeHint(Gzip, bytes.NewReader(gz), int64(len(gz))); got != int64(min(len(text), 16*len(gz))) {
		t.Errorf("hint %d for %d bytes in %d", got, len(text), len(gz))
	}
	liar := slices.Clone(gz)
	copy(liar[len(liar)-4:], []byte{0xff, 0xff, 0xff, 0xff})
	if got := gzipSizeHint(Gzip, bytes.NewReader(liar), int64(len(liar))); got != 16*int64(len(liar)) {
		t.Errorf("a lying trailer gives %d", got)
	}
	if got := gzipSizeHint(Zstd, bytes.NewReader(gz), int64(len(gz))); got != 0 {
		t.Errorf("zstd hint %d, want none", got)
	}
}

// A stream that fails under the decompressor is a file that cannot be
// read, as a plain file's would be, not bad data.
func TestCompressedStreamError(t *testing.T) {
	gz := gzipped(t, []byte("topic,value,source\n"+strings.Repeat("t,1,s\n", 100000)))
	broken := io.MultiReader(bytes.NewReader(gz[:len(gz)/2]), iotestErrReader{})
	_, err := read("f.csv.gz", broken, 0, Options{})
	if err == nil || err.Error() != "disk on fire" {
		t.Errorf("error %v, want the stream's own", err)
	}
}

type iotestErrReader struct{}

func (iotestErrReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// FuzzCompressed holds a compressed file to its plain text: whatever the
// bytes, reading never fails nor panics, and a file that expands whole
// gives the claims and problems of the text it expands to.
func FuzzCompressed(f *testing.F) {
	for _, s := range []string{"topic,value,source\nt,1,s\n", "topic,value\nt,\n", "", "\x1f\x8b"} {
		f.Add([]byte(s), false)
		f.Add(gzipped(f, []byte(s)), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, zst bool) {
		name, pack := "f.csv.gz", gzipped
		if zst {
			name, pack = "f.csv.zst", zstded
		}
		opts := Options{expandedBytes: 1 << 20, blockSize: 4096}
		if _, err := read(name, bytes.NewReader(data), int64(len(data)), opts); err != nil {
			t.Fatalf("raw bytes: %v", err)
		}
		want, err := read("f.csv", bytes.NewReader(data), int64(len(data)), opts)
		if err != nil {
			t.Fatal(err)
		}
		packed := pack(t, data)
		got, err := read(name, bytes.NewReader(packed), int64(len(packed)), opts)
		if err != nil {
			t.Fatal(err)
		}
		wp := problemList(want.problems)
		for i := range wp {
			wp[i] = strings.Replace(wp[i], "f.csv", name, 1)
		}
		if !reflect.DeepEqual(claimsAt(got.claims), claimsAt(want.claims)) || !reflect.DeepEqual(problemList(got.problems), wp) {
			t.Fatalf("expanded %s differs from the plain file:\n%q\n%q", name, problemList(got.problems), wp)
		}
	})
}
