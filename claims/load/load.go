package load

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk"
	"github.com/claimdiff/claimdiff/claims/load/internal/capread"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/parallel"
	"github.com/claimdiff/claimdiff/internal/yamlnode"
	"github.com/claimdiff/claimdiff/sources"
)

// Limits on what a ledger may be. A ledger in CI comes from anyone's pull
// request, so every read is capped; README documents these numbers.
const (
	MaxFiles       = 100_000 // files in one ledger
	maxScalarBytes = 1 << 20 // one value, quote or name
	maxDepth       = 64      // nesting of mappings and lists
)

// DefaultMaxFileBytes caps one YAML ledger file unless Options say
// otherwise. Bulk claim files stream, so they are capped by rows instead.
const DefaultMaxFileBytes int64 = 256 << 20

// DefaultMaxRows caps the claims of one bulk file unless Options say
// otherwise: a month of a busy feed is a few million rows.
const DefaultMaxRows = 20_000_000

// DefaultFiles are looked for in the working directory when no file is named.
var DefaultFiles = []string{"claims.yaml", "claims.yml"}

// ErrNoLedger says that no ledger was named and none was found; Find's
// error wraps it and says where it looked.
var ErrNoLedger = errors.New("no ledger found")

// InputError is a ledger that cannot be read at all: a missing file, a
// directory with no ledger, a file over the size cap. Commands exit 2 on it.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Options tune loading. The zero value loads with the default limits and
// tells nobody of progress.
type Options struct {
	// MaxFileBytes caps each file; 0 means DefaultMaxFileBytes. A file
	// over it is a too-large problem of the ledger, as lint reports any
	// other.
	MaxFileBytes int64
	// MaxRows caps the claims of each bulk (CSV, TSV, JSON Lines, Parquet) file;
	// 0 means DefaultMaxRows. A bulk file has no cap on its size: it
	// streams, and its lines are capped at bulk.MaxLineBytes.
	MaxRows int
	// Progress, when set, hears how many bytes of the files are read, of
	// how many in all, from whichever goroutine is reading.
	Progress func(done, total int64)
	// wholeFile turns the fast path off, and tookFastPath hears of each
	// file the fast path read, so tests can hold the two paths to the
	// same results.
	wholeFile    bool
	tookFastPath func()
}

func (o Options) maxFileBytes() int64 {
	if o.MaxFileBytes > 0 {
		return o.MaxFileBytes
	}
	return DefaultMaxFileBytes
}

// File is one ledger file to load: read from disk when Data is nil, or
// else these bytes, such as a file at a git revision. Name is what
// positions in it read ("origin/main:claims.yaml"), and its extension
// says its format.
type File struct {
	Name string
	Data []byte
}

// Paths makes the Files for files on disk.
func Paths(names []string) []File {
	out := make([]File, len(names))
	for i, n := range names {
		out[i] = File{Name: n}
	}
	return out
}

// Format is how a ledger file is written.
type Format int

const (
	NotLedger Format = iota
	YAML
	CSV
	TSV
	JSONLines
	Parquet
)

// FormatOf tells a ledger file's format from its name. It is the one
// place that decides, both which files of a directory or a git tree are
// part of a ledger and how each is read.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return YAML
	}
	switch f, _ := bulk.FormatOf(name); f {
	case bulk.CSV:
		return CSV
	case bulk.TSV:
		return TSV
	case bulk.JSONLines:
		return JSONLines
	case bulk.Parquet:
		return Parquet
	}
	return NotLedger
}

// IsLedgerFile reports whether a file of this name is part of a ledger
// when found in a directory or a git tree.
func IsLedgerFile(name string) bool { return FormatOf(name) != NotLedger }

