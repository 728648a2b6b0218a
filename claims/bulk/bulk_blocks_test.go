package bulk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unsafe"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/gen"
)

// readWithBlocks reads a bulk file cut into blocks of size bytes, and says
// what came of it: the claims with their places, the problems, the error.
// The file claims to be declared bytes long, which sizes the ledger's
// slots for its claims: too few, and later blocks get lists of their own.
func readWithBlocks(t testing.TB, name string, data []byte, size int, declared int64, opts Options) string {
	t.Helper()
	opts.blockSize = size
	b, err := read(name, bytes.NewReader(data), declared, opts)
	var out strings.Builder
	for i, c := range b.claims {
		fmt.Fprintf(&out, "%s|%s|%s|%s|%q|%s|%s|%s|%s|%s|%v|%v|%v|%v\n", c.ID, c.Topic, c.Value.Raw, c.Source, c.Via,
			c.Date, c.AsOf, c.Quote, c.Context, c.Note, c.Denies, c.Pos, c.ValueAt, b.places[i])
	}
	for _, p := range problemList(b.problems) {
		fmt.Fprintln(&out, p)
	}
	fmt.Fprintln(&out, "error:", err)
	return out.String()
}

// sameWithBlocks checks that cutting a file into blocks of each size
// changes nothing against reading it as one block.
func sameWithBlocks(t testing.TB, name string, data []byte, sizes ...int) {
	t.Helper()
	sameWithBlocksOpts(t, name, data, Options{}, sizes...)
}

// sameWithBlocksOpts is sameWithBlocks for a file read with opts (a cap
// on the file or on its lines).
func sameWithBlocksOpts(t testing.TB, name string, data []byte, opts Options, sizes ...int) {
	t.Helper()
	// One block longer than the file: a block of 1 GiB, on a file of
	// unknown size, cleared a GiB for every file read.
	want := readWithBlocks(t, name, data, len(data)+1, 0, opts)
	for _, size := range sizes {
		for _, declared := range []int64{int64(len(data)), int64(len(data) / 3), 0} {
			if got := readWithBlocks(t, name, data, size, declared, opts); got != want {
				t.Fatalf("%s in blocks of %d bytes, said to be %d bytes, reads differently:\n%s", name, size, declared, firstDiff(got, want))
			}
		}
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d\n got %q\nwant %q", i+1, gl, wl)
		}
	}
	return "(no difference)"
}

func TestBlocksGenerated(t *testing.T) {
	t.Parallel()
	for _, f := range []struct {
		name  string
		write func(io.Writer, gen.Options) error
	}{{"claims.csv", gen.CSV}, {"claims.jsonl", gen.JSONL}} {
		var data bytes.Buffer
		if err := f.write(&data, gen.Options{Claims: sized(600, 3000), Seed: 7}); err != nil {
			t.Fatal(err)
		}
		sameWithBlocks(t, f.name, data.Bytes(), 1, 100, 4096, 65536)
	}
}

// CSV records with quoted line breaks straddle block cuts; a worker that
// starts inside one reads nonsense, which must never reach the ledger.
func TestBlocksOpenRecords(t *testing.T) {
	t.Parallel()
	var csv strings.Builder
	csv.WriteString("id,topic,value,source,quote\n")
	for i := range 300 {
		switch i % 7 {
		case 0:
			fmt.Fprintf(&csv, "c%d,plan.army-cap,%d,reuters,\"line one\nline \"\"two\"\"\n,three\"\n", i, i)
		case 3:
			fmt.Fprintf(&csv, "c%d,plan.army-cap,%d,ap,\"a quote, with a comma\"\r\n", i, i)
		case 5:
			fmt.Fprintf(&csv, "\nc%d,plan.army-cap,\"%d\",axios,\"\n\n\"\n", i, i)
		default:
			fmt.Fprintf(&csv, "c%d,plan.army-cap,%d,ap,plain\n", i, i)
		}
	}
	data := []byte(csv.String())
	sameWithBlocks(t, "c.csv", data, 1, 7, 16, 50, 333)
	// A quoted cell never closed runs to the end of the file from any cut.
	sameWithBlocks(t, "c.csv", append(slices.Clip(data), "c9,t,1,ap,\"open\nand on\n"...), 5, 64)
}

