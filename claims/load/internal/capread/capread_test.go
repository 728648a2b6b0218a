package capread

import (
	"bytes"
	"io"
	"testing"

	"go.yaml.in/yaml/v3"
)

// maxScalarBytes is the ledger's cap on one scalar.
const maxScalarBytes = 1 << 20

// endless is "ledger: 1\ntitle: " and then x for ever.
type endless struct {
	head string
	read int64
}

func (e *endless) Read(p []byte) (int, error) {
	n := copy(p, e.head)
	e.head = e.head[n:]
	for i := n; i < len(p); i++ {
		p[i] = 'x'
	}
	e.read += int64(len(p))
	return len(p), nil
}

// Reading stops within a chunk of the cap, whatever the stream's length.
func TestReadScanningStopsAtCap(t *testing.T) {
	r := &endless{head: "ledger: 1\ntitle: "}
	_, err := Reader(r, 1<<40, 64<<10, maxScalarBytes)
	var long *LongError
	if !errorsAs(err, &long) || long.At != int64(len("ledger: 1\ntitle: ")) {
		t.Fatalf("err %v, want a long scalar at offset 17", err)
	}
	if r.read > maxScalarBytes+2<<20 {
		t.Errorf("read %d bytes to refuse a scalar over %d", r.read, maxScalarBytes)
	}
}

// lines is "ledger: 1\ntitle: |\n" and then indented lines, 16 MiB of them.
type lines struct {
	head string
	read int64
}

func (l *lines) Read(p []byte) (int, error) {
	if l.read > 16<<20 {
		return 0, io.EOF // far past the cap: a reader that stops here failed
	}
	n := copy(p, l.head)
	l.head = l.head[n:]
	for i := n; i < len(p); i++ {
		p[i] = "  xxxxxxxxxxxxxx\n"[(l.read+int64(i-n))%17]
	}
	l.read += int64(len(p) - n)
	return len(p), nil
}

// A block scalar of short lines is refused while the file is read, as a
// long line is, not after yaml.v3 has built it (250 MB took 8 s, 1.4 GB).
func TestReadScanningStopsAtBlockScalar(t *testing.T) {
	head := "ledger: 1\ntitle: |\n"
	r := &lines{head: head}
	_, err := Reader(r, 1<<40, 64<<10, maxScalarBytes)
	var long *LongError
	if !errorsAs(err, &long) || long.At != int64(len(head)) {
		t.Fatalf("err %v, want a long scalar at offset %d", err, len(head))
	}
	if r.read > 2*maxScalarBytes+2<<20 {
		t.Errorf("read %d bytes to refuse a block scalar over %d", r.read, maxScalarBytes)
	}
	// Under the cap, and beside other keys, the same scalar is read.
	var b bytes.Buffer
	b.WriteString("ledger: 1\ntitle: |\n")
	for b.Len() < maxScalarBytes-64 {
		b.WriteString("  xxxxxxxxxxxxxx\n")
	}
	b.WriteString("sources:\n  s: {name: S, kind: outlet}\nclaims:\n  - {topic: t, value: 1, source: s}\n")
	for range 2 {
		b.WriteString("  - topic: t\n    value: 1\n    source: s\n    quote: |\n")
		for range maxScalarBytes / 40 {
			b.WriteString("      yyyyyyyyyyyyyyyyyyyyyy\n")
		}
	}
	if _, err := Reader(bytes.NewReader(b.Bytes()), 1<<40, int64(b.Len()), maxScalarBytes); err != nil {
		t.Errorf("a file of block scalars each under the cap: %v", err)
	}
}

func errorsAs(err error, target **LongError) bool {
	e, ok := err.(*LongError)
	*target = e
	return ok
}

// The run scanner never calls a legal file too long: a run it finds over
// the limit lies inside one scalar that yaml.v3 also finds over it.
func FuzzRunScanner(f *testing.F) {
	for _, seed := range []string{
		"title: abcdefghij\n",
		"- abcdefghij\n",
		"--- abcdefghij\n",
		"... abc\n",
		"a: &anchorname abc\n",
		"a: !tagname abc\n",
		"a: *aliasname\n",
		"a: |\n  abcdefghij\n",
		"a: >-2 # comment here\n  abcdefghij\n",
		"a: \"\\u0041\\u0041\\u0041\"\n",
		"a: 'it''s abcdefghij'\n",
		"[abcd, efgh, ijkl]\n",
		"{a: b, c: d}\n",
		"a: b # comment abcdefghijk\n",
		"a: b#notacomment\n",
		"? abcdefghij\n: x\n",
		"%YAML 1.2\n---\na: b\n",
		"a: \"x #y abcdefghijk\"\n",
		"a: x\r\n  abcdefghij\n",
		"\ufeffabcdefgh\n",
		"a:\tabcdefghij\n",
		"a: -abcdefghij\n",
		"a: .abcdefghij\n",
		"a: |\n  abcd\n  efgh\n  ijkl\n",
		"- >-\n  abcdef\n  ghijkl\nb: c\n",
		"a: |\n  #abc\n\n  x\nb: y\n  z\n",
		"k:\n  - |\n    abcdefgh\n    ij\n  - x\n",
		"k: |2\n    abc\n   def\n  ghi\nz: |+\n",
		"a: \"b\n  c: |\n  \"\nd: e\n",
	} {
		f.Add([]byte(seed))
	}
	const limit = 8
	f.Fuzz(func(t *testing.T, data []byte) {
		at, long := newRunScanner(limit).scan(data, 0)
		// Read in two pieces, as a file is read in chunks, the answer is
		// the same.
		for _, cut := range []int{1, len(data) / 2, len(data) - 1} {
			if cut < 0 || cut > len(data) {
				continue
			}
			s := newRunScanner(limit)
			at2, long2 := s.scan(data[:cut], 0)
			if !long2 {
				at2, long2 = s.scan(data, cut)
			}
			// Where it stops may differ (a long line or a long block
			// scalar, whichever a piece shows first), whether it does not.
			if long2 != long {
				t.Fatalf("%q cut at %d: %d, %v; whole: %d, %v", data, cut, at2, long2, at, long)
			}
		}
		if !long {
			return
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
			// Refused either way. (yaml.v3 drops text after a comment
			// that follows a top-level scalar, "0 #\n000000000", which
			// is not a ledger whatever it holds.)
			return
		}
		if !sees(data, at, limit+1, &doc) {
			// yaml.v3 silently drops some text after the end of what it
			// reads ("{0}000000000"); a run in it is no scalar to it.
			return
		}
		if longest(&doc) <= limit {
			t.Fatalf("run at %d called too long, but no scalar is longer than %d: %q", at, limit, data)
		}
	})
}

// longest is the length of the longest scalar value or key below n.
func longest(n *yaml.Node) int {
	best := 0
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.ScalarNode {
			best = max(best, len(n.Value))
		}
		stack = append(stack, n.Content...)
	}
	return best
}

// sees reports whether yaml.v3 reads the n bytes at off of data, which
// decode to doc: changing their letters and digits changes the tree.
func sees(data []byte, off, n int64, doc *yaml.Node) bool {
	changed := bytes.Clone(data)
	for i := off; i < off+n && i < int64(len(changed)); i++ {
		switch c := changed[i]; {
		case c == 'Q':
			changed[i] = 'R'
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			changed[i] = 'Q'
		}
	}
	var other yaml.Node
	if yaml.Unmarshal(changed, &other) != nil {
		return true
	}
	a, _ := yaml.Marshal(doc)
	b, _ := yaml.Marshal(&other)
	return !bytes.Equal(a, b)
}
