// Package gitread reads files as they are at a git revision, such as
// origin/main:claims.yaml, through the git command, so that a ledger can be
// compared with an earlier version of itself without a checkout.
//
// Revisions come from the command line, never from a ledger; even so they
// reach git on standard input or as resolved object ids, never as options.
package gitread

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// File is one file read at a revision; Name is "REV:PATH".
type File struct {
	Name string
	Data []byte
}

// Options limit what Read reads.
type Options struct {
	// Dir is where git runs: a directory inside the repository.
	Dir string
	// MaxFileBytes caps one file, MaxTotalBytes all the files read (a
	// directory of 4 files of 200 MB each, under the cap one by one, took
	// 3.2 GB), and MaxFiles the files of a directory; zero means no cap.
	// Sizes are known before any file is read, so nothing over a cap is
	// read at all.
	MaxFileBytes  int64
	MaxTotalBytes int64
	MaxFiles      int
	// Keep selects the files of a directory by path; nil keeps all.
	Keep func(name string) bool
}

// Split tells a REV:PATH argument apart: it returns the revision and the
// path, and false when arg has no colon or an empty revision. The caller
// decides first whether arg is a file that merely contains a colon.
func Split(arg string) (rev, file string, ok bool) {
	rev, file, ok = strings.Cut(arg, ":")
	return rev, file, ok && rev != ""
}

// Read returns the file at spec ("REV:PATH"), or every file of the
// directory at spec that Keep selects, in path order. Directories whose
// name starts with a dot are skipped, as are symlinks and submodules.
func Read(spec string, opts Options) ([]File, error) {
	if strings.ContainsAny(spec, "\n\x00") || strings.HasPrefix(spec, "-") {
		return nil, fmt.Errorf("%q is not a git revision and path", spec)
	}
	obj, err := lookup(opts.Dir, spec)
	if err != nil {
		return nil, err
	}
	switch obj.kind {
	case "blob":
		if err := checkSize(spec, obj.size, opts.MaxFileBytes); err != nil {
			return nil, err
		}
		return readBlobs(opts.Dir, spec, []entry{{name: spec, id: obj.id, size: obj.size}})
	case "tree":
		return readTree(spec, obj.id, opts)
	}
	return nil, fmt.Errorf("%s: is a %s, not a file or directory", spec, obj.kind)
}

type object struct {
	id, kind string
	size     int64
}

// lookup resolves spec with cat-file --batch-check, which reads it from
// standard input: a spec starting with a dash cannot become an option.
func lookup(dir, spec string) (object, error) {
	out, err := git(dir, strings.NewReader(spec+"\n"), "cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)")
	if err != nil {
		return object{}, fmt.Errorf("%s: %w", spec, err)
	}
	line := strings.TrimSuffix(string(out), "\n")
	f := strings.Fields(line)
	if len(f) != 3 || strings.HasSuffix(line, " missing") || strings.HasSuffix(line, " ambiguous") {
		return object{}, fmt.Errorf("%s: no such revision or path in git", spec)
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil {
		return object{}, fmt.Errorf("%s: git printed an unexpected line %q", spec, line)
	}
	return object{id: f[0], kind: f[1], size: size}, nil
}

type entry struct {
	name string
	id   string
	size int64
}

func readTree(spec, tree string, opts Options) ([]File, error) {
	out, err := git(opts.Dir, nil, "ls-tree", "-r", "-l", "-z", tree)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", spec, err)
	}
	var entries []entry
	var total int64
	for rec := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		if rec == "" {
			continue
		}
		// <mode> SP <type> SP <object> SP+ <size> TAB <path>
		meta, name, ok := strings.Cut(rec, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 4 || f[1] != "blob" || f[0] == "120000" || hiddenDir(name) {
			continue
		}
		if opts.Keep != nil && !opts.Keep(name) {
			continue
		}
		full := join(spec, name)
		size, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: git printed an unexpected line %q", full, meta)
		}
		if err := checkSize(full, size, opts.MaxFileBytes); err != nil {
			return nil, err
		}
		entries = append(entries, entry{name: full, id: f[2], size: size})
		if opts.MaxFiles > 0 && len(entries) > opts.MaxFiles {
			return nil, fmt.Errorf("%s: more than %d files", spec, opts.MaxFiles)
		}
		if total += size; opts.MaxTotalBytes > 0 && total > opts.MaxTotalBytes {
			return nil, fmt.Errorf("%s: the files here hold more than the limit of %s in all", spec, diag.ByteSize(opts.MaxTotalBytes))
		}
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("%s: no matching files in this directory", spec)
	}
	return readBlobs(opts.Dir, spec, entries)
}

