package sources

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenText(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "ledger")
	mustMkdir(t, filepath.Join(dir, "texts", "deep"))
	mustWrite(t, filepath.Join(dir, "texts", "umerov.txt"), "I never approved the plan.")
	mustWrite(t, filepath.Join(dir, "texts", "deep", "a.txt"), "deep")
	mustWrite(t, filepath.Join(root, "secret.txt"), "outside the ledger")
	symlinks := true
	if err := os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(dir, "texts", "leak.txt")); err != nil {
		symlinks = false
	} else {
		// Even a link that stays inside the tree is refused: the reviewer
		// of a pull request must see what is quoted.
		mustSymlink(t, filepath.Join(dir, "texts"), filepath.Join(dir, "alias"))
		mustSymlink(t, filepath.Join(dir, "texts", "umerov.txt"), filepath.Join(dir, "texts", "inner.txt"))
	}
	big, err := os.Create(filepath.Join(dir, "texts", "big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: its size is what matters, not its bytes on disk.
	if err := big.Truncate(MaxTextBytes + 1); err != nil {
		t.Fatal(err)
	}
	big.Close()
	edge, err := os.Create(filepath.Join(dir, "texts", "edge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := edge.Truncate(MaxTextBytes); err != nil {
		t.Fatal(err)
	}
	edge.Close()
	if got, err := OpenText(dir, "texts/edge.txt"); err != nil || len(got) != MaxTextBytes {
		t.Errorf("a text of exactly MaxTextBytes: %d bytes, %v", len(got), err)
	}

	tests := []struct {
		name     string
		rel      string
		want     string
		wantErr  string
		symlink  bool
		notExist bool
	}{
		{name: "ok", rel: "texts/umerov.txt", want: "I never approved the plan."},
		{name: "ok after cleaning", rel: "texts/deep/../umerov.txt", want: "I never approved the plan."},
		{name: "ok nested", rel: "./texts/deep/a.txt", want: "deep"},
		{name: "escape", rel: "../secret.txt", wantErr: `text path "../secret.txt" escapes the ledger directory`},
		{name: "escape after a detour", rel: "texts/../../secret.txt", wantErr: `text path "texts/../../secret.txt" escapes the ledger directory`},
		{name: "absolute", rel: filepath.Join(root, "secret.txt"), wantErr: "is absolute"},
		{name: "empty", rel: " ", wantErr: "text path is empty"},
		{name: "nul", rel: "texts/a\x00.txt", wantErr: "contains a NUL byte"},
		{name: "missing", rel: "texts/nope.txt", wantErr: `text file "texts/nope.txt" does not exist`, notExist: true},
		{name: "directory", rel: "texts/deep", wantErr: `text path "texts/deep" is not a regular file`},
		{name: "too large", rel: "texts/big.txt", wantErr: `text file "texts/big.txt" is larger than 16 MiB`},
		{name: "symlink out", rel: "texts/leak.txt", symlink: true, wantErr: `text path "texts/leak.txt" goes through symlink "texts/leak.txt"`},
		{name: "symlink dir", rel: "alias/umerov.txt", symlink: true, wantErr: `text path "alias/umerov.txt" goes through symlink "alias"`},
		{name: "symlink inside", rel: "texts/inner.txt", symlink: true, wantErr: `goes through symlink "texts/inner.txt"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.symlink && !symlinks {
				t.Skip("symlinks unsupported here")
			}
			got, err := OpenText(dir, tt.rel)
			checkErr := CheckTextPath(dir, tt.rel)
			if tt.wantErr == "" {
				if err != nil || checkErr != nil {
					t.Fatalf("OpenText: %v; CheckTextPath: %v", err, checkErr)
				}
				if got != tt.want {
					t.Errorf("OpenText = %q, want %q", got, tt.want)
				}
				return
			}
			for _, e := range []error{err, checkErr} {
				if e == nil || !strings.Contains(e.Error(), tt.wantErr) {
					t.Errorf("error = %v, want one containing %q", e, tt.wantErr)
					continue
				}
				if e.Error() != strings.ToLower(e.Error()[:1])+e.Error()[1:] || strings.HasSuffix(e.Error(), ".") {
					t.Errorf("error %q is not lowercase without a trailing period", e)
				}
				if errors.Is(e, fs.ErrNotExist) != tt.notExist {
					t.Errorf("errors.Is(%v, fs.ErrNotExist) = %v", e, !tt.notExist)
				}
			}
			if got != "" {
				t.Errorf("OpenText returned text %q along with an error", got)
			}
		})
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func FuzzCheckTextPath(f *testing.F) {
	for _, rel := range []string{"texts/a.txt", "../x", "/etc/passwd", "texts/../texts/a.txt", "link/a.txt", "texts//a.txt", "a\x00", "..", ".", ""} {
		f.Add(rel)
	}
	root := f.TempDir()
	dir := filepath.Join(root, "ledger")
	if err := os.MkdirAll(filepath.Join(dir, "texts"), 0o755); err != nil {
		f.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "texts", "a.txt"), []byte("text"), 0o644); err != nil {
		f.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "secret"), []byte("secret"), 0o644); err != nil {
		f.Fatal(err)
	}
	os.Symlink(filepath.Join(root), filepath.Join(dir, "link"))
	f.Fuzz(func(t *testing.T, rel string) {
		err := CheckTextPath(dir, rel)
		text, openErr := OpenText(dir, rel)
		if (err == nil) != (openErr == nil) {
			t.Fatalf("CheckTextPath(%q) = %v but OpenText gives %v", rel, err, openErr)
		}
		if err != nil {
			return
		}
		// The only file a path may reach is the one inside the tree.
		if text != "text" {
			t.Fatalf("path %q read %q", rel, text)
		}
	})
}
