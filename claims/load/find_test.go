package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A subdirectory that cannot be read is named in the error, not only the
// directory given with -f, which may hold thousands of them.
func TestFindNamesUnreadableSubdir(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "locked")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a", "x.yaml"), []byte("ledger: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Root reads any directory, so the walk is made to fail where a
	// permission would.
	walk := func(root string, fn fs.WalkDirFunc) error {
		return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if path == sub && err == nil {
				return fn(path, d, &fs.PathError{Op: "open", Path: path, Err: fs.ErrPermission})
			}
			return fn(path, d, err)
		})
	}
	_, err := find(".", []string{dir}, walk)
	var ie *InputError
	if !errors.As(err, &ie) || err.Error() != sub+": permission denied" {
		t.Fatalf("error %v, want %q", err, sub+": permission denied")
	}
	// And for real, where permissions apply.
	if os.Geteuid() == 0 {
		return
	}
	if err := os.Chmod(sub, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(sub, 0o755)
	if _, err := Find(".", []string{dir}); err == nil || !strings.HasPrefix(err.Error(), sub+": ") {
		t.Errorf("unreadable subdirectory: %v", err)
	}
}

// Ledger files that are symlinks must lead inside the directory they were
// found in; ones that stay inside are read.
func TestFindSymlinks(t *testing.T) {
	root := t.TempDir()
	repo, outside := filepath.Join(root, "repo"), filepath.Join(root, "outside")
	for _, d := range []string{filepath.Join(repo, "ledger", "sub"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path string) {
		if err := os.WriteFile(path, []byte("ledger: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(outside, "secret.yaml"))
	write(filepath.Join(repo, "ledger", "real.yaml"))
	link := func(target, path string) {
		if err := os.Symlink(target, path); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	link("../real.yaml", filepath.Join(repo, "ledger", "sub", "in.yaml"))
	files, err := Find(".", []string{filepath.Join(repo, "ledger")})
	if err != nil || len(files) != 2 {
		t.Fatalf("files %v, err %v", files, err)
	}
	link("../../outside/secret.yaml", filepath.Join(repo, "ledger", "out.yaml"))
	if _, err := Find(".", []string{filepath.Join(repo, "ledger")}); err == nil || !strings.Contains(err.Error(), "out.yaml: is a symlink to a file outside") {
		t.Errorf("a link out of the directory: %v", err)
	}
	if _, err := Find(".", []string{filepath.Join(repo, "ledger", "out.yaml")}); err == nil || !strings.Contains(err.Error(), "outside its directory") {
		t.Errorf("a link out named with -f: %v", err)
	}
	link("../outside/secret.yaml", filepath.Join(repo, "claims.yaml"))
	if _, err := Find(repo, nil); err == nil || !strings.Contains(err.Error(), "is a symlink to a file outside "+repo) {
		t.Errorf("the default file linking out: %v", err)
	}
	os.Remove(filepath.Join(repo, "claims.yaml"))
	link("ledger/real.yaml", filepath.Join(repo, "claims.yaml"))
	if files, err := Find(repo, nil); err != nil || len(files) != 1 {
		t.Errorf("the default file linking in: %v, %v", files, err)
	}
}

// A link to nothing says so, and carries why, for errors.Is.
func TestFindDanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gone.yaml")
	if err := os.Symlink("nowhere.yaml", path); err != nil {
		t.Skip("no symlinks here:", err)
	}
	err := checkLink(path, dir, dir)
	if !errors.Is(err, fs.ErrNotExist) || err.Error() != path+": is a symlink to nothing that can be read (no such file or directory)" {
		t.Errorf("error %v", err)
	}
}

// With no file at all, the error says what was looked for, and where.
func TestFindNothing(t *testing.T) {
	dir := t.TempDir()
	_, err := Find(dir, nil)
	if !errors.Is(err, ErrNoLedger) || err.Error() != "no ledger found: looked for claims.yaml and claims.yml in "+dir {
		t.Errorf("error %v", err)
	}
}
