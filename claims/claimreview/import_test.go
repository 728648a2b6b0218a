package claimreview

import (
	"strings"
	"testing"
)

// Import reads one ClaimReview, an @graph, and ratings given only as
// numbers; claims of the same text and claimant share a topic, and ids
// that would collide are numbered.
func TestImportShapes(t *testing.T) {
	in := `{"@context": "https://schema.org", "@graph": [
	  {"@type": "ClaimReview", "claimReviewed": "Sky is green",
	   "author": [{"@type": "Organization", "name": "A Check", "url": "https://a.example"}],
	   "itemReviewed": {"@type": "Claim", "author": "Someone", "datePublished": "2026-01-02T03:04:05Z"},
	   "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1}},
	  {"@type": ["ClaimReview"], "claimReviewed": "Sky is green!",
	   "author": {"@type": "Organization", "name": "B Check"},
	   "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Someone"}},
	   "reviewRating": {"@type": "Rating", "alternateName": "Not the whole story"}},
	  {"@type": "ClaimReview", "claimReviewed": "Sky is green",
	   "author": {"@type": "Organization", "name": "B Check"},
	   "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Other"}},
	   "reviewRating": {"@type": "Rating", "alternateName": "TRUE"}}
	]}`
	l, err := Import(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range l.Claims {
		got = append(got, c.Topic+"="+c.Value+"@"+c.Source)
	}
	want := "claim.sky-is-green=false@a-check claim.sky-is-green=not-the-whole-story@b-check claim.sky-is-green-2=true@b-check"
	if strings.Join(got, " ") != want {
		t.Errorf("claims %q\nwant   %q", strings.Join(got, " "), want)
	}
	if tp := l.Topics[0]; tp.Claimant != "Someone" || tp.Date != "2026-01-02" || tp.Choices[len(tp.Choices)-1] != "not-the-whole-story" {
		t.Errorf("topic %+v", tp)
	}
	if s := l.Sources[0]; s.URL != "https://a.example" {
		t.Errorf("source %+v", s)
	}
	for _, bad := range []string{`[{"@type": "Thing"}]`, `"x"`, `{"claims": 3}`} {
		if _, err := Import(strings.NewReader(bad)); err == nil {
			t.Errorf("Import(%s) gave no error", bad)
		}
	}
}
