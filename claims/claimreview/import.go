package claimreview

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/claims/ids"
	"github.com/claimdiff/claimdiff/claims/ledgerfile"
)

// Ledger is what Import read: fact-checkers as sources, reviewed claims
// as topics, and one claim per review, each in input order.
type Ledger struct {
	Title   string
	Sources []Checker
	Topics  []Topic
	Claims  []Entry
}

// Checker is a fact-checker: a source of kind outlet.
type Checker struct {
	ID, Name, URL string
}

// Topic is one reviewed claim: its text is the question, the claimant
// and the claim's date its description.
type Topic struct {
	ID, Text, Claimant, Date string
	Choices                  []string
}

// Entry is one fact-checker's review of one claim: value is the
// normalised rating, quote the rating as the fact-checker worded it.
type Entry struct {
	Topic, Value, Source, Date, Quote, Note string
}

// review is one fact-check, from either input shape.
type review struct {
	text, claimant, claimDate string
	publisher, site           string
	url, title, date, rating  string
	lang                      string
}

// Import reads a Google Fact Check Tools claims:search answer
// ({"claims": [...]}), a ClaimReview feed (a DataFeed whose
// dataFeedElement items are ClaimReviews), a list of ClaimReviews (what
// export --format claimreview writes) or one ClaimReview.
func Import(r io.Reader) (*Ledger, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var raw any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("not JSON: %w", err)
	}
	var reviews []review
	var other []string
	switch v := raw.(type) {
	case map[string]any:
		if cs, ok := v["claims"]; ok {
			reviews, err = googleClaims(cs)
		} else if jl, ok := v["json-ld"]; ok {
			// extruct's output: the JSON-LD of a page beside its other
			// kinds of metadata.
			reviews = feedItem(jl, &other, 0)
		} else {
			reviews = feedItem(v, &other, 0)
		}
	case []any:
		reviews = feedItem(v, &other, 0)
	default:
		err = errors.New("neither a claims:search answer nor a ClaimReview feed: expected a JSON object or list")
	}
	if err != nil {
		return nil, err
	}
	if len(reviews) == 0 {
		if len(other) > 0 {
			return nil, fmt.Errorf("no reviewed claims found: no ClaimReview among the JSON-LD's nodes of @type %s", strings.Join(other, ", "))
		}
		return nil, errors.New("no reviewed claims found")
	}
	return build(reviews), nil
}

// googleClaims reads claims:search's claims list.
func googleClaims(cs any) ([]review, error) {
	list, ok := cs.([]any)
	if !ok {
		return nil, errors.New(`"claims" is not a list`)
	}
	var out []review
	for i, c := range list {
		m, ok := c.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("claims[%d] is not an object", i)
		}
		base := review{text: str(m["text"]), claimant: str(m["claimant"]), claimDate: day(str(m["claimDate"]))}
		crs, _ := m["claimReview"].([]any)
		for _, cr := range crs {
			crm, ok := cr.(map[string]any)
			if !ok {
				continue
			}
			r := base
			if p, ok := crm["publisher"].(map[string]any); ok {
				r.publisher, r.site = str(p["name"]), str(p["site"])
			}
			r.url, r.title, r.date = str(crm["url"]), str(crm["title"]), day(str(crm["reviewDate"]))
			r.rating, r.lang = str(crm["textualRating"]), str(crm["languageCode"])
			out = append(out, r)
		}
	}
	return out, nil
}

// maxDepth bounds how deep feedItem follows nested JSON-LD, so a
// hostile file cannot exhaust the stack.
const maxDepth = 32

