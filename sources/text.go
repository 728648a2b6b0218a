package sources

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MaxTextBytes caps an archived text. Quote checks hold a text in memory
// several times over, and a ledger from a pull request is untrusted.
const MaxTextBytes = 16 << 20

// OpenText reads the archived text that rel names, relative to dir (the
// directory of the ledger file that defines the source). It refuses
// absolute paths, paths that leave dir, paths that pass through a symlink
// below dir, anything but a regular file, and texts over MaxTextBytes:
// a ledger must not be able to make claimdiff read, and then quote back
// into a report, a file outside the ledger's tree.
//
// A missing file gives an error that matches fs.ErrNotExist.
func OpenText(dir, rel string) (string, error) {
	clean, err := checkText(dir, rel)
	if err != nil {
		return "", err
	}
	// Reading through an os.Root keeps the file inside dir even if a
	// component is swapped for a symlink after checkText looked.
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", fmt.Errorf("reading text %q: %w", rel, unwrapPath(err))
	}
	defer root.Close()
	f, err := root.Open(clean)
	if errors.Is(err, fs.ErrNotExist) {
		return "", missingText(rel)
	}
	if err != nil {
		return "", fmt.Errorf("reading text %q: %w", rel, unwrapPath(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return "", fmt.Errorf("reading text %q: %w", rel, unwrapPath(err))
	} else if !fi.Mode().IsRegular() {
		return "", fmt.Errorf("text path %q is not a regular file", rel)
	}
	// The size may have changed since the check; trust only what is read.
	data, err := io.ReadAll(io.LimitReader(f, MaxTextBytes+1))
	if err != nil {
		return "", fmt.Errorf("reading text %q: %w", rel, unwrapPath(err))
	}
	if len(data) > MaxTextBytes {
		return "", tooLarge(rel)
	}
	return string(data), nil
}

// CheckTextPath makes OpenText's checks without reading the text, for
// lint. It returns nil when OpenText would accept the path.
func CheckTextPath(dir, rel string) error {
	_, err := checkText(dir, rel)
	return err
}

// checkText validates rel and returns it cleaned, in the form os.Root
// expects.
func checkText(dir, rel string) (string, error) {
	switch {
	case strings.TrimSpace(rel) == "":
		return "", errors.New("text path is empty")
	case strings.ContainsRune(rel, 0):
		return "", fmt.Errorf("text path %q contains a NUL byte", rel)
	case filepath.IsAbs(rel) || filepath.VolumeName(rel) != "" || strings.HasPrefix(rel, "/") || strings.HasPrefix(rel, `\`):
		return "", fmt.Errorf("text path %q is absolute; write it relative to the ledger file", rel)
	}
	clean := filepath.Clean(rel)
	if !filepath.IsLocal(clean) {
		return "", fmt.Errorf("text path %q escapes the ledger directory", rel)
	}
	// Walk the components with Lstat so a symlink anywhere below dir is
	// refused, even one that points back inside: what a reviewer sees in
	// a pull request must be what is quoted.
	at := dir
	parts := strings.Split(clean, string(filepath.Separator))
	for i, part := range parts {
		at = filepath.Join(at, part)
		fi, err := os.Lstat(at)
		if errors.Is(err, fs.ErrNotExist) {
			return "", missingText(rel)
		}
		if err != nil {
			return "", fmt.Errorf("reading text %q: %w", rel, unwrapPath(err))
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return "", fmt.Errorf("text path %q goes through symlink %q", rel, filepath.ToSlash(filepath.Join(parts[:i+1]...)))
		}
		if i < len(parts)-1 {
			continue
		}
		if !fi.Mode().IsRegular() {
			return "", fmt.Errorf("text path %q is not a regular file", rel)
		}
		if fi.Size() > MaxTextBytes {
			return "", tooLarge(rel)
		}
	}
	return clean, nil
}

// missingText says a text does not exist in words, and to errors.Is.
type missingText string

func (m missingText) Error() string { return fmt.Sprintf("text file %q does not exist", string(m)) }
func (m missingText) Unwrap() error { return fs.ErrNotExist }

func tooLarge(rel string) error {
	return fmt.Errorf("text file %q is larger than %d MiB", rel, MaxTextBytes>>20)
}

// unwrapPath drops the *PathError wrapper, whose message repeats an
// absolute path the user never wrote.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
