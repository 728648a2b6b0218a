package cijson

import (
	"os"
	"path/filepath"
	"testing"
)

// A ledger run from another directory names its file by another path; its
// findings must keep their fingerprints, or code scanning shows them all as
// fixed and new again.
func TestFingerprintIgnoresWorkingDirectory(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{".git", "x", "y"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	fp := func(dir, file string) string {
		t.Chdir(filepath.Join(root, dir))
		return Fingerprints([]Finding{{Code: "no-date", Level: "warning", File: file, Line: 3, Subject: []string{"a1"}}})[0]
	}
	want := fp(".", "x/claims.yaml")
	for _, tt := range []struct{ dir, file string }{
		{"x", "claims.yaml"},
		{"x", "./claims.yaml"},
		{"y", "../x/claims.yaml"},
		{".", filepath.Join(root, "x", "claims.yaml")},
		{".", "x/../x/claims.yaml"},
	} {
		if got := fp(tt.dir, tt.file); got != want {
			t.Errorf("from %s, -f %s: fingerprint %s, want %s (as from the root with x/claims.yaml)", tt.dir, tt.file, got, want)
		}
	}
	if fp(".", "y/claims.yaml") == want {
		t.Error("two files share a fingerprint")
	}
}

// Outside a git repository the path is taken relative to the working
// directory, cleaned, so spellings of one path agree.
func TestFingerprintCleansPathOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		t.Skip("the temporary directory is inside a git repository")
	}
	fp := func(file string) string {
		return Fingerprints([]Finding{{Code: "no-date", Level: "warning", File: file, Subject: []string{"a1"}}})[0]
	}
	if a, b := fp("claims.yaml"), fp("./sub/../claims.yaml"); a != b {
		t.Errorf("claims.yaml and ./sub/../claims.yaml: %s and %s", a, b)
	}
	if a, b := fp("claims.yaml"), fp(filepath.Join(dir, "claims.yaml")); a != b {
		t.Errorf("relative and absolute path: %s and %s", a, b)
	}
}

// A message naming a file by its position gives the same subject from any
// working directory; what only looks like a position is left alone.
func TestPlacesWithoutPositions(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{".git", "x", "y"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "x", "claims.yaml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ dir, msg, want string }{
		{".", `claim id "a1" is used twice (also at x/claims.yaml:3:5)`, `claim id "a1" is used twice (also at x/claims.yaml)`},
		{"x", `claim id "a1" is used twice (also at claims.yaml:3:5)`, `claim id "a1" is used twice (also at x/claims.yaml)`},
		{"y", `claim id "a1" is used twice (also at ../x/claims.yaml:3:5)`, `claim id "a1" is used twice (also at x/claims.yaml)`},
		// Not files: kept as written, positions removed as before.
		{"x", "as of 12:30, see lines 3 and 4", "as of 12, see lines"},
		{"x", "also at gone.yaml:3:5", "also at gone.yaml"},
	} {
		t.Chdir(filepath.Join(root, tt.dir))
		var p Places
		if got := p.WithoutPositions(tt.msg); got != tt.want {
			t.Errorf("from %s: WithoutPositions(%q) = %q, want %q", tt.dir, tt.msg, got, tt.want)
		}
	}
}