// feedItem reads the ClaimReviews of JSON-LD: a ClaimReview, an @graph, a
// DataFeed whose dataFeedElement items are ClaimReviews or DataFeedItems
// holding them, or a list of any of these. Other nodes (the WebPage,
// Organization and BreadcrumbList that pages publish beside their
// ClaimReviews) are left out; their types are added to other, so that a
// file with no ClaimReview at all can say what it held.
func feedItem(v any, other *[]string, depth int) []review {
	if depth > maxDepth {
		return nil
	}
	if l, ok := v.([]any); ok {
		var out []review
		for _, x := range l {
			out = append(out, feedItem(x, other, depth+1)...)
		}
		return out
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	for _, nested := range []string{"@graph", "dataFeedElement", "item"} {
		if x, ok := m[nested]; ok {
			return feedItem(x, other, depth+1)
		}
	}
	if !slices.Contains(types(m), "ClaimReview") {
		t := strings.Join(types(m), ", ")
		if t == "" {
			t = "(none)"
		}
		if !slices.Contains(*other, strconv.Quote(t)) && len(*other) < 8 {
			*other = append(*other, strconv.Quote(t))
		}
		return nil
	}
	r := review{text: str(m["claimReviewed"]), url: str(m["url"]), title: str(m["name"]),
		date: day(str(m["datePublished"])), lang: str(m["inLanguage"])}
	if r.url == "" {
		// The Washington Post names the fact-check's address so.
		r.url = str(m["urlOfFactCheck"])
	}
	if a := first(m["author"]); a != nil {
		r.publisher, r.site = str(a["name"]), str(a["url"])
	}
	if item := first(m["itemReviewed"]); item != nil {
		if a := first(item["author"]); a != nil {
			r.claimant = str(a["name"])
		} else {
			r.claimant = str(item["author"])
		}
		r.claimDate = day(str(item["datePublished"]))
	}
	if rt := first(m["reviewRating"]); rt != nil {
		r.rating = str(rt["alternateName"])
		if r.rating == "" {
			r.rating = numericRating(rt)
		}
	}
	return []review{r}
}

// numericRating words a rating given only as numbers: the worst value
// false, the best true, anything between mixed.
func numericRating(rt map[string]any) string {
	v, best, worst := str(rt["ratingValue"]), str(rt["bestRating"]), str(rt["worstRating"])
	switch {
	case v == "":
		return ""
	case v == worst:
		return "false"
	case v == best:
		return "true"
	}
	return "mixed"
}

func types(m map[string]any) []string {
	var out []string
	for _, t := range list(m["@type"]) {
		out = append(out, str(t))
	}
	return out
}

func list(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

// first is v as an object, or the first object of a list.
func first(v any) map[string]any {
	for _, x := range list(v) {
		if m, ok := x.(map[string]any); ok {
			return m
		}
	}
	return nil
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case json.Number:
		return x.String()
	}
	return ""
}

// day keeps the date of a date or date-time ("2025-11-20T10:00:00Z").
func day(s string) string {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		return s[:10]
	}
	return ""
}

// build groups reviews by claim (its text and claimant) into topics and
// by publisher into sources.
func build(reviews []review) *Ledger {
	l := &Ledger{}
	topicOf := map[string]int{}
	sourceOf := map[string]string{}
	usedIDs := &idSet{taken: map[string]bool{}, next: map[string]int{}}
	// choiceSets holds each topic's choices as a set: a topic of 40,000
	// ratings searched them one by one for every claim.
	var choiceSets []map[string]bool
	for _, r := range reviews {
		pub := r.publisher
		if pub == "" {
			pub = r.site
		}
		if pub == "" {
			pub = "unknown fact-checker"
		}
		sid, ok := sourceOf[key(pub)]
		if !ok {
			sid = uniqueID(slug(pub, 60), "checker", usedIDs)
			sourceOf[key(pub)] = sid
			l.Sources = append(l.Sources, Checker{ID: sid, Name: pub, URL: siteURL(r.site)})
		}
		tk := key(r.text) + "\x00" + key(r.claimant)
		ti, ok := topicOf[tk]
		if !ok {
			ti = len(l.Topics)
			topicOf[tk] = ti
			base := "claim." + slug(r.text, 48)
			l.Topics = append(l.Topics, Topic{ID: uniqueID(base, "claim.item", usedIDs), Text: r.text,
				Claimant: r.claimant, Date: r.claimDate, Choices: slices.Clone(Ratings)})
			set := make(map[string]bool, len(Ratings))
			for _, c := range Ratings {
				set[c] = true
			}
			choiceSets = append(choiceSets, set)
		}
		t := &l.Topics[ti]
		if t.Date == "" {
			t.Date = r.claimDate
		}
		v, why := ParseRating(r.rating)
		if !choiceSets[ti][v] {
			choiceSets[ti][v] = true
			t.Choices = append(t.Choices, v)
		}
		var note []string
		if why != "" {
			note = append(note, why)
		}
		if r.title != "" {
			note = append(note, r.title)
		}
		if r.url != "" {
			note = append(note, r.url)
		}
		if r.lang != "" {
			note = append(note, "language "+r.lang)
		}
		l.Claims = append(l.Claims, Entry{Topic: t.ID, Value: v, Source: sid, Date: r.date,
			Quote: r.rating, Note: strings.Join(note, "; ")})
	}
	return l
}

