package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bysource"
	"github.com/claimdiff/claimdiff/claims/load"
)

// judged has a vague figure, a denial of a value only one source holds, a
// denial of a value revised away, a revision on a disputed topic and one
// on a topic nobody disputes.
const judged = `ledger: 1
sources:
  ministry: {name: Ministry, kind: government}
  agency: {name: Agency, kind: government}
  police: {name: Police, kind: government}
  governor: {name: Governor, kind: official}
  opposition: {name: Opposition, kind: person}
  critic: {name: Critic, kind: person}
topics:
  toll: {type: number}
  crowd: {type: number}
claims:
  - {id: m-sat, topic: toll, value: "2,500", source: ministry, date: 2025-03-01}
  - {id: m-sun, topic: toll, value: "2,100", source: ministry, date: 2025-03-02}
  - {id: a, topic: toll, value: "1,450", source: agency, date: 2025-03-02}
  - {id: g, topic: toll, value: "up to 9,000", source: governor, date: 2025-03-02}
  - {id: o, topic: toll, value: "2,500", denies: true, source: opposition, date: 2025-03-02}
  - {id: c, topic: toll, value: "2,100", denies: true, source: critic, date: 2025-03-02}
  - {id: p1, topic: crowd, value: "8,000", source: police, date: 2025-03-01}
  - {id: p2, topic: crowd, value: "12,000", source: police, date: 2025-03-02}
`

// hostileCause puts ledger text where vague claims and revisions show it.
const hostileCause = `  - {topic: cause, value: corrosion, source: ministry, date: 2025-03-02}
  - {topic: cause, value: collision, source: agency, date: 2025-03-02}
  - {topic: cause, value: "<script>x</script>|", denies: true, source: opposition, date: 2025-03-02}
  - {topic: motive, value: "<b>|old", source: police, date: 2025-03-01}
  - {topic: motive, value: "<i>|new", source: police, date: 2025-03-02}
`

