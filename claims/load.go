package claims

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/sources"
)

// Limits on what a ledger may be. A ledger in CI comes from anyone's pull
// request, so every read is capped; README documents these numbers.
const (
	MaxFiles       = 100_000 // files in one ledger
	maxScalarBytes = 1 << 20 // one value, quote or name
	maxDepth       = 64      // nesting of mappings and lists
)

// MaxFileBytes caps one ledger file. It is a variable so that the
// CLAIMDIFF_MAX_FILE_BYTES environment variable can lower or raise it.
var MaxFileBytes int64 = 256 << 20

// DefaultFiles are looked for in the working directory when no file is named.
var DefaultFiles = []string{"claims.yaml", "claims.yml"}

// ErrNoLedger says that no ledger was named and none was found.
var ErrNoLedger = errors.New("no ledger found")

// InputError is a ledger that cannot be read at all: a missing file, a
// directory with no ledger, a file over the size cap. Commands exit 2 on it.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Find expands the -f arguments into ledger files: files as given,
// directories searched recursively for *.yaml and *.yml in lexical order.
// With no arguments it looks for DefaultFiles in dir (the working
// directory, which "" and "." both mean) and returns ErrNoLedger if there is
// none.
func Find(dir string, args []string) ([]string, error) {
	if len(args) == 0 {
		for _, name := range DefaultFiles {
			path := name
			if dir != "" && dir != "." {
				path = filepath.Join(dir, name)
			}
			if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
				return []string{path}, nil
			}
		}
		return nil, ErrNoLedger
	}
	var files []string
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, &InputError{fmt.Errorf("%s: %w", arg, unwrapPathError(err))}
		}
		if !st.IsDir() {
			files = append(files, arg)
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != arg && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir // .git and friends hold no ledger
			}
			if d.Type().IsRegular() && isLedgerName(d.Name()) {
				found = append(found, path)
				if len(files)+len(found) > MaxFiles {
					return fmt.Errorf("more than %d ledger files", MaxFiles)
				}
			}
			return nil
		})
		if err != nil {
			return nil, &InputError{fmt.Errorf("%s: %w", arg, unwrapPathError(err))}
		}
		if len(found) == 0 {
			return nil, &InputError{fmt.Errorf("%s: no ledger files (*.yaml, *.yml, *.csv, *.tsv, *.jsonl) in this directory", arg)}
		}
		files = append(files, found...)
	}
	return files, nil
}

func isLedgerName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml" || isBulkName(name)
}

// isBulkName reports claim files in a bulk format (CSV, TSV, JSON Lines),
// which stream rather than load whole.
func isBulkName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".tsv", ".jsonl", ".ndjson":
		return true
	}
	return false
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Load reads and merges the ledger files. It returns an *InputError when a
// file cannot be read at all; every problem inside the files is in
// Ledger.Problems, all of them, sorted by position.
func Load(files []string) (*Ledger, error) { return LoadWith(files, LoadOptions{}) }

// LoadOptions tune loading.
type LoadOptions struct {
	// Progress, when set, hears how many bytes of the files are read, of
	// how many in all, from whichever goroutine is reading.
	Progress func(done, total int64)
}

// LoadWith is Load with options.
func LoadWith(files []string, opts LoadOptions) (*Ledger, error) {
	b := newBuilder()
	if opts.Progress != nil {
		b.progress = newProgress(files, opts.Progress)
	}
	var yamls, bulks []string
	for _, name := range files {
		if isBulkName(name) {
			bulks = append(bulks, name)
		} else {
			yamls = append(yamls, name)
		}
	}
	if len(yamls) == 0 || len(bulks) == 0 {
		if _, err := b.addPaths(files); err != nil {
			return nil, err
		}
		return b.finish(), nil
	}
	// YAML files define the sources and topics; bulk files hold only
	// claims. Neither needs the other until finish, so on two cores a
	// feed and the YAML that describes it load side by side.
	bulk := b.sibling()
	var (
		bulkAt  int
		bulkErr error
	)
	wait := background(func() { bulkAt, bulkErr = bulk.addPaths(bulks) })
	yamlAt, yamlErr := b.addPaths(yamls)
	wait()
	// Of two unreadable files, the first in order is the one reported, as
	// when the files are read one after another.
	if yamlErr != nil && (bulkErr == nil || slices.Index(files, yamls[yamlAt]) < slices.Index(files, bulks[bulkAt])) {
		return nil, yamlErr
	}
	if bulkErr != nil {
		return nil, bulkErr
	}
	b.merge(bulk, files)
	return b.finish(), nil
}

