// Package atomicfile replaces files so that a reader, or a crash, never sees
// half of a new version: claimdiff rewrites ledgers and reports in place, and
// a torn ledger would lose a desk's work.
package atomicfile

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// defaultMode is what a new file gets; an existing file keeps its own.
const defaultMode fs.FileMode = 0o644

// Write writes data to path atomically: a temporary file in the same
// directory, fsync, then rename. It keeps an existing file's mode (0644 for a
// new file), refuses to write through a symlink, and leaves the old file
// intact on any error.
func Write(path string, data []byte) error {
	return WriteFunc(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFunc is Write for streaming producers: it calls fn with a writer for
// the temporary file; if fn returns an error, nothing is replaced.
//
// A relative path must stay inside the working directory once symlinks
// are resolved: a checkout can commit reports/ as a symlink to
// ../outside, and -o reports/x.html would write there. Every step after
// the check goes through an os.Root, so a directory swapped for a symlink
// meanwhile cannot lead the write out either.
func WriteFunc(path string, fn func(io.Writer) error) (err error) {
	root, name, err := openRoot(path)
	if err != nil {
		return err
	}
	defer root.Close()

	mode := defaultMode
	switch fi, statErr := root.Lstat(name); {
	case statErr == nil && fi.Mode()&fs.ModeSymlink != 0:
		// Following the link would let a hostile checkout point a report at
		// a file outside the tree; replacing the link would silently break
		// the user's setup. Neither is what they asked for.
		return fmt.Errorf("refusing to write through symlink %s", path)
	case statErr == nil && !fi.Mode().IsRegular():
		return fmt.Errorf("refusing to replace %s: not a regular file", path)
	case statErr == nil:
		mode = fi.Mode().Perm()
	case !errors.Is(statErr, fs.ErrNotExist):
		return fmt.Errorf("%s: %w", path, unwrap(statErr))
	}

	// The temporary file must live in the target's directory: rename is
	// only atomic within one file system.
	dir, base := filepath.Split(name)
	tmp, tmpName, forget, err := createTracked(root, dir, "."+base+".tmp-")
	if err != nil {
		return fmt.Errorf("%s: %w", path, unwrap(err))
	}
	defer func() {
		forget()
		if err != nil {
			tmp.Close()
			root.Remove(tmpName)
		}
	}()

	bw := bufio.NewWriter(tmp)
	if err = fn(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	// The temporary file is made 0600; chmod explicitly so the umask
	// cannot widen or narrow what the old file had.
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = root.Rename(tmpName, name); err != nil {
		return err
	}
	syncDir(root, dir)
	return nil
}

// openRoot opens the directory that path's steps are taken in, and says
// what path is within it: the working directory and the path itself when
// it is relative, else the file's own directory and its base name.
func openRoot(path string) (*os.Root, string, error) {
	if filepath.IsAbs(path) {
		dir, base := filepath.Split(path)
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", path, unwrap(err))
		}
		return root, base, nil
	}
	name := filepath.Clean(path)
	if !filepath.IsLocal(name) {
		return nil, "", fmt.Errorf("refusing to write %s: it is outside the working directory; give an absolute path to write there", path)
	}
	if dir := filepath.Dir(name); dir != "." {
		if resolved, err := filepath.EvalSymlinks(dir); err == nil && !filepath.IsLocal(resolved) && !within(resolved) {
			return nil, "", fmt.Errorf("refusing to write %s: %s leads outside the working directory through a symlink", path, dir)
		}
	}
	root, err := os.OpenRoot(".")
	if err != nil {
		return nil, "", err
	}
	return root, name, nil
}

// within reports whether an absolute path is inside the working
// directory, symlinks resolved in both.
func within(path string) bool {
	wd, err := os.Getwd()
	if err != nil {
		return false
	}
	if wd, err = filepath.EvalSymlinks(wd); err != nil {
		return false
	}
	rel, err := filepath.Rel(wd, path)
	return err == nil && filepath.IsLocal(rel)
}

// createTemp makes a new file named prefix and a random suffix in dir
// under root, as os.CreateTemp does outside one.
func createTemp(root *os.Root, dir, prefix string) (*os.File, string, error) {
	for range 10_000 {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, "", err
		}
		name := filepath.Join(dir, prefix+hex.EncodeToString(b[:]))
		f, err := root.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, name, err
	}
	return nil, "", errors.New("cannot make a temporary file")
}

// syncDir makes the rename itself durable. It is best effort: some file
// systems and platforms refuse to fsync a directory, and the data is
// already safely in place by then.
func syncDir(root *os.Root, dir string) {
	if dir == "" {
		dir = "."
	}
	d, err := root.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

// unwrap drops the path an *fs.PathError repeats, as the caller names it.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// pending holds the temporary files being written, so that a process
// stopped by a signal can remove them on its way out (Abandon). It is the
// one piece of state in the package, as the signal is the process's.
var pending = struct {
	sync.Mutex
	files     map[int]string
	next      int
	abandoned bool
}{files: map[int]string{}}

// errAbandoned refuses a write begun after Abandon.
var errAbandoned = errors.New("the process is stopping; nothing more is written")

// createTracked is createTemp with the file recorded in pending, both
// under pending's lock, so that Abandon sees every temporary file that
// exists: one made a moment before it is recorded would be left behind by
// a signal landing in that moment. It returns the function that forgets
// the file once it is renamed or removed.
func createTracked(root *os.Root, dir, prefix string) (*os.File, string, func(), error) {
	pending.Lock()
	defer pending.Unlock()
	if pending.abandoned {
		return nil, "", nil, errAbandoned
	}
	f, name, err := createTemp(root, dir, prefix)
	if err != nil {
		return nil, "", nil, err
	}
	id := pending.next
	pending.next++
	pending.files[id] = filepath.Join(root.Name(), name)
	forget := func() {
		pending.Lock()
		delete(pending.files, id)
		pending.Unlock()
	}
	return f, name, forget, nil
}

// Abandon removes every temporary file still being written and makes any
// later one be removed as soon as it is made; it returns the names of the
// files whose writes were cut short. The process calls it when a signal
// stops it, just before it exits: a report half written must not be left
// as a .tmp- file beside the old one.
func Abandon() []string {
	pending.Lock()
	defer pending.Unlock()
	pending.abandoned = true
	var names []string
	for id, name := range pending.files {
		if os.Remove(name) == nil {
			names = append(names, targetOf(name))
		}
		delete(pending.files, id)
	}
	return names
}

// targetOf is the file a temporary file was to become.
func targetOf(tmp string) string {
	dir, base := filepath.Split(tmp)
	base = strings.TrimPrefix(base, ".")
	if i := strings.LastIndex(base, ".tmp-"); i >= 0 {
		base = base[:i]
	}
	return filepath.Join(dir, base)
}