// slug makes an id from text: lower-case words joined by hyphens, cut to
// about n bytes at a word.
func slug(text string, n int) string {
	s := ""
	for _, w := range strings.Fields(key(text)) {
		if len(s)+len(w)+1 > n && s != "" {
			break
		}
		if s != "" {
			s += "-"
		}
		s += w
	}
	if len(s) > n {
		// Cut at a rune: a long word in another script must not leave
		// half a character in an id or a choice.
		s = strings.ToValidUTF8(s[:n], "")
	}
	return strings.Trim(s, "-")
}

// uniqueID returns base, or base-2, base-3…, whichever is unused and a
// valid id; fallback stands in for a base that is empty or not an id.
func uniqueID(base, fallback string, used *idSet) string {
	if base == "" || base == "claim." || !ids.Valid(base) {
		base = fallback
	}
	id := base
	// Each base counts on from where it stopped: restarting at 2 made
	// 16,000 claims of one opening take 21 s.
	for i := max(2, used.next[base]); used.taken[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
		used.next[base] = i + 1
	}
	used.taken[id] = true
	return id
}

// idSet is the ids taken, and for each base the number to try next.
type idSet struct {
	taken map[string]bool
	next  map[string]int
}

// siteURL makes a publisher's site ("example.org") a URL.
func siteURL(site string) string {
	if site == "" || strings.Contains(site, "://") {
		return site
	}
	return "https://" + site
}

// WriteYAML writes l as a whole ledger file.
func (l *Ledger) WriteYAML(w io.Writer, title string) error {
	var b strings.Builder
	l.head(&b, title)
	b.WriteString("\nclaims:\n")
	for _, c := range l.Claims {
		fmt.Fprintf(&b, "  - topic: %s\n    value: %s\n    source: %s\n", id(c.Topic), q(c.Value), id(c.Source))
		if c.Date != "" {
			fmt.Fprintf(&b, "    date: %s\n", c.Date)
		}
		if c.Quote != "" {
			fmt.Fprintf(&b, "    quote: %s\n", q(c.Quote))
		}
		if c.Note != "" {
			fmt.Fprintf(&b, "    note: %s\n", q(c.Note))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteHead writes l's sources and topics, the ledger file that goes
// beside the claims WriteJSONL writes.
func (l *Ledger) WriteHead(w io.Writer, title string) error {
	var b strings.Builder
	l.head(&b, title)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSONL writes l's claims as a bulk JSON Lines claims file.
func (l *Ledger) WriteJSONL(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, c := range l.Claims {
		row := map[string]string{"topic": c.Topic, "value": c.Value, "source": c.Source}
		for k, v := range map[string]string{"date": c.Date, "quote": c.Quote, "note": c.Note} {
			if v != "" {
				row[k] = v
			}
		}
		if err := enc.Encode(row); err != nil {
			return err
		}
	}
	return nil
}

func (l *Ledger) head(b *strings.Builder, title string) {
	fmt.Fprintf(b, "ledger: 1\ntitle: %s\n", q(title))
	b.WriteString("description: Imported from ClaimReview by claimdiff import claimreview. Each topic is a reviewed claim, each source a fact-checker, each claim one verdict.\n")
	b.WriteString("\nsources:\n")
	for _, s := range l.Sources {
		fmt.Fprintf(b, "  %s:\n    name: %s\n    kind: outlet\n", id(s.ID), q(s.Name))
		if s.URL != "" {
			fmt.Fprintf(b, "    url: %s\n", q(s.URL))
		}
	}
	b.WriteString("\ntopics:\n")
	for _, t := range l.Topics {
		fmt.Fprintf(b, "  %s:\n", id(t.ID))
		if t.Text != "" {
			fmt.Fprintf(b, "    question: %s\n", q(t.Text))
		}
		desc := "claimant: " + t.Claimant
		if t.Claimant == "" {
			desc = "claimant not named"
		}
		if t.Date != "" {
			desc += ", " + t.Date
		}
		fmt.Fprintf(b, "    description: %s\n    type: choice\n    choices: [", q(desc))
		for i, c := range t.Choices {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(ledgerfile.Scalar(c, ledgerfile.Flow))
		}
		b.WriteString("]\n")
	}
}

func q(s string) string { return ledgerfile.Scalar(s, ledgerfile.Block) }

// id writes an id so that no YAML reader takes it for null, a boolean or
// a number (a fact-checker named "Null").
func id(s string) string { return ledgerfile.ID(s, ledgerfile.Block) }