// addPaths reads files in order, stopping at the first that cannot be
// read; it returns that file's place in files and the error.
func (b *builder) addPaths(files []string) (int, error) {
	for i, name := range files {
		if err := b.addPath(name); err != nil {
			return i, err
		}
	}
	return len(files), nil
}

// addPath reads one file, YAML or bulk, and counts how many claims it gave.
func (b *builder) addPath(name string) error {
	before := len(b.l.Claims)
	b.reading = b.progress.file(name)
	defer func() {
		b.reading.done()
		b.counts = append(b.counts, len(b.l.Claims)-before)
	}()
	if isBulkName(name) {
		if err := b.addBulkFile(name); err != nil {
			return &InputError{err}
		}
		return nil
	}
	data, err := readCapped(name)
	if errors.Is(err, errTooLarge) {
		// Over the cap is a problem with the ledger, which lint reports
		// like any other, not a failure to run.
		b.l.Files = append(b.l.Files, name)
		b.l.Problems = append(b.l.Problems, diag.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, "too-large",
			"the file is larger than the limit of %s", ByteSize(MaxFileBytes)))
		return nil
	}
	if err != nil {
		return &InputError{err}
	}
	b.addFile(name, data)
	return nil
}

// LoadBytes reads one ledger held in memory, named name in positions.
func LoadBytes(name string, data []byte) *Ledger {
	b := newBuilder()
	b.addFile(name, data)
	return b.finish()
}

func readCapped(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPathError(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPathError(err))
	}
	if int64(len(data)) > MaxFileBytes {
		return nil, errTooLarge
	}
	return data, nil
}

var errTooLarge = errors.New("file too large")

// parseFile checks the bytes are text YAML holding one mapping and returns
// its root, or a problem that names the file.
func (r *reader) parseFile(data []byte) *yaml.Node {
	at := func(line, col int, code, format string, args ...any) *yaml.Node {
		r.problems = append(r.problems, diag.Errorf(diag.Pos{File: r.file, Line: line, Col: col}, code, format, args...))
		return nil
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := offsetPos(data, i)
		return at(line, col, "binary", "this is a binary file, not a YAML ledger")
	}
	if !utf8.Valid(data) {
		i := firstInvalidUTF8(data)
		line, col := offsetPos(data, i)
		return at(line, col, "encoding", "invalid UTF-8; a ledger must be UTF-8 text")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return at(1, 1, "empty", "the file is empty; a ledger file holds a mapping with sources, topics or claims")
	}
	if line, col := tooDeep(data); line > 0 {
		return at(line, col, "too-deep", "nesting is deeper than %d levels", maxDepth)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := safeDecode(dec, &doc); err != nil {
		line, col, msg := yamlErrorPos(err)
		return at(line, col, "yaml", "%s", msg)
	}
	var extra yaml.Node
	if err := safeDecode(dec, &extra); err == nil {
		return at(extra.Line, extra.Column, "documents", "the file holds several YAML documents; put one ledger mapping in each file")
	} else if !errors.Is(err, io.EOF) {
		line, col, msg := yamlErrorPos(err)
		return at(line, col, "yaml", "%s", msg)
	}
	if len(doc.Content) == 0 {
		return at(1, 1, "empty", "the file is empty; a ledger file holds a mapping with sources, topics or claims")
	}
	root := doc.Content[0]
	if d, deepest := depth(root); d > maxDepth {
		return at(deepest.Line, deepest.Column, "too-deep", "nesting is deeper than %d levels", maxDepth)
	}
	if root.Kind != yaml.MappingNode {
		return at(root.Line, root.Column, "not-a-ledger", "the top level is %s; a ledger file is a mapping with sources, topics and claims", kindName(root))
	}
	return root
}

// safeDecode turns a panic inside the YAML parser into an error: a crafted
// file must never crash claimdiff.
func safeDecode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml: the YAML parser failed on this file (%v)", p)
		}
	}()
	return dec.Decode(n)
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlErrorPos pulls the line out of a yaml.v3 error; it gives no column.
func yamlErrorPos(err error) (line, col int, msg string) {
	msg = err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	return max(line, 1), 1, "invalid YAML: " + msg
}

