package claimreview

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The real fact-checks of testdata/claimreview/real (see its README) all
// import, and their ratings, worded as publishers word them ("False. The
// video shows…", "This is false", "User's claim is false", an HTML
// fragment), normalise to the verdict scale but for a few that state no
// verdict; no value is a paragraph.
func TestImportRealData(t *testing.T) {
	files, err := filepath.Glob("../../testdata/claimreview/real/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no real data: %v", err)
	}
	var reviews, normal int
	for _, f := range files {
		data, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		l, err := Import(data)
		data.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, c := range l.Claims {
			reviews++
			if slices.Contains(Ratings, c.Value) {
				normal++
			} else {
				t.Logf("kept as a choice: %q from %q", c.Value, c.Quote)
			}
			if len(c.Value) > maxChoice {
				t.Errorf("value %q is longer than %d bytes", c.Value, maxChoice)
			}
		}
	}
	if reviews != 116 {
		t.Errorf("imported %d reviews, want 116", reviews)
	}
	if normal < 110 {
		t.Errorf("%d of %d ratings normalise, want at least 110", normal, reviews)
	}
}
