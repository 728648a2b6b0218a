package gitread

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		arg, rev, file string
		ok             bool
	}{
		{"origin/main:claims.yaml", "origin/main", "claims.yaml", true},
		{"HEAD~1:ledger/a.yaml", "HEAD~1", "ledger/a.yaml", true},
		{"HEAD:", "HEAD", "", true},
		{"claims.yaml", "claims.yaml", "", false},
		{":claims.yaml", "", "claims.yaml", false},
	}
	for _, tt := range tests {
		rev, file, ok := Split(tt.arg)
		if rev != tt.rev || file != tt.file || ok != tt.ok {
			t.Errorf("Split(%q) = %q, %q, %v; want %q, %q, %v", tt.arg, rev, file, ok, tt.rev, tt.file, tt.ok)
		}
	}
}

func TestJoinAndHidden(t *testing.T) {
	for spec, want := range map[string]string{"HEAD:": "HEAD:a.yaml", "HEAD:dir": "HEAD:dir/a.yaml", "HEAD:dir/": "HEAD:dir/a.yaml"} {
		if got := join(spec, "a.yaml"); got != want {
			t.Errorf("join(%q) = %q, want %q", spec, got, want)
		}
	}
	for name, want := range map[string]bool{"a.yaml": false, ".a.yaml": false, "x/.git/a.yaml": true, ".drafts/a.yaml": true, "a/b/c.yaml": false} {
		if got := hiddenDir(name); got != want {
			t.Errorf("hiddenDir(%q) = %v, want %v", name, got, want)
		}
	}
}

// repo makes a repository with one commit of files and returns its path.
func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
	dir := t.TempDir()
	for name, body := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "HOME="+dir, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+filepath.Join(dir, ".gitconfig"),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t")
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "one"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir, cmd.Env = dir, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

func TestRead(t *testing.T) {
	dir := repo(t, map[string]string{
		"claims.yaml":           "ledger: 1\n",
		"ledger/a.yaml":         "a: 1\n",
		"ledger/sub/b.yml":      "b: 2\n",
		"ledger/readme.txt":     "not a ledger\n",
		"ledger/.drafts/c.yaml": "c: 3\n",
		"ledger/empty.yaml":     "",
		"big/big.yaml":          strings.Repeat("x", 100),
	})
	keep := func(name string) bool { return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") }
	opts := Options{Dir: dir, MaxFileBytes: 64, MaxFiles: 10, Keep: keep}

	files, err := Read("HEAD:claims.yaml", opts)
	if err != nil || len(files) != 1 || files[0].Name != "HEAD:claims.yaml" || string(files[0].Data) != "ledger: 1\n" {
		t.Fatalf("file: %+v, %v", files, err)
	}

	files, err = Read("HEAD:ledger", opts)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name+"="+string(f.Data))
	}
	want := []string{"HEAD:ledger/a.yaml=a: 1\n", "HEAD:ledger/empty.yaml=", "HEAD:ledger/sub/b.yml=b: 2\n"}
	if !slices.Equal(names, want) {
		t.Errorf("directory = %q, want %q", names, want)
	}

	errors := []struct{ spec, want string }{
		{"HEAD:missing.yaml", "HEAD:missing.yaml: no such revision or path in git"},
		{"nobranch:claims.yaml", "nobranch:claims.yaml: no such revision or path in git"},
		{"HEAD:big/big.yaml", "HEAD:big/big.yaml: the file is larger than the limit of 64 bytes"},
		{"HEAD:big", "HEAD:big/big.yaml: the file is larger than the limit of 64 bytes"},
		{"HEAD:ledger/sub/../../claims.yaml", "no such revision or path in git"},
		{"--output=x:y", "is not a git revision and path"},
		{"HEAD:a\nHEAD:claims.yaml", "is not a git revision and path"},
	}
	for _, e := range errors {
		if _, err := Read(e.spec, opts); err == nil || !strings.Contains(err.Error(), e.want) {
			t.Errorf("Read(%q) = %v, want an error with %q", e.spec, err, e.want)
		}
	}
	if _, err := Read("HEAD:ledger", Options{Dir: dir, MaxFiles: 2}); err == nil || !strings.Contains(err.Error(), "more than 2 files") {
		t.Errorf("MaxFiles: %v", err)
	}
	if _, err := Read("HEAD:ledger", Options{Dir: dir, Keep: func(string) bool { return false }}); err == nil ||
		!strings.Contains(err.Error(), "no matching files") {
		t.Errorf("nothing kept: %v", err)
	}
	if _, err := Read("HEAD:claims.yaml", Options{Dir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "git: ") {
		t.Errorf("outside a repository: %v", err)
	}
}

// Files each under the cap may not add up to more than the total cap:
// the directory is refused from its listing, before any file is read.
func TestReadTotalCap(t *testing.T) {
	files := map[string]string{}
	for i := range 4 {
		files[fmt.Sprintf("ledger/f%d.yaml", i)] = strings.Repeat("x", 600)
	}
	dir := repo(t, files)
	opts := Options{Dir: dir, MaxFileBytes: 1000, MaxTotalBytes: 2000}
	if _, err := Read("HEAD:ledger", opts); err == nil || err.Error() != "HEAD:ledger: the files here hold more than the limit of 2000 bytes in all" {
		t.Errorf("over the total: %v", err)
	}
	opts.MaxTotalBytes = 2400
	got, err := Read("HEAD:ledger", opts)
	if err != nil || len(got) != 4 || len(got[3].Data) != 600 {
		t.Errorf("at the total: %d files, %v", len(got), err)
	}
}