func offsetPos(data []byte, off int) (line, col int) {
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:off])
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// tooDeep finds flow nesting ([ and {) or block indentation deeper than the
// ledger ever needs, before the YAML parser spends time and memory on it.
func tooDeep(data []byte) (line, col int) {
	depth, ln, lineStart := 0, 1, 0
	inQuote := byte(0)
	for i, c := range data {
		switch {
		case c == '\n':
			ln, lineStart = ln+1, i+1
			if inQuote == 0 {
				continue
			}
		case inQuote != 0:
			if c == inQuote {
				inQuote = 0
			}
		case c == '"' || c == '\'':
			if depth > 0 {
				inQuote = c
			}
		case c == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\n'):
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case c == '[' || c == '{':
			depth++
			if depth > maxDepth {
				return ln, 1 + utf8.RuneCount(data[lineStart:i])
			}
		case (c == ']' || c == '}') && depth > 0:
			depth--
		}
	}
	return 0, 0
}

// builder merges files into one ledger.
type builder struct {
	l *Ledger
	// dirs maps each source to the directory of the file defining it, for
	// archived texts.
	dirs map[string]string
	// places runs parallel to l.Claims until finish.
	places []claimPlaces
	// version is set when some file says ledger: 1.
	version bool
	// progress is nil unless someone listens; reading counts the file
	// being read.
	progress *progress
	reading  *fileProgress
	// counts says how many claims each file gave, in the order read, so
	// claims read on two goroutines can be put back in file order.
	counts []int
}

func newBuilder() *builder {
	return &builder{
		l: &Ledger{
			Sources:  sources.NewRegistry(),
			Topics:   map[string]*Topic{},
			Statuses: map[string]*Status{},
		},
		dirs: map[string]string{},
	}
}

func (b *builder) addFile(name string, data []byte) {
	if !slowOnly && textOK(data) && b.addFileFast(name, data) {
		return
	}
	b.l.Files = append(b.l.Files, name)
	r := newReader(name, bytes.Count(data, []byte{'\n'})+1)
	if root := r.parseFile(data); root != nil {
		b.readLedger(r, root)
	}
	if r.bombed {
		// Nothing else said about an alias bomb is worth reading.
		r.problems = slices.DeleteFunc(r.problems, func(p diag.Problem) bool { return p.Code != "alias-bomb" })
	}
	b.l.Problems = append(b.l.Problems, r.problems...)
}

// SortedFiles returns the ledger's files without duplicates, sorted.
func (l *Ledger) SortedFiles() []string {
	out := slices.Clone(l.Files)
	slices.Sort(out)
	return slices.Compact(out)
}

// ByteSize renders a byte count the way people write limits: 256 MiB.
func ByteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// slowOnly turns the fast path off, for tests that hold the two paths to
// the same results.
var slowOnly = false

// textOK is true for data the fast path may try: UTF-8 text with no NUL.
// Anything else goes to the whole-file path, which reports it.
func textOK(data []byte) bool {
	if len(bytes.TrimSpace(data)) == 0 {
		return false
	}
	for i := 0; i < len(data); {
		c := data[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if !yamlAllows(r) || r == utf8.RuneError && size <= 1 {
			return false
		}
		i += size
	}
	return true
}

// yamlAllows is the set of characters yaml.v3 reads; it refuses a stream
// with any other, and the fast path must refuse the same streams.
func yamlAllows(r rune) bool {
	return r == 0x85 || r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}
