// Package atomicfile replaces files so that a reader, or a crash, never sees
// half of a new version: claimdiff rewrites ledgers and reports in place, and
// a torn ledger would lose a desk's work.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
func WriteFunc(path string, fn func(io.Writer) error) (err error) {
	mode := defaultMode
	switch fi, statErr := os.Lstat(path); {
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
		return statErr
	}

	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// The temporary file must live in the target's directory: rename is
	// only atomic within one file system.
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()

	bw := bufio.NewWriter(tmp)
	if err = fn(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	// CreateTemp makes 0600 files; chmod explicitly so the umask cannot
	// widen or narrow what the old file had.
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable. It is best effort: some file
// systems and platforms refuse to fsync a directory, and the data is
// already safely in place by then.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