// bulkFormat is the bulk format of a file, if it is in one.
func bulkFormat(name string) (bulk.Format, bool) {
	if FormatOf(name) == YAML {
		return 0, false
	}
	return bulk.FormatOf(name)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Load reads and merges the ledger files, YAML and bulk alike. It returns
// an *InputError when a file cannot be read at all; every problem inside
// the files is in Ledger.Problems, all of them, sorted by position.
func Load(files []File, opts Options) (*claims.Ledger, error) {
	b := newBuilder(opts)
	if opts.Progress != nil {
		b.progress = newProgress(files, opts.Progress)
	}
	var yamls, bulks []File
	for _, f := range files {
		if _, ok := bulkFormat(f.Name); ok {
			bulks = append(bulks, f)
		} else {
			yamls = append(yamls, f)
		}
	}
	if len(yamls) == 0 || len(bulks) == 0 {
		if _, err := b.addFiles(files); err != nil {
			return nil, err
		}
		return b.finish(), nil
	}
	// YAML files define the sources and topics; bulk files hold only
	// claims. Neither needs the other until finish, so on two cores a
	// feed and the YAML that describes it load side by side.
	side := b.sibling()
	var (
		bulkAt  int
		bulkErr error
	)
	wait := parallel.Background(func() { bulkAt, bulkErr = side.addFiles(bulks) })
	yamlAt, yamlErr := b.addFiles(yamls)
	wait()
	// Of two unreadable files, the first in order is the one reported, as
	// when the files are read one after another.
	if yamlErr != nil && (bulkErr == nil || fileIndex(files, yamls[yamlAt]) < fileIndex(files, bulks[bulkAt])) {
		return nil, yamlErr
	}
	if bulkErr != nil {
		return nil, bulkErr
	}
	b.merge(side, files)
	return b.finish(), nil
}

func fileIndex(files []File, f File) int {
	return slices.IndexFunc(files, func(g File) bool { return g.Name == f.Name })
}

// Bytes is Load of one file held in memory, which cannot fail to be read.
func Bytes(name string, data []byte) *claims.Ledger {
	l, _ := Load([]File{{Name: name, Data: data}}, Options{})
	return l
}

// addFiles reads files in order, stopping at the first that cannot be
// read; it returns that file's place in files and the error.
func (b *builder) addFiles(files []File) (int, error) {
	for i, f := range files {
		if err := b.addFile(f); err != nil {
			return i, err
		}
	}
	return len(files), nil
}

// addFile reads one file, YAML or bulk, and counts how many claims it gave.
func (b *builder) addFile(f File) error {
	before := len(b.l.Claims)
	b.reading = b.progress.file(f.Name)
	defer func() {
		b.reading.done()
		b.counts = append(b.counts, len(b.l.Claims)-before)
	}()
	limit := b.opts.maxFileBytes()
	tooLarge := func() error {
		// Over the cap is a problem with the ledger, which lint reports
		// like any other, not a failure to run.
		b.l.Files = append(b.l.Files, f.Name)
		b.l.Problems = append(b.l.Problems, diag.TooLarge(diag.Pos{File: f.Name, Line: 1, Col: 1}, limit))
		return nil
	}
	if bf, ok := bulkFormat(f.Name); ok {
		if f.Data != nil {
			return b.addBulk(f.Name, bf, bytes.NewReader(f.Data), int64(len(f.Data)))
		}
		r, err := os.Open(f.Name)
		if err != nil {
			return &InputError{fmt.Errorf("%s: %w", f.Name, unwrapPathError(err))}
		}
		defer r.Close()
		var size int64 // unknown for a pipe or a device
		if st, err := r.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		return b.addBulk(f.Name, bf, r, size)
	}
	data := f.Data
	var long *capread.LongError
	if data == nil {
		var err error
		if data, err = capread.File(f.Name, limit, maxScalarBytes); errors.Is(err, capread.ErrTooLarge) {
			return tooLarge()
		} else if errors.As(err, &long) {
			return b.refuseLong(f.Name, data, long.At)
		} else if err != nil {
			return &InputError{fmt.Errorf("%s: %w", f.Name, unwrapPathError(err))}
		}
	} else if int64(len(data)) > limit {
		return tooLarge()
	} else if at, found := capread.Find(data, maxScalarBytes); found {
		return b.refuseLong(f.Name, data, at)
	}
	b.addYAML(f.Name, data)
	return nil
}

// refuseLong records a file that claimdiff stopped reading at a scalar
// over the cap: like a file over the size cap, a problem of the ledger.
// data holds the file up to at least the scalar's start.
func (b *builder) refuseLong(name string, data []byte, at int64) error {
	b.l.Files = append(b.l.Files, name)
	// One line, as every refusal of a whole file is.
	b.l.Problems = append(b.l.Problems, diag.Errorf(diag.PosAt(name, data, int(at)), "too-long",
		"a value here is longer than %s, the limit for one value, quote or name; claimdiff stops reading this file", diag.ByteSize(maxScalarBytes)))
	b.unread = true
	return nil
}

// addBulk reads a bulk claim file into the ledger; the error is only for
// a file that cannot be read.
func (b *builder) addBulk(name string, f bulk.Format, r io.Reader, size int64) error {
	b.l.Files = append(b.l.Files, name)
	var progress func(int64)
	if b.reading != nil {
		progress = b.reading.add
	}
	problems, err := bulk.Read(name, f, r, size, bulk.Sink{Claims: &b.l.Claims, Places: &b.places},
		bulk.Options{MaxRows: cmp.Or(b.opts.MaxRows, DefaultMaxRows), Progress: progress, Budget: b.parquetBudget()})
	b.l.Problems = append(b.l.Problems, problems...)
	if err != nil {
		return &InputError{fmt.Errorf("%s: %w", name, unwrapPathError(err))}
	}
	return nil
}

// parquetBudget is the one budget the Parquet files of this load share.
func (b *builder) parquetBudget() *bulk.Budget {
	if b.budget == nil {
		b.budget = bulk.NewBudget()
	}
	return b.budget
}

// parseFile checks the bytes are text YAML holding one mapping and returns
// its root, or a problem that names the file.
func (r *reader) parseFile(data []byte) *yaml.Node {
	at := func(line, col int, code, format string, args ...any) *yaml.Node {
		r.problems = append(r.problems, diag.Errorf(diag.Pos{File: r.file, Line: line, Col: col}, code, format, args...))
		return nil
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		p := diag.PosAt(r.file, data, i)
		return at(p.Line, p.Col, "binary", "this is a binary file, not a YAML ledger")
	}
	if !utf8.Valid(data) {
		p := diag.PosAt(r.file, data, diag.FirstInvalidUTF8(data))
		return at(p.Line, p.Col, "encoding", "invalid UTF-8; a ledger must be UTF-8 text")
	}
	if i := firstDisallowed(data); i >= 0 {
		// yaml.v3 refuses these too, but with no position at all, and a
		// stray ESC on line 41 is hard to find from "1:1".
		// One line, as every refusal of a whole file is.
		p := diag.PosAt(r.file, data, i)
		c, _ := utf8.DecodeRune(data[i:])
		return at(p.Line, p.Col, "control-char", "the character U+%04X is not allowed in YAML; remove it, or write it as \\u%04X inside double quotes", c, c)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return at(1, 1, "empty", "the file is empty; a ledger file holds a mapping with sources, topics or claims")
	}
	if line, col := tooDeep(data); line > 0 {
		return at(line, col, "too-deep", "nesting is deeper than %d levels", maxDepth)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := yamlnode.Decode(dec, &doc); errors.Is(err, io.EOF) {
		// Comments and white space only: no document at all.
		return at(1, 1, "empty", "the file holds no YAML, only comments; a ledger file holds a mapping with sources, topics or claims")
	} else if err != nil {
		return r.yamlError(data, err)
	}
	var extra yaml.Node
	if err := yamlnode.Decode(dec, &extra); err == nil {
		return at(extra.Line, extra.Column, "documents", "the file holds several YAML documents; put one ledger mapping in each file")
	} else if !errors.Is(err, io.EOF) {
		return r.yamlError(data, err)
	}
	if len(doc.Content) == 0 {
		return at(1, 1, "empty", "the file is empty; a ledger file holds a mapping with sources, topics or claims")
	}
	root := doc.Content[0]
	if d, deepest := depth(root); d > maxDepth {
		return at(deepest.Line, deepest.Column, "too-deep", "nesting is deeper than %d levels", maxDepth)
	}
	if root.Kind != yaml.MappingNode {
		// Not a ledger, so nothing of it is quoted: it may be a token
		// file that a symlink or a mistake put here.
		what := yamlnode.Found(root)
		if root.Kind == yaml.ScalarNode {
			what = "a single value"
		}
		return at(root.Line, root.Column, "not-a-ledger", "the top level is %s; a ledger file is a mapping with sources, topics and claims", what)
	}
	return root
}

// firstDisallowed is the offset of the first character yaml.v3's reader
// refuses ("control characters are not allowed"), or -1. data is valid
// UTF-8 with no NUL by now. A byte order mark is allowed anywhere, as
// yaml.v3's reader allows it.
func firstDisallowed(data []byte) int {
	for i := 0; i < len(data); {
		c := data[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if !yamlAllows(r) {
			return i
		}
		i += size
	}
	return -1
}

// yamlError reports a YAML syntax error where the mistake is, with a hint
// for the mistakes people make by hand.
func (r *reader) yamlError(data []byte, err error) *yaml.Node {
	line, col, msg := yamlErrorPos(err)
	if l, c, hint := yamlHint(data, line, msg); hint != "" {
		p := diag.Errorf(diag.Pos{File: r.file, Line: l, Col: c}, "yaml", "%s", msg)
		p.Hint = hint
		r.problems = append(r.problems, p)
		return nil
	}
	r.problems = append(r.problems, diag.Errorf(diag.Pos{File: r.file, Line: line, Col: col}, "yaml", "%s", msg))
	return nil
}

// yamlErrorPos is where a yaml.v3 error is, at the start of its line.
func yamlErrorPos(err error) (line, col int, msg string) {
	line, msg = yamlnode.ErrorLine(err)
	return line, 1, "invalid YAML: " + msg
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
	l *claims.Ledger
	// dirs maps each source to the directory of the file defining it, for
	// archived texts.
	dirs map[string]string
	// places runs parallel to l.Claims until finish.
	places []claims.Places
	// version is set when some file says ledger: 1, and unread when a
	// file was given up part way, so that its lack says nothing.
	version, unread bool
	// budget caps what all the Parquet files of the load expand to.
	budget *bulk.Budget
	// progress is nil unless someone listens; reading counts the file
	// being read.
	progress *progress
	reading  *fileProgress
	// counts says how many claims each file gave, in the order read, so
	// claims read on two goroutines can be put back in file order.
	counts []int
	opts   Options
	// sourceReading and fileReading hold how sources, and the sources a
	// file defines, write their values (decimal:, date_order:, zone:);
	// noValue the ledger's own words for no value.
	sourceReading map[string]*reading
	fileReading   map[string]*reading
	noValue       []string
	// readings is each declaring source's reading, settled once the
	// files are read; nil when nothing declares one.
	readings map[string]reading
	// patterns are the topics: entries whose keys hold wildcards.
	patterns []*claims.Topic
}

func newBuilder(opts Options) *builder {
	return &builder{
		opts: opts, sourceReading: map[string]*reading{}, fileReading: map[string]*reading{},
		l: &claims.Ledger{
			Sources:  sources.NewRegistry(),
			Topics:   map[string]*claims.Topic{},
			Statuses: map[string]*claims.Status{},
		},
		dirs: map[string]string{},
	}
}

// addYAML reads one YAML ledger file.
func (b *builder) addYAML(name string, data []byte) {
	if !b.opts.wholeFile && textOK(data) && b.addFileFast(name, data) {
		return
	}
	b.l.Files = append(b.l.Files, name)
	r := newReader(name, bytes.Count(data, []byte{'\n'})+1)
	r.byteBudget = aliasBytes(len(data))
	before := len(b.l.Claims)
	if root := r.parseFile(data); root != nil {
		b.readLedger(r, root)
	}
	if r.bombed {
		// Nothing else said about an alias bomb is worth reading, nor are
		// the claims read before it, which lint would warn about one by
		// one.
		r.problems = slices.DeleteFunc(r.problems, func(p diag.Problem) bool { return p.Code != "alias-bomb" })
		clear(b.l.Claims[before:])
		b.l.Claims, b.places = b.l.Claims[:before], b.places[:before]
	}
	b.l.Problems = append(b.l.Problems, r.problems...)
}

// textOK is true for data the fast path may try: UTF-8 text with no NUL.
// Anything else goes to the whole-file path, which reports it.
func textOK(data []byte) bool {
	return len(bytes.TrimSpace(data)) > 0 && utf8.Valid(data) && firstDisallowed(data) < 0
}

// yamlAllows is the set of characters yaml.v3 reads; it refuses a stream
// with any other, and the fast path must refuse the same streams.
func yamlAllows(r rune) bool {
	return r == 0x85 || r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}
