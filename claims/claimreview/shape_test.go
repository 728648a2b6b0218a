package claimreview_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/claimreview"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/load"
)

// schemaOrg lists, by hand from schema.org, the properties Export may
// write on each type it writes (each type's own and those it inherits
// that a ClaimReview feed uses), beside @type (and @context at the top).
var schemaOrg = map[string][]string{
	"ClaimReview":  {"claimReviewed", "itemReviewed", "author", "reviewRating", "reviewBody", "datePublished", "url", "name", "identifier", "inLanguage", "publisher"},
	"Claim":        {"author", "datePublished", "appearance", "firstAppearance", "name", "url", "identifier"},
	"Rating":       {"alternateName", "ratingValue", "bestRating", "worstRating", "ratingExplanation", "name"},
	"Organization": {"name", "url", "sameAs", "logo", "identifier"},
	"Person":       {"name", "url", "sameAs", "jobTitle", "identifier"},
	"CreativeWork": {"url", "name", "headline", "text", "datePublished", "author", "identifier"},
}

// expect says which types each property may hold, where it holds an
// object.
var expect = map[string][]string{
	"ClaimReview.itemReviewed": {"Claim"},
	"ClaimReview.author":       {"Organization", "Person"},
	"ClaimReview.reviewRating": {"Rating"},
	"Claim.author":             {"Organization", "Person"},
	"Claim.appearance":         {"CreativeWork"},
}

// validate checks v, an object of type want (one of), against schemaOrg.
func validate(v any, path string, want []string) []string {
	m, ok := v.(map[string]any)
	if !ok {
		return []string{path + ": not an object"}
	}
	typ, _ := m["@type"].(string)
	if !slices.Contains(want, typ) {
		return []string{fmt.Sprintf("%s: @type %q, want one of %v", path, typ, want)}
	}
	var errs []string
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch {
		case k == "@type":
		case k == "@context" && path == "":
			if m[k] != "https://schema.org" {
				errs = append(errs, fmt.Sprintf("@context %v", m[k]))
			}
		case !slices.Contains(schemaOrg[typ], k):
			errs = append(errs, fmt.Sprintf("%s: %s has no property %q", path, typ, k))
		default:
			if types, ok := expect[typ+"."+k]; ok {
				errs = append(errs, validate(m[k], path+"."+k, types)...)
			} else if _, obj := m[k].(map[string]any); obj {
				errs = append(errs, fmt.Sprintf("%s.%s: an object where schema.org wants text or a number", path, k))
			}
		}
	}
	return errs
}

func validateAll(t *testing.T, data []byte) []string {
	t.Helper()
	var list []any
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	var errs []string
	for i, r := range list {
		for _, e := range validate(r, "", []string{"ClaimReview"}) {
			errs = append(errs, fmt.Sprintf("[%d]%s", i, e))
		}
	}
	return errs
}

// The validator catches unknown properties and wrong types.
func TestValidator(t *testing.T) {
	bad := `[{"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "x",
	  "rating": 3,
	  "itemReviewed": {"@type": "Thing", "name": "x"},
	  "author": {"@type": "Person", "name": "A", "email": "a@example.org"},
	  "reviewRating": {"@type": "Rating", "alternateName": "True", "ratingValue": {"@type": "Number"}}}]`
	got := strings.Join(validateAll(t, []byte(bad)), "\n")
	for _, want := range []string{
		`[0]: ClaimReview has no property "rating"`,
		`[0].itemReviewed: @type "Thing", want one of [Claim]`,
		`[0].author: Person has no property "email"`,
		`[0].reviewRating.ratingValue: an object`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("validator missed %q; said:\n%s", want, got)
		}
	}
	if n := len(validateAll(t, []byte(bad))); n != 4 {
		t.Errorf("%d errors, want 4:\n%s", n, got)
	}
}

// Export writes only what schema.org defines, on the example (whose
// settled dispute has claims from outlets) and on a ledger with a desk,
// people, a denial and a vague claim.
func TestExportShape(t *testing.T) {
	desk := []byte(`ledger: 1
desk: {name: Desk, url: https://desk.example}
sources:
  p: {name: Pat, kind: person, url: https://p.example}
  o: {name: Outlet, kind: outlet}
  w: {name: Wire, kind: wire}
topics:
  n: {type: number}
claims:
  - {topic: n, value: 10, source: p, date: 2026-01-01, quote: ten}
  - {topic: n, value: 20, source: o}
  - {topic: n, value: at least 5, source: w}
  - {topic: n, value: 20, denies: true, source: w, date: 2026-01-02}
disputes:
  n: {status: resolved, value: 10}
`)
	for name, data := range map[string][]byte{"example": example.YAML, "desk": desk} {
		l, err := load.Load([]load.File{{Name: name + ".yaml", Data: data}}, load.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := claimreview.Export(&b, claims.Analyze(l, claims.Options{}), claimreview.Options{URL: "https://check.example"}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b.Bytes(), []byte(`"ClaimReview"`)) {
			t.Errorf("%s: no reviews:\n%s", name, b.String())
		}
		for _, e := range validateAll(t, b.Bytes()) {
			t.Errorf("%s: %s", name, e)
		}
		if name == "desk" {
			var got []string
			var list []claimreview.Review
			json.Unmarshal(b.Bytes(), &list)
			for _, r := range list {
				got = append(got, r.ItemReviewed.Author.Name+"="+r.ReviewRating.AlternateName)
			}
			want := "Pat=True Outlet=False Wire=Unproven Wire=True"
			if strings.Join(got, " ") != want {
				t.Errorf("verdicts %q, want %q", strings.Join(got, " "), want)
			}
		}
	}
}