// readBlobs reads many blobs through one cat-file --batch, which prints
// "<id> blob <size>\n<content>\n" for each id it is given. Each blob is
// read from the pipe straight into its own buffer, of the size ls-tree
// gave, so reading costs what the files hold and no more.
func readBlobs(dir, spec string, entries []entry) ([]File, error) {
	var ids strings.Builder
	for _, e := range entries {
		ids.WriteString(e.id + "\n")
	}
	cmd := gitCommand(dir, strings.NewReader(ids.String()), "cat-file", "--batch")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", spec, gitError(err, &stderr))
	}
	files, readErr := readBatch(bufio.NewReader(pipe), entries)
	if readErr != nil {
		// Stop git rather than read what is left of its output.
		_ = cmd.Process.Kill()
	}
	if err := cmd.Wait(); err != nil && readErr == nil {
		return nil, fmt.Errorf("%s: %w", spec, gitError(err, &stderr))
	}
	return files, readErr
}

// readBatch reads cat-file --batch's output for entries.
func readBatch(r *bufio.Reader, entries []entry) ([]File, error) {
	files := make([]File, 0, len(entries))
	for _, e := range entries {
		header, err := r.ReadString('\n')
		if err != nil || header != fmt.Sprintf("%s blob %d\n", e.id, e.size) {
			return nil, fmt.Errorf("%s: git printed an unexpected header %q", e.name, strings.TrimSpace(diag.Clip(header, 80)))
		}
		data := make([]byte, e.size+1)
		if _, err := io.ReadFull(r, data); err != nil || data[e.size] != '\n' {
			return nil, fmt.Errorf("%s: git's output ended early", e.name)
		}
		files = append(files, File{Name: e.name, Data: data[:e.size]})
	}
	return files, nil
}

// join names a file of the directory spec, as git would: "HEAD:dir/a.yaml",
// or "HEAD:a.yaml" for the root tree "HEAD:".
func join(spec, name string) string {
	if strings.HasSuffix(spec, ":") || strings.HasSuffix(spec, "/") {
		return spec + name
	}
	return spec + "/" + name
}

// hiddenDir reports whether a path lies under a directory whose name
// starts with a dot, which a directory on disk would skip too.
func hiddenDir(name string) bool {
	dir := path.Dir(name)
	for dir != "." && dir != "/" {
		if strings.HasPrefix(path.Base(dir), ".") {
			return true
		}
		dir = path.Dir(dir)
	}
	return false
}

func checkSize(name string, size, max int64) error {
	if max > 0 && size > max {
		return fmt.Errorf("%s: %s", name, diag.TooLargeText(max))
	}
	return nil
}

// git runs git with args in dir and returns its standard output; an
// error carries the first line git printed on standard error.
func git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := gitCommand(dir, stdin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err == nil {
		return out, nil
	}
	return nil, gitError(err, &stderr)
}

func gitCommand(dir string, stdin io.Reader, args ...string) *exec.Cmd {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	// Never prompt, page or read a replacement object: reading is all.
	cmd.Env = append(cmd.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_PAGER=cat", "GIT_NO_REPLACE_OBJECTS=1")
	return cmd
}

// gitError words a failed git run by the first line it printed.
func gitError(err error, stderr *bytes.Buffer) error {
	if errors.Is(err, exec.ErrNotFound) {
		return errors.New("reading a git revision needs the git command, which is not installed")
	}
	msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
	msg = strings.TrimPrefix(msg, "fatal: ")
	if msg == "" {
		msg = err.Error()
	}
	return fmt.Errorf("git: %s", msg)
}
