package gen

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// webLedger loads a web feed made with o, as head.yaml and claims.csv.
func webLedger(t *testing.T, o WebOptions) (*claims.Ledger, []byte) {
	t.Helper()
	var head, csv bytes.Buffer
	if err := WebHead(&head, o); err != nil {
		t.Fatal(err)
	}
	if err := WebCSV(&csv, o); err != nil {
		t.Fatal(err)
	}
	l, err := load.Load([]load.File{{Name: "head.yaml", Data: head.Bytes()}, {Name: "claims.csv", Data: csv.Bytes()}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return l, csv.Bytes()
}

// Both twins of a web feed load without an error and hold exactly the
// disputes the generator planted: the web forms, zones, date orders and
// placeholders read as the instants the ISO twin writes plainly.
func TestWebFeed(t *testing.T) {
	want := WebDisputes(WebOptions{Claims: 2000, Seed: 1})
	if len(want) != 30 {
		t.Fatalf("%d disputes planted on 500 flight-days, want 6%%", len(want))
	}
	for _, iso := range []bool{false, true} {
		o := WebOptions{Claims: 2000, Seed: 1, ISO: iso}
		l, csv := webLedger(t, o)
		if diag.HasErrors(l.Problems, false) {
			t.Fatalf("iso=%v: the feed does not load cleanly: %v", iso, l.Problems)
		}
		if len(l.Claims) != 2000 {
			t.Fatalf("iso=%v: %d claims, want 2000", iso, len(l.Claims))
		}
		warnings := load.Warnings(l)
		if iso && len(warnings) > 0 {
			t.Errorf("the ISO twin has warnings: %v", warnings)
		}
		for _, w := range warnings {
			if w.Code != "no-zone" && w.Code != "ambiguous-date" {
				t.Errorf("unexpected warning %s", w)
			}
		}
		var got []WebDispute
		for _, d := range claims.Analyze(l, claims.Options{}).Disputes {
			got = append(got, WebDispute{d.Topic, d.Moment})
		}
		slices.SortFunc(got, func(a, b WebDispute) int { return strings.Compare(a.Topic+a.Date, b.Topic+b.Date) })
		sorted := slices.Clone(want)
		slices.SortFunc(sorted, func(a, b WebDispute) int { return strings.Compare(a.Topic+a.Date, b.Topic+b.Date) })
		if !slices.Equal(got, sorted) {
			t.Errorf("iso=%v: found %d disputes, planted %d:\nfound   %v\nplanted %v", iso, len(got), len(sorted), got, sorted)
		}
		placeholders := 0
		for _, p := range webPlaceholders {
			placeholders += bytes.Count(csv, []byte(","+p+","))
		}
		placeholders += bytes.Count(csv, []byte(",Unavailable,"))
		if iso != (placeholders == 0) || (!iso && placeholders < 10) {
			t.Errorf("iso=%v: %d placeholders", iso, placeholders)
		}
	}
}

// The twins hold the same claims but for how times are written, every
// form of the appears in the web feed, and the same options
// always give the same feed.
func TestWebTwins(t *testing.T) {
	var web, iso, again bytes.Buffer
	WebCSV(&web, WebOptions{Claims: 2000, Seed: 1})
	WebCSV(&iso, WebOptions{Claims: 2000, Seed: 1, ISO: true})
	WebCSV(&again, WebOptions{Claims: 2000, Seed: 1})
	if !bytes.Equal(web.Bytes(), again.Bytes()) {
		t.Fatal("same options gave different feeds")
	}
	wl, il := strings.Split(web.String(), "\n"), strings.Split(iso.String(), "\n")
	if len(wl) != len(il) {
		t.Fatalf("%d lines against %d", len(wl), len(il))
	}
	rest := func(line string) string { // id,topic and source,date
		i, j := strings.Index(line, ".actual-departure,"), strings.LastIndex(line, ",site-")
		if i < 0 || j < 0 {
			return line
		}
		return line[:i] + line[j:]
	}
	for i := range wl {
		if rest(wl[i]) != rest(il[i]) {
			t.Fatalf("line %d differs beyond its value:\n%s\n%s", i+1, wl[i], il[i])
		}
	}
	// WebValues are the values of the rows, in order.
	vals := WebValues(WebOptions{Claims: 2000, Seed: 1})
	if len(vals) != 2000 {
		t.Fatalf("%d values, want 2000", len(vals))
	}
	for i, v := range vals {
		if cell := v.Raw; !strings.Contains(wl[i+1], ","+cell+",") && !strings.Contains(wl[i+1], `,"`+cell+`",`) ||
			!strings.HasSuffix(wl[i+1], ","+v.Date) {
			t.Fatalf("value %d is %+v; row %q", i, v, wl[i+1])
		}
	}
	at := time.Date(2011, 12, 1, 13, 55, 0, 0, time.FixedZone("EST", -5*3600))
	used := map[int]bool{}
	for _, src := range newWeb(WebOptions{Claims: 2000}).sources {
		used[src.style] = true
	}
	for i, st := range webStyles {
		if got := string(st.write(nil, at, cmp.Or(st.abbr, "EST"))); got != st.example {
			t.Errorf("style %q writes %q", st.example, got)
		}
		if !used[i] {
			t.Errorf("no site writes %q", st.example)
		}
	}
}
