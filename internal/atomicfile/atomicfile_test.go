package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name     string
		setup    func(t *testing.T, dir string) string // returns the path to write
		write    func(path string) error
		wantErr  string // substring; empty means success
		wantData string // content of the path afterwards
		wantMode fs.FileMode
	}{
		{
			name:     "new file",
			setup:    func(t *testing.T, dir string) string { return filepath.Join(dir, "new.yaml") },
			write:    func(p string) error { return Write(p, []byte("ledger: 1\n")) },
			wantData: "ledger: 1\n",
			wantMode: 0o644,
		},
		{
			name: "replace keeps mode 0600",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "old.yaml")
				writeFile(t, p, "old", 0o600)
				return p
			},
			write:    func(p string) error { return Write(p, []byte("new")) },
			wantData: "new",
			wantMode: 0o600,
		},
		{
			name: "streaming replace",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "old.yaml")
				writeFile(t, p, "old", 0o640)
				return p
			},
			write: func(p string) error {
				return WriteFunc(p, func(w io.Writer) error {
					_, err := io.WriteString(w, strings.Repeat("x", 100000))
					return err
				})
			},
			wantData: strings.Repeat("x", 100000),
			wantMode: 0o640,
		},
		{
			name: "fn error leaves old content",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "old.yaml")
				writeFile(t, p, "old", 0o644)
				return p
			},
			write: func(p string) error {
				return WriteFunc(p, func(w io.Writer) error {
					io.WriteString(w, "half of the new")
					return errors.New("producer failed")
				})
			},
			wantErr:  "producer failed",
			wantData: "old",
			wantMode: 0o644,
		},
		{
			name: "directory missing",
			setup: func(t *testing.T, dir string) string {
				return filepath.Join(dir, "no", "such", "dir", "x.yaml")
			},
			write:   func(p string) error { return Write(p, []byte("x")) },
			wantErr: "no such file",
		},
		{
			name: "refuses a directory",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "sub")
				if err := os.Mkdir(p, 0o755); err != nil {
					t.Fatal(err)
				}
				return p
			},
			write:   func(p string) error { return Write(p, []byte("x")) },
			wantErr: "not a regular file",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tt.setup(t, dir)
			err := tt.write(path)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
			if tt.wantData != "" {
				got, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != tt.wantData {
					t.Errorf("content = %.40q, want %.40q", got, tt.wantData)
				}
				fi, err := os.Stat(path)
				if err != nil {
					t.Fatal(err)
				}
				if runtime.GOOS != "windows" && fi.Mode().Perm() != tt.wantMode {
					t.Errorf("mode = %v, want %v", fi.Mode().Perm(), tt.wantMode)
				}
			}
			assertNoTemp(t, dir)
		})
	}
}

func TestWriteRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.yaml")
	writeFile(t, target, "precious", 0o644)
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unsupported: %v", err)
	}

	err := Write(link, []byte("overwritten"))
	want := "refusing to write through symlink " + link
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %q", err, want)
	}
	got, _ := os.ReadFile(target)
	if string(got) != "precious" {
		t.Errorf("target changed to %q", got)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link was replaced or removed")
	}
	assertNoTemp(t, dir)
}

func writeFile(t *testing.T, path, data string, mode fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
	// WriteFile is subject to the umask; the test needs the exact mode.
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// A relative path must stay inside the working directory once symlinks
// are resolved: reports/ committed as a symlink to ../outside is refused,
// and nothing is written there.
func TestWriteRefusesRelativeEscape(t *testing.T) {
	top := t.TempDir()
	tree, outside := filepath.Join(top, "tree"), filepath.Join(top, "outside")
	for _, d := range []string{filepath.Join(tree, "inside"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../outside", filepath.Join(tree, "reports")); err != nil {
		t.Skipf("symlinks unsupported: %v", err)
	}
	if err := os.Symlink("inside", filepath.Join(tree, "alias")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(tree)
	for path, want := range map[string]string{
		"reports/x.html":          "refusing to write reports/x.html: reports leads outside the working directory through a symlink",
		"reports/../../x.html":    "refusing to write reports/../../x.html: it is outside the working directory; give an absolute path to write there",
		"../outside/x.html":       "refusing to write ../outside/x.html: it is outside the working directory; give an absolute path to write there",
		"alias/../reports/x.html": "refusing to write alias/../reports/x.html: reports leads outside the working directory through a symlink",
	} {
		if err := Write(path, []byte("report")); err == nil || err.Error() != want {
			t.Errorf("Write(%q) = %v, want %q", path, err, want)
		}
	}
	entries, _ := os.ReadDir(outside)
	if len(entries) > 0 {
		t.Errorf("written outside: %v", entries)
	}
	// Through a symlink that stays inside, and plainly, it writes.
	for _, path := range []string{"alias/x.html", "inside/y.html", "z.html"} {
		if err := Write(path, []byte("report")); err != nil {
			t.Errorf("Write(%q): %v", path, err)
		}
	}
	assertNoTemp(t, filepath.Join(tree, "inside"))
}

// Abandon, which the process calls when a signal stops it, removes the
// temporary file of a write in progress, and of any begun after it.
func TestAbandon(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "report.html")
	writing, stop := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- WriteFunc(target, func(w io.Writer) error {
			io.WriteString(w, "half a report")
			close(writing)
			<-stop
			return nil
		})
	}()
	<-writing
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), ".report.html.tmp-") {
		t.Fatalf("while writing: %v", entries)
	}
	removed := Abandon()
	defer func() { pending.Lock(); pending.abandoned = false; pending.Unlock() }()
	if len(removed) != 1 || removed[0] != target {
		t.Errorf("Abandon() = %q, want %q", removed, target)
	}
	assertNoTemp(t, dir)
	close(stop)
	if err := <-done; err == nil {
		t.Error("the write cut short reported success")
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("the report was written")
	}
	// A write begun once the process is on its way out leaves nothing.
	if err := Write(filepath.Join(dir, "late.html"), []byte("x")); err == nil {
		t.Error("a write after Abandon succeeded")
	}
	assertNoTemp(t, dir)
}
