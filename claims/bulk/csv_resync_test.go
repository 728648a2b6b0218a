package bulk

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// A row whose quoted cell passes the cap is one problem: reading starts
// again after the cell's closing quote and the row's end, not inside the
// cell, where each of its lines would look like a row of its own.
func TestCSVTooLongQuotedCellResyncs(t *testing.T) {
	t.Parallel()
	// A cap of 64 KiB finds what the real 1 MiB does, at a sixteenth of
	// the work; the full-size run (CLAIMDIFF_FULL_TESTS) uses the real one.
	maxLine := sized(64<<10, MaxLineBytes)
	opts := Options{maxLine: maxLine}
	limit := diag.ByteSize(int64(maxLine))
	tooLong := "the row is longer than the limit of " + limit + "; it is skipped"
	shortLines := strings.Repeat("abc\n", maxLine/4+100)
	for _, tt := range []struct {
		name, row string
		want      []string
	}{
		{"short lines", "t,\"" + shortLines + "\",ap\n",
			[]string{"c.csv:3:1 too-long: " + tooLong}},
		{"quotes and separators inside", "t,\"" + strings.Repeat("a,\"\"b\"\",c\n", maxLine/10+100) + "\",ap\n",
			[]string{"c.csv:3:1 too-long: " + tooLong}},
		{"a second quoted cell after it", "t,\"" + shortLines + "\",\"x\ny\"\n",
			[]string{"c.csv:3:1 too-long: " + tooLong}},
		{"one line past the cap inside the cell", "t,\"a\n" + strings.Repeat("z", maxLine+10) + "\nb\",ap\n",
			[]string{"c.csv:3:1 too-long: " + tooLong}},
		{"a line past the cap opens the cell", "t,1,\"" + strings.Repeat("z", maxLine+10) + "\nb\nc\"\n",
			[]string{"c.csv:3:1 too-long: the line is longer than the limit of " + limit + "; it is skipped"}},
		{"a line past the cap with a stray quote", "t," + strings.Repeat("z", maxLine+10) + "\"z,ap\n",
			[]string{"c.csv:3:1 too-long: the line is longer than the limit of " + limit + "; it is skipped"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := "topic,value,source\nt,1,ap\n" + tt.row + "t,2,ap\n"
			res, err := read("c.csv", strings.NewReader(data), int64(len(data)), opts)
			if err != nil {
				t.Fatal(err)
			}
			got := problemList(res.problems)
			if len(got) > 5 {
				got = append(got[:5], fmt.Sprintf("... %d in all", len(res.problems)))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.want)
			}
			if len(res.claims) != 2 || res.claims[1].Value.Raw != "2" {
				t.Errorf("read %d claims, want the rows before and after the long one", len(res.claims))
			}
			// Blocks cut inside the skipped cell read it the same.
			sameWithBlocksOpts(t, "c.csv", []byte(data), opts, maxLine/16, maxLine/2)
		})
	}
}

// FuzzCSVScan holds csvScan, which finds where a skipped record ends, to
// the reader: for any text, both end records on the same lines.
func FuzzCSVScan(f *testing.F) {
	for _, s := range []string{"a,b\nc,d\n", "\"a\"\"b\",c\r\n", "\"multi\nline\",x\n\n", "a,\"b\"c\n", "a\"b\n", "\"open\n", ",,\n", "a\rb,c\r\n",
		"t,\"x\n\"\"y\"\",\nz\",ap\nt,2\n", "\"a\"\r\nb\n", "\"a\"\rb\nc\n", "x,\"\"\n\"\n", "\"\"\"\n\"\"\"\nq\n", "\n\n\"\n\n\"\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		if !utf8.ValidString(data) || strings.ContainsRune(data, 0) || strings.HasPrefix(data, "\uFEFF") {
			t.Skip()
		}
		bf := newBulkFile("f.csv", bufio.NewReader(strings.NewReader(data)), 1<<30)
		cr := &csvReader{bf: bf, comma: ','}
		var want []int
		for {
			if _, err := cr.read(); err != nil {
				if err != io.EOF {
					t.Fatal(err)
				}
				break
			}
			want = append(want, bf.lr.line)
		}
		s := csvScan{comma: ','}
		var got []int
		lines := strings.SplitAfter(data, "\n")
		start := 0
		for i, l := range lines {
			if l == "" {
				continue
			}
			s.feed([]byte(l))
			if !strings.HasSuffix(l, "\n") {
				s.feed([]byte{'\n'})
			}
			if s.open() {
				continue
			}
			// The reader passes over empty lines between records.
			if i != start || strings.TrimRight(l, "\r\n") != "" {
				got = append(got, i+1)
			}
			start = i + 1
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("records end on lines %v; the reader ends them on %v", got, want)
		}
	})
}
