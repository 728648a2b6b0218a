package claimreview_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/claimreview"
	"github.com/claimdiff/claimdiff/claims/load"
)

const urlLedger = `ledger: 1
%desk%
sources:
  p: {name: Pat, kind: person, url: https://p.example}
  o: {name: Outlet, kind: outlet}
topics:
  n: {type: number, question: 'How many ferries sail a day?'}
  m: {type: number}
claims:
  - {topic: n, value: 10, source: p, date: 2026-01-01, quote: ten a day}
  - {topic: n, value: 20, source: o, date: 2026-01-03}
  - {topic: m, value: 1, source: p}
  - {topic: m, value: 2, source: o}
disputes:
  n: {status: resolved, value: 10, date: 2026-02-01, url: https://desk.example/ferries}
  m: {status: resolved, value: 1}
`

func reviews(t *testing.T, desk string, opts claimreview.Options) ([]claimreview.Review, error) {
	t.Helper()
	text := strings.Replace(urlLedger, "%desk%", desk, 1)
	l, err := load.Load([]load.File{{Name: "l.yaml", Data: []byte(text)}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Problems) > 0 {
		t.Fatalf("the ledger has problems: %v", l.Problems)
	}
	return claimreview.Reviews(claims.Analyze(l, claims.Options{}), opts)
}

// Google requires a url on every ClaimReview: the dispute entry's, else
// --url, else the desk's; without any, export refuses and names the
// disputes. datePublished is the entry's date, else today; the rating has
// a name; a source with no address appears as the claim's words; and
// claimReviewed is a sentence, not a bare value.
func TestReviewsGoogleFields(t *testing.T) {
	_, err := reviews(t, "desk: {name: Desk}", claimreview.Options{})
	var missing *claimreview.MissingURLError
	if !errors.As(err, &missing) || strings.Join(missing.Topics, " ") != "m" {
		t.Fatalf("no url anywhere: %v, want a refusal naming m", err)
	}
	today := time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	rs, err := reviews(t, "desk: {name: Desk, url: https://desk.example}", claimreview.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		app := r.ItemReviewed.Appearance
		got = append(got, strings.Join([]string{r.URL, r.DatePublished, r.ClaimReviewed,
			r.ReviewRating.Name, app.URL + app.Text + "@" + app.DatePublished}, " | "))
	}
	want := []string{
		"https://desk.example/ferries | 2026-02-01 | ten a day | True | https://p.example@",
		"https://desk.example/ferries | 2026-02-01 | How many ferries sail a day? 20 | False | How many ferries sail a day? 20@2026-01-03",
		"https://desk.example | 2026-03-04 | m: 1 | True | https://p.example@",
		"https://desk.example | 2026-03-04 | m: 2 | False | m: 2@",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reviews\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	rs, err = reviews(t, "desk: {name: Desk}", claimreview.Options{URL: "https://flag.example"})
	if err != nil || rs[0].URL != "https://desk.example/ferries" || rs[2].URL != "https://flag.example" {
		t.Errorf("with --url: %v %+v", err, rs)
	}
}
