package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
)

// The timeline picture places marks by date in their source's lane, joins
// a revision, puts undated claims in their own column, and its text goes
// through the template's escaping.
func TestTimelinePicture(t *testing.T) {
	l := load.Bytes("t.yaml", []byte(`ledger: 1
sources:
  m: {name: Ministry, kind: government}
  "a<b>": {name: Agency, kind: government}
  g: {name: Governor, kind: official}
topics:
  toll: {type: number}
claims:
  - {id: m1, topic: toll, value: 2100, source: m, date: 2025-03-01}
  - {id: a1, topic: toll, value: 1720, source: "a<b>", date: 2025-03-02}
  - {id: m2, topic: toll, value: 1450, source: m, date: 2025-03-03}
  - {id: g1, topic: toll, value: 1720, source: g}
`))
	r := Build(claims.Analyze(l, claims.Options{}))
	if len(r.Timelines) != 1 {
		t.Fatalf("%d timelines, want 1", len(r.Timelines))
	}
	tl := newTimeline(&r.Timelines[0])
	if len(tl.Lanes) != 3 || len(tl.Marks) != 4 || len(tl.Links) != 1 || len(tl.Opened) != 1 {
		t.Fatalf("lanes %d, marks %d, links %d, opened %d; want 3, 4, 1, 1", len(tl.Lanes), len(tl.Marks), len(tl.Links), len(tl.Opened))
	}
	m1, a1, m2, g1 := tl.Marks[0], tl.Marks[1], tl.Marks[2], tl.Marks[3]
	if m1.X != tlLeft || m2.X != tlRight || a1.X != (tlLeft+tlRight)/2 || g1.X != tlUndated {
		t.Errorf("marks at x %v %v %v %v; want by date, undated last", m1.X, a1.X, m2.X, g1.X)
	}
	if m1.Y != m2.Y || m1.Y == a1.Y || !m1.Revised || m2.Revised {
		t.Errorf("the ministry's two claims should share a lane and the first be marked revised: %+v %+v", m1, m2)
	}
	if l := tl.Links[0]; l.X1 != m1.X || l.X2 != m2.X {
		t.Errorf("the revision line runs %v → %v, want %v → %v", l.X1, l.X2, m1.X, m2.X)
	}
	var b bytes.Buffer
	if err := WriteHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.Contains(page, `<svg class="tl"`) || strings.Contains(page, "a<b>") || !strings.Contains(page, "a&lt;b&gt;") {
		t.Errorf("the timeline is missing or its text is not escaped")
	}
}

// A topic disputed in two contexts has two matrix columns; each label
// names its context, so the two do not read as one topic drawn twice.
func TestMatrixNamesContexts(t *testing.T) {
	l := load.Bytes("t.yaml", []byte(`ledger: 1
sources:
  a: {name: A, kind: outlet}
  b: {name: B, kind: outlet}
topics:
  toll.dead: {type: number}
  toll.hurt: {type: number}
claims:
  - {topic: toll.dead, value: 58, source: a, context: {period: sep-dec}}
  - {topic: toll.dead, value: 59, source: b, context: {period: sep-dec}}
  - {topic: toll.dead, value: 70, source: a, context: {period: jan-mar}}
  - {topic: toll.dead, value: 90, source: b, context: {period: jan-mar}}
  - {topic: toll.hurt, value: 1, source: a, context: {period: jan-mar}}
  - {topic: toll.hurt, value: 2, source: b, context: {period: jan-mar}}
`))
	m := newMatrix(Build(claims.Analyze(l, claims.Options{})))
	var labels []string
	for _, c := range m.Cols {
		labels = append(labels, c.Label)
	}
	got := strings.Join(labels, " | ")
	for _, want := range []string{"toll.dead [period=sep-dec]", "toll.dead [period=jan-mar]"} {
		if !strings.Contains(got, want) {
			t.Errorf("labels %q lack %q", got, want)
		}
	}
	// A topic with one column needs no more than its name.
	if !slices.Contains(labels, "toll.hurt") {
		t.Errorf("labels %q: toll.hurt has one column and should be named alone", got)
	}
	long := &Dispute{Dispute: claims.Dispute{Topic: strings.Repeat("t", 40), Context: "region=" + strings.Repeat("n", 40)}}
	if l := columnLabel(long, true); utf8.RuneCountInString(l) > labelRunes || !strings.Contains(l, "[nnn") {
		t.Errorf("a long label %q should fit %d runes and keep its context", l, labelRunes)
	}
	two := &Dispute{Dispute: claims.Dispute{Topic: "toll.dead", Context: "period=sep-dec; region=north"}}
	if l := columnLabel(two, true); l != "toll.dead [sep-dec, north]" {
		t.Errorf("a context of two pairs is labelled %q, want its values", l)
	}
}