// What stops or breaks reading must be met at the same place in blocks.
func TestBlocksStops(t *testing.T) {
	t.Parallel()
	rows := strings.Repeat(`{"topic": "t", "value": "1", "source": "ap"}`+"\n", 200)
	binary := rows + "{\"topic\": \"t\x00\"}\n" + rows
	sameWithBlocks(t, "c.jsonl", []byte(binary), 1, 100, 1000)
	csvRows := "topic,value,source\n" + strings.Repeat("t,1,ap\n", 200)
	sameWithBlocks(t, "c.csv", []byte(csvRows+"t,\x00,ap\n"+csvRows), 3, 100)
	// A line longer than the cap, and than any block, is skipped; a cap
	// of 64 KiB shows it as the real 1 MiB does (CLAIMDIFF_FULL_TESTS).
	maxLine := sized(64<<10, MaxLineBytes)
	opts := Options{maxLine: maxLine}
	long := `{"quote": "` + strings.Repeat("x", 3*maxLine) + `"}` + "\n"
	sameWithBlocksOpts(t, "c.jsonl", []byte(rows+long+rows), opts, 100, maxLine/16)
	// A quoted cell longer than the cap, of lines that cross blocks.
	cell := strings.Repeat(strings.Repeat("y", 4000)+"\n", maxLine/4000+10)
	sameWithBlocksOpts(t, "c.csv", []byte(csvRows+"t,1,\""+cell+"\"\n"+"t,2,ap\n"), opts, 100, maxLine/16)
}

// Past the cap on a file's size, reading stops at the line that passes
// it, however the file was cut.
func TestBlocksTooLarge(t *testing.T) {
	data := []byte("topic,value,source\n" + strings.Repeat("plan.army-cap,1,reuters\n", 100))
	limit := int64(len(data) - 30)
	sameWithBlocksOpts(t, "c.csv", data, Options{MaxFileBytes: limit}, 1, 50, 1000)
	if got := readWithBlocks(t, "c.csv", data, 50, int64(len(data)), Options{MaxFileBytes: limit}); !strings.Contains(got, "c.csv:100:1 too-large:") {
		t.Errorf("no too-large problem at line 100:\n%s", got)
	}
}

func TestBlocksReadError(t *testing.T) {
	data := strings.Repeat(`{"topic": "t", "value": "1", "source": "ap"}`+"\n", 50)
	broken := io.MultiReader(strings.NewReader(data), iotest.ErrReader(errors.New("disk on fire")))
	_, err := read("c.jsonl", broken, 0, Options{blockSize: 64})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("error %v, want the read error", err)
	}
}

// FuzzBlocks holds reading in blocks to reading the file whole, for any
// file and any block size.
func FuzzBlocks(f *testing.F) {
	for _, s := range []string{"a,b\nc,d\n", "topic,value,source\nt,\"1\n2\",ap\nt,3,ap\n", "topic,value,source\n\"open\n", "topic,value\n\n\n\"\"\"\n,\n",
		`{"topic": "t", "value": "1", "source": "ap"}` + "\n\n" + `{"topic": "t"` + "\n" + `[1]`} {
		f.Add(s, uint8(3), s[0] == '{')
	}
	f.Fuzz(func(t *testing.T, data string, size uint8, jsonl bool) {
		name := "f.csv"
		if jsonl {
			name = "f.jsonl"
		}
		sameWithBlocks(t, name, []byte(data), int(size%64)+1)
	})
}

// A file of short lines that are not claims reserves room for few claims,
// not one per line.
func TestBlocksShortLinesReserveLittle(t *testing.T) {
	data := []byte(strings.Repeat("x\n", sized(1<<16, 1<<20)))
	b, err := read("junk.jsonl", bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	perClaim := int(unsafe.Sizeof(claims.Claim{}) + unsafe.Sizeof(claims.Places{}))
	if got := cap(b.claims) * perClaim; got > 9*len(data) {
		t.Errorf("reserved %d bytes of claims for a file of %d bytes", got, len(data))
	}
	if len(b.claims) != 0 || len(b.problems) == 0 {
		t.Errorf("%d claims and %d problems from junk", len(b.claims), len(b.problems))
	}
}

// A small file is read with a buffer its size, not a whole block: a
// ledger may hold a hundred of them.
func TestBlocksSmallFileSmallBuffer(t *testing.T) {
	data := []byte("topic,value,source\nt,1,ap\nt,2,ap\n")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b, err := read("f.csv", bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil || len(b.claims) != 2 {
		t.Fatalf("%v, %d claims", err, len(b.claims))
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 64<<10 {
		t.Errorf("reading %d bytes allocated %d bytes", len(data), got)
	}
}

// The cap on claims holds however the file is cut into blocks.
func TestBlocksRowCap(t *testing.T) {
	data := []byte("topic,value,source\n" + strings.Repeat("t,1,ap\n", 1000))
	for _, size := range []int{16, 64, 1000, 1 << 20} {
		b, err := read("c.csv", bytes.NewReader(data), int64(len(data)), Options{MaxRows: 500, blockSize: size})
		if err != nil {
			t.Fatal(err)
		}
		got := problemList(b.problems)
		if len(b.claims) != 500 || len(b.places) != 500 || len(got) == 0 || !strings.HasPrefix(got[0], "c.csv:502:1 too-many-rows:") {
			t.Errorf("blocks of %d: %d claims, problems %q", size, len(b.claims), got)
		}
	}
}
