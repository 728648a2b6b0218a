package main

import (
	"slices"
	"strings"
	"testing"
)

func TestPeople(t *testing.T) {
	for in, want := range map[string]string{
		"Knuth, Donald E.":                "knuth",
		"Donald E. Knuth":                 "knuth",
		"KNUTH, DONALD":                   "knuth",
		"Knuth":                           "knuth",
		"Scambray, Joel; McClure, Stuart": "mcclure scambray",
		"Joel Scambray, Stuart McClure":   "mcclure scambray",
		"SCAMBRAY, JOEL MCCLURE, STUART":  "mcclure scambray",
		"SCAMBRAY/ MCCLURE":               "mcclure scambray",
		"Conklin, Wm Arthur White, Gregory B. Cothren, Chuck": "conklin cothren white",
		"Dann, Wanda P., Cooper, Stephen, Pausch, Randy":      "cooper dann pausch",
		"Reddy, J.N.":                "reddy",
		"J. N Reddy":                 "reddy",
		"THOMAS &amp; CHANDRASEKHAR": "chandrasekhar thomas",
		"Lacroix, Zoe (ed.)":         "lacroix",
		"Timothy J Oandapos;Leary, Linda I Oandapos;Leary":       "oleary oleary",
		"Edited by Jones, Karen Sparck Edited by Willett, Peter": "jones willett",
		"o'leary, timothy j.;  o'leary, linda i.;  ":             "oleary oleary",
		"Wm. Arthur Conklin, et al":                              "conklin",
	} {
		if got := strings.Join(people(in), " "); got != want {
			t.Errorf("people(%q) = %q, want %q", in, got, want)
		}
	}
	if !samePeople("Scambray, Joel; McClure, Stuart", "mcclure, stuart; scambray, joel") || samePeople("Scambray", "Scambray, Joel; McClure, Stuart") {
		t.Error("samePeople")
	}
	if got := isbn13("0201853949"); got != "9780201853940" {
		t.Errorf("isbn13 = %s", got)
	}
	taken := map[string]bool{}
	if a, b := sourceID("Powell's  Books", taken), sourceID("powell-s books", taken); a != "powell-s-books" || b != "powell-s-books-2" {
		t.Errorf("source ids %q %q", a, b)
	}
	_ = slices.Sort[[]string]
}

// The Book benchmark runs on a hand-made sample in its shape, where a
// feed and three mirrors outnumber four stores on four books.
func TestBookPrecisionOnSample(t *testing.T) {
	for _, normalise := range []bool{false, true} {
		row, err := bookPrecision("testdata/book", normalise)
		if err != nil {
			t.Fatal(err)
		}
		if row.judged != 9 || row.claims != 77 {
			t.Errorf("normalise %v: %d books judged from %d claims, want 9 from 77", normalise, row.judged, row.claims)
		}
		if normalise && !(row.resolve > row.majority) {
			t.Errorf("resolve found %d of 9, majority vote %d", row.resolve, row.majority)
		}
		t.Logf("normalise %v: resolve %d, majority %d, best-supported %d of %d", normalise, row.resolve, row.majority, row.best, row.judged)
	}
}

// The generated benchmark scores every topic against the generator's
// truth, and finds the copiers it made.
func TestFusionPrecision(t *testing.T) {
	row, err := fusionPrecision(5000)
	if err != nil {
		t.Fatal(err)
	}
	if row.judged < 450 || row.resolve < row.majority {
		t.Errorf("%d topics judged; resolve %d, majority %d", row.judged, row.resolve, row.majority)
	}
	if !strings.Contains(row.note, "10 of them copying") {
		t.Errorf("note: %s", row.note)
	}
}