// Disputes that open within weeks of each other on one topic share one
// "disputes opened" label rather than overprint; labels never overlap,
// and dates in titles read as the axis's do.
func TestOpenedLabelsDoNotOverlap(t *testing.T) {
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n  a: {name: A, kind: outlet}\n  b: {name: B, kind: outlet}\ntopics:\n  toll: {type: number}\nclaims:\n")
	// Six contexts: four open within a fortnight, one a month on, one a
	// year on, which sets the scale.
	days := []string{"2017-10-01", "2017-10-03T19:00-04:00", "2017-10-08", "2017-10-14", "2017-11-20", "2018-10-01"}
	for i, d := range days {
		fmt.Fprintf(&b, "  - {topic: toll, value: %d, source: a, date: 2017-09-01, context: {c: '%d'}}\n", 10+i, i)
		fmt.Fprintf(&b, "  - {topic: toll, value: %d, source: b, date: '%s', context: {c: '%d'}}\n", 100+i, d, i)
	}
	l := load.Bytes("t.yaml", []byte(b.String()))
	r := Build(claims.Analyze(l, claims.Options{}))
	if len(r.Timelines) != 1 {
		t.Fatalf("%d timelines", len(r.Timelines))
	}
	tl := newTimeline(&r.Timelines[0])
	if len(tl.Opened) != len(days) {
		t.Fatalf("%d opened lines, want %d", len(tl.Opened), len(days))
	}
	var texts []string
	prevRight := -1e9
	for _, o := range tl.Opened {
		if strings.Contains(o.Label, "T19:00") {
			t.Errorf("title %q mixes date formats", o.Label)
		}
		if o.Text == "" {
			continue
		}
		texts = append(texts, o.Text)
		w := float64(len(o.Text)) * openedCharWidth
		if o.TextX-w/2 < prevRight || o.TextX-w/2 < 0 || o.TextX+w/2 > tlWidth {
			t.Errorf("label %q at %.0f overlaps the one before (ending %.0f) or leaves the picture", o.Text, o.TextX, prevRight)
		}
		prevRight = o.TextX + w/2
	}
	if len(texts) < 2 || len(texts) == len(days) || !strings.Contains(strings.Join(texts, "|"), "disputes opened") {
		t.Errorf("labels %q: the close ones should share a label, the far ones have their own", texts)
	}
	if !strings.Contains(tl.Opened[1].Label, "3 Oct 2017 19:00") {
		t.Errorf("title %q: want the axis's date format with the clock", tl.Opened[1].Label)
	}
}

// Many opened lines at the same few units stay clear of each other.
func TestLabelOpenedPacked(t *testing.T) {
	var ts []tlTick
	for i := range 40 {
		ts = append(ts, tlTick{X: tlLeft + float64(i*i%500)})
	}
	ts = append(ts, tlTick{X: tlRight}, tlTick{X: tlRight - 1}, tlTick{X: tlLeft})
	slices.SortFunc(ts, func(a, b tlTick) int { return int(a.X - b.X) })
	labelOpened(ts)
	prevRight := -1e9
	for _, o := range ts {
		if o.Text == "" {
			continue
		}
		w := float64(len(o.Text)) * openedCharWidth
		if o.TextX-w/2 < prevRight+openedGap-0.001 || o.TextX+w/2 > tlWidth+0.001 {
			t.Errorf("label %q at %.1f overlaps the one before (ending %.1f)", o.Text, o.TextX, prevRight)
		}
		prevRight = o.TextX + w/2
	}
}