func judgedLedger(t *testing.T) (*claims.Ledger, *claims.Analysis) {
	t.Helper()
	l := load.Bytes("judged.yaml", []byte(judged))
	if len(l.Problems) > 0 {
		t.Fatalf("ledger problems: %v", l.Problems)
	}
	return l, claims.Analyze(l, claims.Options{Today: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
}

// compare and the graph share one definition of contradicts. They used to
// disagree here: the graph drew edges from the governor's vague figure and
// from the critic's denial of 2,100 to the agency's 1,450, which compare
// found agreeing with both.
func TestGraphAgreesWithCompare(t *testing.T) {
	l, a := judgedLedger(t)
	g := NewGraph(Build(a))
	edges := map[[2]string]bool{}
	for _, e := range g.Edges {
		edges[[2]string{e.From, e.To}] = true
	}
	ids := []string{"agency", "critic", "governor", "ministry", "opposition", "police"}
	for i, x := range ids {
		for _, y := range ids[i+1:] {
			v, err := bysource.CompareSources(l, []string{x}, []string{y}, claims.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if contradict := len(v.Contradict) > 0; contradict != edges[[2]string{x, y}] {
				t.Errorf("%s and %s: compare says contradict %v, the graph draws an edge %v", x, y, contradict, edges[[2]string{x, y}])
			}
		}
	}
	want := [][2]string{{"agency", "ministry"}, {"critic", "ministry"}}
	var got [][2]string
	for e := range edges {
		got = append(got, e)
	}
	slices.SortFunc(got, func(a, b [2]string) int { return strings.Compare(a[0]+a[1], b[0]+b[1]) })
	if !slices.Equal(got, want) {
		t.Errorf("edges %v, want %v", got, want)
	}
}

// The most contradicted sources are those opposed to the best-supported
// position: a denial of another figure is not.
func TestContradictedFollowsOpposed(t *testing.T) {
	r := build(t, "denial.yaml", `ledger: 1
sources:
  a: {name: A, kind: outlet}
  b: {name: B, kind: outlet}
  c: {name: C, kind: outlet}
  d: {name: D, kind: outlet}
topics:
  toll: {type: number}
claims:
  - {topic: toll, value: 1450, source: a}
  - {topic: toll, value: 1450, source: b}
  - {topic: toll, value: 2100, source: c}
  - {topic: toll, value: 2100, denies: true, source: d}
`)
	var got []string
	for _, c := range r.Summary.Contradicted {
		got = append(got, c.Source.ID)
	}
	if !slices.Equal(got, []string{"c"}) {
		t.Errorf("most contradicted %v, want only c (d denies 2,100 too, siding with the best)", got)
	}
}

// Vague claims and revisions reach every format that shows disputes, and
// revisions on undisputed topics the report's own section; ledger text in
// them is escaped like any other.
func TestVagueAndRevisionsInReports(t *testing.T) {
	r := build(t, "judged.yaml", judged+hostileCause)
	if d := byTopic(t, r, "toll"); len(d.Vague) != 2 || len(d.Revisions) != 1 {
		t.Fatalf("toll %+v, want two vague claims and a revision", d)
	}
	if len(r.Revisions) != 2 || r.Revisions[0].Topic != "crowd" {
		t.Fatalf("undisputed revisions %+v, want the crowd's and the motive's", r.Revisions)
	}
	tests := []struct {
		format Format
		want   []string
		never  []string
	}{
		{Text, []string{
			"vague: up to 9,000 (governor) fits 1,450 · 2,100",
			"vague: not 2,500 (opposition) fits 1,450 · 2,100 · not 2,100",
			"ministry revised 2,500 (1 Mar) → 2,100 (2 Mar)",
			"Revisions on topics with no dispute",
			"crowd: police revised 8,000 (1 Mar) → 12,000 (2 Mar)",
		}, nil},
		{Markdown, []string{
			"- vague: up to 9,000 (governor) fits 1,450 · 2,100",
			"- ministry revised 2,500 (1 Mar) → 2,100 (2 Mar)",
			"### Revisions on topics with no dispute",
			"- `crowd`: police revised 8,000 (1 Mar) → 12,000 (2 Mar)",
		}, []string{"<script>", "<b>|", "<i>|"}},
		{HTML, []string{
			`<span class="lbl">vague</span> up to 9,000 (governor) fits 1,450 · 2,100`,
			`<span class="lbl">vague</span> not &lt;script&gt;x&lt;/script&gt;| (opposition)`,
			`police revised &lt;b&gt;|old (1 Mar) → &lt;i&gt;|new (2 Mar)`,
			`<span class="lbl">revised</span> ministry revised 2,500 (1 Mar) → 2,100 (2 Mar)`,
			`<code>crowd</code> police revised 8,000 (1 Mar) → 12,000 (2 Mar)`,
		}, []string{"<script>x", "<b>|", "<i>|"}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := Write(&buf, r, tt.format, Options{}); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s lacks %q:\n%s", tt.format, w, buf.String())
			}
		}
		for _, n := range tt.never {
			if strings.Contains(buf.String(), n) {
				t.Errorf("%s lets %q through", tt.format, n)
			}
		}
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Disputes []struct {
			Vague []struct {
				Claim, Source, Value string
				Fits                 []string
			}
			Revisions []struct {
				Origin, From, To string
				FromDate         string `json:"from_date"`
				ToDate           string `json:"to_date"`
			}
		}
		Revisions []struct{ Topic, Origin string }
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	d := out.Disputes[0]
	for _, x := range out.Disputes {
		if len(x.Revisions) > 0 {
			d = x
		}
	}
	if d.Vague[0].Claim != "g" || !slices.Equal(d.Vague[0].Fits, []string{"1,450", "2,100"}) ||
		d.Revisions[0].From != "2,500" || d.Revisions[0].ToDate != "2025-03-02" ||
		len(out.Revisions) != 2 || out.Revisions[0].Origin != "police" {
		t.Errorf("JSON = %s", buf.String())
	}
}
