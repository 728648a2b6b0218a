// Package archtest holds docs/ARCHITECTURE.md's package table to the
// code, so that the map a new maintainer reads first cannot drift from
// what the packages import.
package archtest

import (
	"errors"
	"fmt"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/claimdiff/claimdiff/"

// anyAbove is what the import column of a command says when it may
// import any package of a row above it.
const anyAbove = "any package above"

func TestArchitectureTableMatchesImports(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join(root, "docs", "ARCHITECTURE.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows, errs, err := parseTable(string(doc))
	if err != nil {
		t.Fatal(err)
	}
	imports, err := ourImports(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range append(errs, compare(rows, imports)...) {
		t.Error(e)
	}
}

// A row is one line of the package table: the packages it names (paths
// inside the module), and what its import column says they import of
// ours, together. above marks a row whose packages may import any
// package of an earlier row; unread, one whose import column says
// nothing the test can hold it to.
type row struct {
	line     int
	packages []string
	imports  []string
	above    bool
	unread   bool
}

var tickRE = regexp.MustCompile("`([^`]+)`")

// cells splits a table line at its unescaped pipes.
func cells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			out = append(out, strings.TrimSpace(line[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(line[start:]))
}

// parseTable reads the table under "## Packages": every row's first
// column names packages in backticks; its last says what they import
// of ours, in backticks, or "none", or anyAbove. errs are its rows
// that say too little to check.
func parseTable(doc string) (rows []row, errs []string, err error) {
	_, rest, ok := strings.Cut(doc, "\n## Packages\n")
	if !ok {
		return nil, nil, errors.New(`no "## Packages" section`)
	}
	first := strings.Count(doc[:len(doc)-len(rest)], "\n") + 1
	header := 0
	for i, line := range strings.Split(rest, "\n") {
		if strings.HasPrefix(line, "## ") {
			break
		}
		if !strings.HasPrefix(line, "|") {
			continue
		}
		if header < 2 { // the header and its rule
			header++
			continue
		}
		cells := cells(line)
		if len(cells) < 3 {
			return nil, nil, fmt.Errorf("ARCHITECTURE.md:%d: want 3 columns, found %d", first+i, len(cells))
		}
		r := row{line: first + i}
		for _, m := range tickRE.FindAllStringSubmatch(cells[0], -1) {
			r.packages = append(r.packages, m[1])
		}
		last := strings.TrimSpace(cells[len(cells)-1])
		switch {
		case last == anyAbove:
			r.above = true
		case last == "none":
		default:
			for _, m := range tickRE.FindAllStringSubmatch(last, -1) {
				r.imports = append(r.imports, m[1])
			}
			if r.imports == nil {
				r.unread = true
				errs = append(errs, fmt.Sprintf("ARCHITECTURE.md:%d: import column %q names no package; say %q, %q or name them in backticks", r.line, last, "none", anyAbove))
			}
		}
		if r.packages == nil {
			return nil, nil, fmt.Errorf("ARCHITECTURE.md:%d: the first column names no package in backticks", r.line)
		}
		rows = append(rows, r)
	}
	if rows == nil {
		return nil, nil, errors.New("the package table has no rows")
	}
	return rows, errs, nil
}

// ourImports maps each package of the module, and of the modules nested
// in it (claimdiff-beam), by its path inside the module, to the packages
// of ours its non-test files import. It reads the files with go/build,
// as the go tool would for this platform.
func ourImports(root string) (map[string][]string, error) {
	out := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		pkg, err := build.Default.ImportDir(path, 0)
		if _, none := err.(*build.NoGoError); none {
			return nil
		}
		if err != nil {
			return err
		}
		if len(pkg.GoFiles)+len(pkg.CgoFiles) == 0 { // tests only, as this one
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		var ours []string
		for _, imp := range pkg.Imports {
			if p, ok := strings.CutPrefix(imp, module); ok {
				ours = append(ours, p)
			}
		}
		out[filepath.ToSlash(rel)] = ours
		return nil
	})
	return out, err
}

// compare lists every way the table and the code disagree.
func compare(rows []row, imports map[string][]string) []string {
	var errs []string
	seen := map[string]int{}
	for i, r := range rows {
		var got []string
		for _, p := range r.packages {
			if l, twice := seen[p]; twice {
				errs = append(errs, fmt.Sprintf("ARCHITECTURE.md:%d: `%s` has a row already, at line %d", r.line, p, l))
			}
			seen[p] = r.line
			imps, ok := imports[p]
			if !ok {
				errs = append(errs, fmt.Sprintf("ARCHITECTURE.md:%d: `%s` is not a package of ours", r.line, p))
				continue
			}
			for _, imp := range imps {
				// A row naming several packages says what any of them
				// imports from outside the row.
				if !slices.Contains(r.packages, imp) {
					got = append(got, imp)
				}
			}
		}
		slices.Sort(got)
		got = slices.Compact(got)
		switch {
		case r.unread:
			continue
		case r.above:
			for _, imp := range got {
				if !slices.ContainsFunc(rows[:i], func(a row) bool { return slices.Contains(a.packages, imp) }) {
					errs = append(errs, fmt.Sprintf("ARCHITECTURE.md:%d: %s imports `%s`, which no row above names", r.line, names(r.packages), imp))
				}
			}
			continue
		}
		if omitted := minus(got, r.imports); omitted != nil {
			errs = append(errs, fmt.Sprintf("ARCHITECTURE.md:%d: %s imports %s, which the table omits", r.line, names(r.packages), names(omitted)))
		}
		if invented := minus(r.imports, got); invented != nil {
			errs = append(errs, fmt.Sprintf("ARCHITECTURE.md:%d: the table says %s imports %s, which it does not", r.line, names(r.packages), names(invented)))
		}
	}
	var missing []string
	for p := range imports {
		if _, ok := seen[p]; !ok {
			missing = append(missing, p)
		}
	}
	slices.Sort(missing)
	for _, p := range missing {
		errs = append(errs, fmt.Sprintf("ARCHITECTURE.md: package `%s` has no row in the table", p))
	}
	return errs
}

// minus is what a holds that b does not, in a's order.
func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func names(ps []string) string {
	return "`" + strings.Join(ps, "`, `") + "`"
}
