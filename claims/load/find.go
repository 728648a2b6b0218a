package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Find expands the -f arguments into ledger files: files as given,
// directories searched recursively, in lexical order, for the files
// FormatOf knows. With no arguments it looks for DefaultFiles in dir (the
// working directory, which "" and "." both mean) and returns an error
// that wraps ErrNoLedger, naming what it looked for, if there is none.
//
// A ledger in CI comes from a pull request, which can commit symlinks: a
// claims.yaml that points at a token file would have its first line
// quoted back in an error. So a ledger file that is a symlink must lead
// to a regular file inside the directory it was found in: dir for the
// default, the directory holding a file named with -f, the directory
// named with -f for the files found in it. A default file that exists
// but cannot be a ledger (a directory, a FIFO, a dangling symlink) is an
// error, never a reason to look further.
func Find(dir string, args []string) ([]File, error) {
	return find(dir, args, filepath.WalkDir)
}

// find is Find with the directory walk passed in, so that tests can make
// a subdirectory fail to read, which root can always read.
func find(dir string, args []string, walk func(string, fs.WalkDirFunc) error) ([]File, error) {
	if len(args) == 0 {
		return findDefault(dir)
	}
	args, err := expandGlobs(args)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, arg := range args {
		if err := checkLink(arg, filepath.Dir(arg), "its directory"); err != nil {
			return nil, err
		}
		st, err := os.Stat(arg)
		if err != nil {
			return nil, &InputError{fmt.Errorf("%s: %w", arg, unwrapPathError(err))}
		}
		if !st.IsDir() {
			files = append(files, arg)
			continue
		}
		found, err := findIn(arg, len(files), walk)
		if err != nil {
			return nil, err
		}
		files = append(files, found...)
	}
	return Paths(files), nil
}

// findDefault looks for DefaultFiles in dir.
func findDefault(dir string) ([]File, error) {
	base := dir
	if base == "" {
		base = "."
	}
	for _, name := range DefaultFiles {
		path := name
		if base != "." {
			path = filepath.Join(base, name)
		}
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			return nil, &InputError{fmt.Errorf("%s: %w", path, unwrapPathError(err))}
		}
		where := "the working directory"
		if base != "." {
			where = base
		}
		if err := checkLink(path, base, where); err != nil {
			return nil, err
		}
		st, err := os.Stat(path)
		if err != nil {
			return nil, &InputError{fmt.Errorf("%s: %w", path, unwrapPathError(err))}
		}
		if !st.Mode().IsRegular() {
			return nil, &InputError{fmt.Errorf("%s: %s, not a ledger file", path, modeName(st.Mode()))}
		}
		return []File{{Name: path}}, nil
	}
	where := "the working directory"
	if base != "." {
		where = base
	}
	return nil, fmt.Errorf("%w: looked for %s in %s", ErrNoLedger, strings.Join(DefaultFiles, " and "), where)
}

// findIn walks the directory arg for ledger files; before is how many
// files the earlier arguments gave, towards MaxFiles.
func findIn(arg string, before int, walk func(string, fs.WalkDirFunc) error) ([]string, error) {
	var found []string
	err := walk(arg, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// Name the directory that could not be read, not only the
			// one given: it may be deep inside.
			return &InputError{fmt.Errorf("%s: %w", path, unwrapPathError(err))}
		}
		if d.IsDir() && path != arg && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir // .git and friends hold no ledger
		}
		if !IsLedgerFile(d.Name()) {
			return nil
		}
		switch {
		case d.Type().IsRegular():
		case d.Type()&fs.ModeSymlink != 0:
			if err := checkLink(path, arg, arg); err != nil {
				return err
			}
			if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
				return nil // checkLink saw to it that it leads somewhere
			}
		default:
			return nil // a FIFO or a device is no ledger file
		}
		found = append(found, path)
		if before+len(found) > MaxFiles {
			return &InputError{fmt.Errorf("%s: more than %d ledger files", arg, MaxFiles)}
		}
		return nil
	})
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return nil, ie
		}
		return nil, &InputError{fmt.Errorf("%s: %w", arg, unwrapPathError(err))}
	}
	if len(found) == 0 {
		return nil, &InputError{fmt.Errorf("%s: no ledger files (*.yaml, *.yml, *.csv, *.tsv, *.jsonl) in this directory", arg)}
	}
	return found, nil
}

// checkLink refuses path if it is a symlink that leads nowhere, or
// anywhere outside the directory base (named where in the message). A
// path that is no symlink passes: a file the user names is theirs to name.
func checkLink(path, base, where string) error {
	lst, err := os.Lstat(path)
	if err != nil || lst.Mode()&fs.ModeSymlink == 0 {
		return nil // not a symlink, or not there: Stat says which
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return &InputError{fmt.Errorf("%s: is a symlink to nothing that can be read (%w)", path, unwrapPathError(err))}
	}
	if !inside(target, base) {
		return &InputError{fmt.Errorf("%s: is a symlink to a file outside %s; claimdiff does not read a ledger through it (name the file itself if it is the ledger)", path, where)}
	}
	return nil
}

// inside reports whether path, symlinks resolved, is base or below it.
func inside(path, base string) bool {
	b, err := filepath.EvalSymlinks(base)
	if err != nil {
		return false
	}
	p, err1 := filepath.Abs(path)
	b, err2 := filepath.Abs(b)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(b, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// modeName says what a file that is not a regular file is.
func modeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "is a directory"
	case m&fs.ModeNamedPipe != 0:
		return "is a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "is a socket"
	case m&fs.ModeDevice != 0:
		return "is a device"
	}
	return "is not a regular file"
}

// expandGlobs replaces each -f argument that holds a shell pattern and
// names no file (a shell leaves a quoted pattern alone) by the files it
// matches, in lexical order; a pattern that matches nothing is an error.
func expandGlobs(args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		if !strings.ContainsAny(arg, "*?[") {
			out = append(out, arg)
			continue
		}
		if _, err := os.Lstat(arg); err == nil {
			out = append(out, arg)
			continue
		}
		matches, err := filepath.Glob(arg)
		if err != nil {
			return nil, &InputError{fmt.Errorf("%s: %w", arg, err)}
		}
		if len(matches) == 0 {
			return nil, &InputError{fmt.Errorf("%s: no files match this pattern", arg)}
		}
		out = append(out, matches...)
	}
	return out, nil
}
