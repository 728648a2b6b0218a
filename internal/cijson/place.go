package cijson

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/internal/safetext"
)

// Places turns the positions claimdiff reports (paths as given, columns
// in code points) into what a CI consumer reads: paths relative to the git
// repository's root, columns in UTF-16 code units (SARIF) or UTF-8 bytes
// (reviewdog). It reads the lines it converts from the files themselves,
// once per file. The zero value is ready to use; one Places serves one
// document.
type Places struct {
	lines map[string][]string
	roots map[string]string
	files map[string]string // see fileName
	// places holds each file's Place: a document locates the same few
	// files once for every finding.
	places map[string]Place
}

// Place is where a file is, for a consumer.
type Place struct {
	// Path has forward slashes and no "." or ".." segment: relative to
	// Root when Root is set, else to the working directory; absolute only
	// for a file outside both.
	Path string
	// Root is the absolute path of the git repository holding the file,
	// or "" outside one.
	Root string
}

// Place locates file.
func (p *Places) Place(file string) Place {
	if pl, ok := p.places[file]; ok {
		return pl
	}
	pl := p.place(file)
	if p.places == nil {
		p.places = map[string]Place{}
	}
	p.places[file] = pl
	return pl
}

func (p *Places) place(file string) Place {
	clean := safetext.Clean(file)
	abs, err := filepath.Abs(clean)
	if err != nil {
		return Place{Path: path(clean)}
	}
	if root := p.root(filepath.Dir(abs)); root != "" {
		if rel, ok := below(root, abs); ok {
			return Place{Path: rel, Root: filepath.ToSlash(root)}
		}
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, ok := below(wd, abs); ok {
			return Place{Path: rel}
		}
	}
	return Place{Path: filepath.ToSlash(abs)}
}

// below is abs relative to dir, when it lies inside it.
func below(dir, abs string) (string, bool) {
	rel, err := filepath.Rel(dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// root is the nearest directory at or above dir holding .git (a directory,
// or a file in a worktree or submodule).
func (p *Places) root(dir string) string {
	if p.roots == nil {
		p.roots = map[string]string{}
	}
	if r, ok := p.roots[dir]; ok {
		return r
	}
	r := ""
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			r = d
			break
		}
		up := filepath.Dir(d)
		if up == d {
			break
		}
		d = up
	}
	p.roots[dir] = r
	return r
}

// Unit is what a column counts.
type Unit int

const (
	UTF16 Unit = iota // UTF-16 code units, SARIF's utf16CodeUnits
	Bytes             // UTF-8 bytes, reviewdog's columns
)

// Column converts col, counted in code points from 1 on line of file,
// to unit. When the line cannot be read the column is kept: a close
// column beats none.
func (p *Places) Column(file string, line, col int, unit Unit) int {
	if col < 1 || line < 1 || file == "" {
		return col
	}
	ls := p.read(file)
	if line > len(ls) {
		return col
	}
	text, n := ls[line-1], 1
	for i := 1; i < col; i++ {
		if text == "" {
			n += col - i // past the end: one unit a code point
			break
		}
		r, size := utf8.DecodeRuneInString(text)
		text = text[size:]
		if unit == Bytes {
			n += size
		} else if utf16.RuneLen(r) == 2 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// maxRead caps what Column reads of a file; ledgers are capped far below.
const maxRead = 64 << 20

func (p *Places) read(file string) []string {
	if p.lines == nil {
		p.lines = map[string][]string{}
	}
	if ls, ok := p.lines[file]; ok {
		return ls
	}
	var ls []string
	if f, err := os.Open(file); err == nil {
		sc := bufio.NewScanner(io.LimitReader(f, maxRead))
		sc.Buffer(make([]byte, 0, 64<<10), maxRead)
		for sc.Scan() {
			ls = append(ls, sc.Text())
		}
		f.Close()
	}
	p.lines[file] = ls
	return ls
}
