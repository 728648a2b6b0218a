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

// Pages publish their ClaimReviews in an @graph beside a WebPage and the
// site's Organization, and extruct wraps a page's JSON-LD in
// {"json-ld": [...]}: Import takes the ClaimReviews and leaves the rest.
// The Washington Post gives the fact-check's address as urlOfFactCheck.
func TestImportPageJSONLD(t *testing.T) {
	graph := `{"@context": "https://schema.org", "@graph": [
	  {"@type": "WebPage", "@id": "https://check.example/x", "name": "A page"},
	  {"@type": "Organization", "name": "Check"},
	  {"@type": "ClaimReview", "claimReviewed": "Sky is green", "url": "https://check.example/x",
	   "author": {"@type": "Organization", "name": "Check"},
	   "reviewRating": {"@type": "Rating", "alternateName": "False"}}]}`
	extruct := `{"json-ld": [
	  {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []},
	  {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "Sea is red",
	   "urlOfFactCheck": "https://www.washingtonpost.com/politics/sea-red/",
	   "author": {"@type": "Organization", "name": "The Washington Post"},
	   "reviewRating": {"@type": "Rating", "alternateName": "Four Pinocchios"}},
	  ` + graph + `],
	  "microdata": [], "opengraph": []}`
	for _, tc := range []struct{ name, in, want string }{
		{"graph", graph, "false@check https://check.example/x"},
		{"extruct", extruct, "false@the-washington-post https://www.washingtonpost.com/politics/sea-red/ | false@check https://check.example/x"},
	} {
		l, err := Import(strings.NewReader(tc.in))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var got []string
		for _, c := range l.Claims {
			got = append(got, c.Value+"@"+c.Source+" "+c.Note)
		}
		if g := strings.Join(got, " | "); g != tc.want {
			t.Errorf("%s: claims %q\nwant %q", tc.name, g, tc.want)
		}
	}
	_, err := Import(strings.NewReader(`{"@graph": [{"@type": "WebPage"}, {"@type": ["Thing", "Place"]}]}`))
	if err == nil || !strings.Contains(err.Error(), `"WebPage", "Thing, Place"`) {
		t.Errorf("a graph without ClaimReview: %v", err)
	}
}
