package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// Hostile ledgers end in a clear problem with a position, never a panic
// and never unbounded work. (How long each takes is measured by the
// benchmark, not asserted here.)
func TestHostileLedgers(t *testing.T) {
	laughs := "ledger: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	prev := "a"
	for i := range 9 {
		name := fmt.Sprintf("l%d", i)
		laughs += fmt.Sprintf("%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = name
	}
	laughs += "claims:\n  - {topic: t, value: 1, source: s, context: *" + prev + "}\n"
	var dupKeys strings.Builder
	dupKeys.WriteString("ledger: 1\nsources:\n  s:\n")
	for range 60_000 {
		dupKeys.WriteString("    name: x\n")
	}
	tests := []struct {
		name string
		data string
		code string
	}{
		{"billion laughs", laughs, "alias-bomb"},
		{"alias to itself", "ledger: 1\nsources: &s\n  a: *s\n", "alias"},
		{"deep flow nesting", "ledger: 1\nclaims: " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000) + "\n", "too-deep"},
		{"deep block nesting", "ledger: 1\nclaims:\n" + strings.Repeat("- ", 10_000) + "x\n", "too-deep"},
		{"60,000 duplicate keys", dupKeys.String(), "duplicate-key"},
		{"huge scalar", "ledger: 1\ntitle: " + strings.Repeat("x", maxScalarBytes+1) + "\n", "too-long"},
		{"invalid UTF-8", "ledger: 1\ntitle: \xff\xfe\n", "encoding"},
		{"NUL byte", "ledger: 1\x00\n", "binary"},
		{"several documents", "ledger: 1\n---\nclaims: []\n", "documents"},
		{"merge key", "ledger: 1\nsources:\n  a: {name: A, kind: outlet}\n  b:\n    <<: {name: B}\n    kind: outlet\n", "merge-key"},
		{"YAML crasher 1", "0: [:!00 \xef", "encoding"},
		{"YAML crasher 2", "#\n-\n-\n0", "yaml"},
		{"YAML crasher 3", "{{},<<}", "merge-key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Bytes("hostile.yaml", []byte(tt.data))
			var codes []string
			for _, p := range l.Problems {
				if p.Severity == diag.Error {
					codes = append(codes, p.Code)
					if p.Pos.File != "hostile.yaml" || p.Pos.Line < 1 {
						t.Errorf("problem without a position: %+v", p)
					}
				}
			}
			if !containsString(codes, tt.code) {
				t.Fatalf("codes %v, want %s", codes, tt.code)
			}
			if len(codes) > maxProblems+1 {
				t.Errorf("%d problems; a hostile file should not flood the output", len(codes))
			}
		})
	}
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// A text: path that leaves the ledger's directory, directly or through a
// symlink, is an error at the path.
func TestTextPathEscapes(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	for _, path := range []string{"../secret.txt", "/etc/passwd", "link/secret.txt"} {
		t.Run(path, func(t *testing.T) {
			file := filepath.Join(dir, "claims.yaml")
			text := "ledger: 1\nsources:\n  s: {name: S, kind: document, text: " + path + "}\n"
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			l, err := Load(Paths([]string{file}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range l.Problems {
				found = found || p.Code == "text-path" && p.Pos.Line == 3
			}
			if !found {
				t.Errorf("no text-path error in %v", l.Problems)
			}
		})
	}
}

// A directory of many ledger files (10,000 in CI, 1,000 by default: the
// walk and the merge are the same at either size) loads as one ledger.
func TestManyFiles(t *testing.T) {
	t.Parallel()
	n := sized(1_000, 10_000)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ledger.yaml"), []byte("ledger: 1\nsources:\n  s: {name: S, kind: outlet}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		text := fmt.Sprintf("claims:\n  - {id: c%d, topic: t%d, value: %d, source: s, date: 2025-11-20}\n", i, i%500, 1000+i%500)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%d.yaml", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := Find(".", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	l, err := Load(files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diag.HasErrors(l.Problems, false) || len(l.Claims) != n {
		t.Fatalf("%d claims, problems %v", len(l.Claims), l.Problems)
	}
}

// A mistake repeated on every row is shown a hundred times, then counted.
func TestProblemsCappedPerFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n  s: {name: S, kind: outlet}\nclaims:\n")
	for i := range 300 {
		fmt.Fprintf(&b, "  - {topic: t, value: %d, source: nobody, date: 2025-11-20}\n", i)
	}
	l := Bytes("many.yaml", []byte(b.String()))
	if len(l.Problems) != maxProblems+1 {
		t.Fatalf("%d problems, want %d", len(l.Problems), maxProblems+1)
	}
	last := l.Problems[len(l.Problems)-1]
	if last.Code != "too-many" || !strings.Contains(last.Message, "200 more problems") {
		t.Errorf("last problem = %+v", last)
	}
}

// A character YAML refuses is reported where it is, not at 1:1, and a file
// of comments alone is empty rather than a YAML error.
func TestProblemPositions(t *testing.T) {
	line41 := strings.Repeat("# filler\n", 40)
	tests := []struct {
		name, data, code string
		line, col        int
	}{
		{"ESC", "ledger: 1\n" + line41[9:] + "title: a\x1bb\n", "control-char", 41, 9},
		{"BEL", "ledger: 1\n" + line41[9:] + "title: \"a\ab\"\n", "control-char", 41, 10},
		{"FF", "ledger: 1\n" + line41[9:] + "title: ab\f\n", "control-char", 41, 10},
		{"DEL", "ledger: 1\n" + line41[9:] + "title: é\x7f\n", "control-char", 41, 9},
		{"C1", "ledger: 1\ntitle: \u0080\n", "control-char", 2, 8},
		{"U+FFFE", "ledger: 1\ntitle: x\uFFFE\n", "control-char", 2, 9},
		{"NUL", "ledger: 1\n" + line41[9:] + "title: a\x00b\n", "binary", 41, 9},
		{"only a comment", "# only a comment\n", "empty", 1, 1},
		{"comments and blank lines", "# one\n\n   # two\n", "empty", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs []diag.Problem
			for _, p := range Bytes("pos.yaml", []byte(tt.data)).Problems {
				if p.Severity == diag.Error {
					errs = append(errs, p)
				}
			}
			if len(errs) != 1 {
				t.Fatalf("errors %v, want one", errs)
			}
			p := errs[0]
			if p.Code != tt.code || p.Pos.Line != tt.line || p.Pos.Col != tt.col {
				t.Errorf("got %s at %d:%d (%s), want %s at %d:%d", p.Code, p.Pos.Line, p.Pos.Col, p.Message, tt.code, tt.line, tt.col)
			}
		})
	}
	// Allowed characters that are not plain ASCII stay allowed.
	for _, ok := range []string{"title: a\tb\r\n", "title: \u0085x\n", "\ufeffledger: 1\n", "title: 😀\n"} {
		for _, p := range Bytes("ok.yaml", []byte("ledger: 1\n"+ok)).Problems {
			if p.Code == "control-char" {
				t.Errorf("%q: %v", ok, p)
			}
		}
	}
}

// A 100 MB scalar is refused at its first megabytes: the file is neither
// read whole nor decoded, so loading it allocates a small part of its size.
// By default the file is 48 MiB, still more than the 32 MiB bound below,
// so reading it whole fails the test as surely.
func TestLongScalarStopsReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "long.yaml")
	size := sized(48<<20, 100<<20)
	data := append([]byte("ledger: 1\ntitle: "), bytes.Repeat([]byte("x"), size)...)
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	data = nil
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	l, err := Load(Paths([]string{path}), Options{})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Problems) != 1 || l.Problems[0].Code != "too-long" || l.Problems[0].Pos.Line != 2 || l.Problems[0].Pos.Col != 8 {
		t.Fatalf("problems %v, want one too-long at 2:8", l.Problems)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 32<<20 {
		t.Errorf("loading allocated %d MiB for a file refused at its first MiB", got>>20)
	}
}

// The same file held in memory (a file at a git revision) is refused
// before it is decoded.
func TestLongScalarInMemory(t *testing.T) {
	data := "ledger: 1\nsources:\n  s: {name: S, kind: outlet}\nclaims:\n  - {topic: t, value: 1, source: s, quote: " + strings.Repeat("y", maxScalarBytes+1) + "}\n"
	l := Bytes("mem.yaml", []byte(data))
	if len(l.Problems) != 1 || l.Problems[0].Code != "too-long" || l.Problems[0].Pos.Line != 5 || l.Problems[0].Pos.Col != 44 {
		t.Fatalf("problems %v, want one too-long at 5:44", l.Problems)
	}
}

// amplified is a ledger whose claims each name one anchored text of size
// bytes as a context value: few nodes, but n times size bytes of text.
func amplified(n, size int) []byte {
	var b bytes.Buffer
	b.WriteString("ledger: 1\nsources:\n  s: {name: S, kind: outlet}\nclaims:\n")
	b.WriteString("  - {topic: t, value: 1, source: s, context: {k: &big " + strings.Repeat("x", size) + "}}\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {topic: t%d, value: 1, source: s, context: {k: *big}}\n", i)
	}
	return b.Bytes()
}

// Aliases may expand to a few times the file's size in text, and no more:
// past that the file is an alias bomb, read no further, so loading costs
// about the file's size however many times the anchor is named.
func TestAliasBytesBudget(t *testing.T) {
	data := amplified(500, 200_000) // 0.2 MB of file, 100 MB of text through aliases
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	l := Bytes("amplified.yaml", data)
	runtime.ReadMemStats(&after)
	var codes []string
	for _, p := range l.Problems {
		codes = append(codes, p.Code)
	}
	if len(codes) != 1 || codes[0] != "alias-bomb" {
		t.Fatalf("problems %v, want one alias-bomb", l.Problems)
	}
	// Its claims are dropped, so lint warns of none of them (only of the
	// source read before the bomb, which no claim now cites).
	if w := Warnings(l); len(l.Claims) > 0 || len(w) > 1 {
		t.Errorf("a file given up as an alias bomb gave %d claims and %d warnings", len(l.Claims), len(w))
	}
	if p := l.Problems[0]; p.Pos.Line < 6 {
		t.Errorf("alias-bomb at %v, want the alias that went over", p.Pos)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > uint64(32*len(data)) {
		t.Errorf("loading allocated %d MiB for a %d KiB file", got>>20, len(data)>>10)
	}
	// The same anchor named a few times is fine.
	l = Bytes("few.yaml", amplified(3, 200_000))
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			t.Errorf("a few aliases: %v", p)
		}
	}
}
