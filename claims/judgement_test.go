package claims_test

import (
	"slices"
	"strings"
	"testing"

	. "github.com/claimdiff/claimdiff/claims"
)

// The rules a desk editor judges by (docs/JUDGEMENT.md), each on the
// smallest ledger that shows it. The stories corpus (testdata/stories)
// holds them to real coverage.

const deskHeader = `ledger: 1
sources:
  governor: {name: Governor, kind: official}
  study: {name: University study, kind: document}
  registry: {name: Registry, kind: government}
  wire: {name: Wire, kind: wire}
  paper: {name: Paper, kind: outlet}
  checker: {name: Fact checker, kind: outlet}
topics:
  deaths: {type: number, tolerance: 5%}
  cost: {type: money}
claims:
`

func TestDenialHitsItsToleranceBand(t *testing.T) {
	a := analyze(t, deskHeader+`  - {id: g, topic: deaths, value: 1200, denies: true, source: governor, date: 2018-09-13}
  - {id: s, topic: deaths, value: 1180, source: study, date: 2018-08-28}
  - {id: w, topic: deaths, value: 4345, source: wire, date: 2018-06-01}
`)
	d := disputeOn(a, "deaths")
	if d == nil || !slices.Contains(d.Kinds, KindNegation) {
		t.Fatalf("want a negation of 1,180 by the governor's denial of 1,200; got %+v", d)
	}
	if len(d.Vague) != 0 {
		t.Errorf("the denial is vague: %v", d.Vague)
	}
	if !a.Contradict(0, 1) {
		t.Error("not 1,200 does not contradict 1,180, which lies in 1,200's 5% band")
	}
	if a.Contradict(0, 2) {
		t.Error("not 1,200 contradicts 4,345, far outside its band")
	}
}

func TestRangesFitWithoutAffirming(t *testing.T) {
	a := analyze(t, deskHeader+`  - {id: up, topic: cost, value: up to $95 billion, source: governor}
  - {id: range, topic: cost, value: between $45 and $95 billion, source: study}
  - {id: fig, topic: cost, value: $90 billion, source: wire}
  - {id: other, topic: cost, value: $30 billion, source: registry}
`)
	d := disputeOn(a, "cost")
	if d == nil {
		t.Fatal("no dispute on cost")
	}
	for _, p := range d.Positions {
		if p.Common == "$90 billion" && (p.Origins != 1 || p.OriginIDs[0] != "wire") {
			t.Errorf("$90 billion has origins %v; the range and the bound allow it but do not state it", p.OriginIDs)
		}
	}
	var vague []string
	for _, v := range d.Vague {
		vague = append(vague, v.Claim)
	}
	if !slices.Equal(vague, []string{"up", "range"}) {
		t.Errorf("vague = %v, want [up range]", vague)
	}
}

func TestRelayNeverRevisesItsOrigin(t *testing.T) {
	a := analyze(t, deskHeader+`  - {id: study, topic: deaths, value: 4345, source: study, date: 2018-05-29}
  - {id: relay, topic: deaths, value: 4000, source: study, via: [wire], date: 2018-06-01}
  - {id: gov, topic: deaths, value: 64, source: registry, date: 2018-06-02}
`)
	if len(a.Revisions) != 0 {
		t.Errorf("revisions %v: the wire's later paraphrase is not the study revising itself", a.Revisions)
	}
	if !a.InDispute(0) {
		t.Error("the study's own 4,345 left the dispute")
	}
}

func TestOriginsOwnLaterClaimRevisesItsRelayedOne(t *testing.T) {
	a := analyze(t, deskHeader+`  - {id: early, topic: deaths, value: 64, source: registry, via: [wire], date: 2017-12-01}
  - {id: later, topic: deaths, value: 2975, source: registry, date: 2018-08-28}
`)
	if len(a.Revisions) != 1 || a.Revisions[0].From != "64" || a.Revisions[0].To != "2975" {
		t.Errorf("revisions %v, want the registry revising 64 to 2975", a.Revisions)
	}
}

func TestOneSourceOneVoicePerPosition(t *testing.T) {
	// The paper relays the study's 4,345 and prints its own typo, 4,354,
	// within the topic's tolerance: one origin, headed by the study's own.
	a := analyze(t, deskHeader+`  - {id: typo, topic: deaths, value: 4354, source: paper, date: 2018-05-30}
  - {id: study, topic: deaths, value: 4345, source: study, date: 2018-05-29}
  - {id: relay, topic: deaths, value: 4345, source: study, via: [paper], date: 2018-05-30}
  - {id: gov, topic: deaths, value: 64, source: registry, date: 2018-06-02}
`)
	d := disputeOn(a, "deaths")
	if d == nil {
		t.Fatal("no dispute")
	}
	var study *Position
	for i := range d.Positions {
		if slices.Contains(d.Positions[i].Claims, "study") {
			study = &d.Positions[i]
		}
	}
	if study.Value != "4345" || study.Common != "4,345" {
		t.Errorf("the side is headed by %s (%s), want the study's own 4345", study.Value, study.Common)
	}
	if !slices.Equal(study.OriginIDs, []string{"study"}) {
		t.Errorf("origins %v: the paper relays the study and adds no origin of its own", study.OriginIDs)
	}
}

func TestMisquoteCountsForTheRelay(t *testing.T) {
	a := analyze(t, deskHeader+`  - {id: study, topic: deaths, value: 4345, source: study, date: 2018-05-29}
  - {id: relay, topic: deaths, value: 4645, source: study, via: [paper], date: 2018-05-30}
`)
	d := disputeOn(a, "deaths")
	if d == nil {
		t.Fatal("a misquote of the study by the paper is a dispute between them")
	}
	if slices.Contains(d.Kinds, KindSelf) {
		t.Errorf("kinds %v: the study does not contradict itself; the paper misquotes it", d.Kinds)
	}
	want := "paper relays 4645; study's own figure is 4345"
	if len(d.Misquotes) != 1 || d.Misquotes[0].String() != want {
		t.Errorf("misquotes %v, want [%s]", d.Misquotes, want)
	}
	for _, p := range d.Positions {
		if slices.Contains(p.Claims, "relay") && !slices.Equal(p.OriginIDs, []string{"paper"}) {
			t.Errorf("the misquote counts for %v, want the paper", p.OriginIDs)
		}
	}
}

func TestSeverityADeskWouldSign(t *testing.T) {
	const three = `  - {topic: toll, value: 4345, source: study, date: 2018-05-29}
  - {topic: toll, value: 4345, source: registry, date: 2018-05-30}
  - {topic: toll, value: 4345, source: checker, date: 2018-05-30}
`
	head := `ledger: 1
sources:
  study: {name: Study, kind: document}
  registry: {name: Registry, kind: government}
  checker: {name: Checker, kind: outlet}
  paper: {name: Paper, kind: outlet}
  governor: {name: Governor, kind: official}
topics:
  toll: {type: number}
claims:
`
	tests := []struct {
		name, claim string
		want        Severity
	}{
		{"one outlet's typo against three origins", `  - {topic: toll, value: 4354, source: paper, date: 2018-06-01}`, SeverityLow},
		{"a factor of ten", `  - {topic: toll, value: 43450, source: paper, date: 2018-06-01}`, SeverityLow},
		{"a lone early guess", `  - {topic: toll, value: about 100, source: governor, date: 2018-01-01}`, SeverityLow},
		{"an outlet's own different figure", `  - {topic: toll, value: 1200, source: paper, date: 2018-06-01}`, SeverityHigh},
		{"an outlet's figure within 5%", `  - {topic: toll, value: 4200, source: paper, date: 2018-06-01}`, SeverityLow},
		{"an official's figure within 5%", `  - {topic: toll, value: 4200, source: governor, date: 2018-06-01}`, SeverityMedium},
		{"an official's figure against many", `  - {topic: toll, value: 64, source: governor, date: 2018-06-01}`, SeverityHigh},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := disputeOn(analyze(t, head+three+tt.claim+"\n"), "toll")
			if d == nil || d.Severity != tt.want {
				t.Fatalf("got %+v, want severity %s", d, tt.want)
			}
		})
	}
}

// One outlet's hedged early figure against the count of the body that
// keeps it is a guess, not a split, though that body is one origin.
// Grenfell: "about 600" inside on the first day, against the police's 293
// from the footage.
func TestAnOutletsEarlyGuessAgainstTheCount(t *testing.T) {
	head := `ledger: 1
sources:
  registry: {name: Registry, kind: government}
  checker: {name: Checker, kind: outlet}
  paper: {name: Paper, kind: outlet}
  governor: {name: Governor, kind: official}
topics:
  toll: {type: number}
claims:
`
	tests := []struct {
		name, claims string
		low          bool
	}{
		{"an outlet's early guess against the registry", `  - {topic: toll, value: 293, source: registry, date: 2017-11-16}
  - {topic: toll, value: about 600, source: paper, date: 2017-06-14}`, true},
		{"an official's early guess against the registry", `  - {topic: toll, value: 293, source: registry, date: 2017-11-16}
  - {topic: toll, value: about 600, source: governor, date: 2017-06-14}`, false},
		{"an outlet's later figure against the registry", `  - {topic: toll, value: 293, source: registry, date: 2017-11-16}
  - {topic: toll, value: about 600, source: paper, date: 2017-12-14}`, false},
		{"an outlet's early guess against another outlet", `  - {topic: toll, value: 293, source: checker, date: 2017-11-16}
  - {topic: toll, value: about 600, source: paper, date: 2017-06-14}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := disputeOn(analyze(t, head+tt.claims+"\n"), "toll")
			if d == nil || (d.Severity == SeverityLow) != tt.low {
				t.Fatalf("got %+v, want low %v", d, tt.low)
			}
		})
	}
}

func TestARelaysFlipIsAMisquote(t *testing.T) {
	a := analyze(t, deskHeader+`  - {id: a, topic: deaths, value: 934, source: registry, via: [wire], date: 2015-09-26}
  - {id: b, topic: deaths, value: 800, source: registry, via: [wire, paper], date: 2015-10-01}
  - {id: c, topic: deaths, value: 934, source: registry, via: [checker], date: 2015-10-05}
`)
	if len(a.Revisions) != 0 {
		t.Errorf("revisions %v: the registry did not revise 934 to 800 and back", a.Revisions)
	}
	d := disputeOn(a, "deaths")
	if d == nil || len(d.Misquotes) != 1 || d.Misquotes[0].Relay != "paper" {
		t.Fatalf("want the paper's 800 named as a misquote of the registry's 934; got %+v", d)
	}
}

// Two outlets carry the figure on one day; the misquote revises neither,
// and the side it makes is a mistake, so the figure is likely without an
// estimate.
func TestAMisquoteRevisesNoneOfTheDaysRelays(t *testing.T) {
	a := analyze(t, deskHeader+`  - {id: a, topic: deaths, value: 934, source: registry, via: [wire], date: 2015-09-26}
  - {id: a2, topic: deaths, value: 934, source: registry, via: [checker], date: 2015-09-26}
  - {id: b, topic: deaths, value: 800, source: registry, via: [wire, paper], date: 2015-10-01}
  - {id: c, topic: deaths, value: 934, source: registry, via: [checker], date: 2015-10-05}
`)
	if len(a.Revisions) != 0 {
		t.Errorf("revisions %v: the registry did not revise 934 to 800 and back", a.Revisions)
	}
	d := disputeOn(a, "deaths")
	if d == nil || len(d.Positions) != 2 {
		t.Fatalf("want 934 against the paper's 800; got %+v", d)
	}
	for _, p := range d.Positions {
		if want := map[string]string{"934": "", "800": MistakeMisquote}[p.Common]; p.Mistake != want {
			t.Errorf("side %s: mistake %q, want %q", p.Common, p.Mistake, want)
		}
	}
}

func TestRelativeFigureTakesTheBaseOfItsDate(t *testing.T) {
	a := analyze(t, `ledger: 1
sources:
  registry: {name: Registry, kind: government}
  study: {name: Study, kind: document}
  paper: {name: Paper, kind: outlet}
topics:
  official: {type: number, changes: true}
  deaths: {type: number}
claims:
  - {topic: official, value: 64, source: registry, as_of: 2017-12-13}
  - {topic: official, value: 2975, source: registry, as_of: 2018-08-28}
  - {id: rel, topic: deaths, value: more than 70 times official, source: study, date: 2018-05-29}
  - {id: low, topic: deaths, value: 4000, source: paper, date: 2018-06-01}
`)
	// 70 times the 64 of its day is 4,480: the paper's 4,000 conflicts
	// with it. Scaled from the range of every count (64 to 2,975) it
	// would allow anything over 4,480 and conflict with nothing here.
	v := a.Value(2)
	if v.Lo != 4480 {
		t.Errorf("more than 70 times official on 2018-05-29 = %v, want more than 4,480", v)
	}
	if d := disputeOn(a, "deaths"); d == nil || len(d.Arithmetic) == 0 || !strings.Contains(d.Arithmetic[0], "64 on 2017-12-13") {
		t.Errorf("the dispute should show the base used: %+v", d)
	}
}

// An outlet that prints the end of a published bound as the figure ("0.1
// percent" for "less than 0.1 percent") misread it: the dispute is low and
// its side a mistake. The same figure published before the bound, or one
// the bound also fits, is a view like any other.
func TestABoundReadAsTheFigureIsAMisreading(t *testing.T) {
	const head = `ledger: 1
sources:
  maker: {kind: official}
  spokesman: {kind: person}
  paper: {kind: outlet}
topics:
  share: {type: percent}
claims:
  - {topic: share, value: about 0.0024%, source: maker, date: 2016-09-02}
  - {topic: share, value: less than 0.1 percent, source: spokesman, date: 2016-09-02}
`
	tests := []struct {
		name, claim string
		mistake     string
	}{
		{"after the bound", "  - {topic: share, value: 0.1 percent, source: paper, date: 2016-09-15}\n", MistakeMisreading},
		{"before the bound", "  - {topic: share, value: 0.1 percent, source: paper, date: 2016-09-01}\n", ""},
		{"another figure", "  - {topic: share, value: 0.2 percent, source: paper, date: 2016-09-15}\n", ""},
	}
	for _, tt := range tests {
		d := disputeOn(analyze(t, head+tt.claim), "share")
		if d == nil {
			t.Fatalf("%s: no dispute", tt.name)
		}
		for _, p := range d.Positions {
			if p.OriginIDs[0] == "paper" && p.Mistake != tt.mistake {
				t.Errorf("%s: the paper's side is mistake %q, want %q", tt.name, p.Mistake, tt.mistake)
			}
		}
		if tt.mistake != "" && d.Severity != SeverityLow {
			t.Errorf("%s: severity %s, want low", tt.name, d.Severity)
		}
	}
}

// When the origin's own words are in the ledger, its relays are copies of
// them: an outlet's "as many as 655,000" the day after, or another's
// rounder "650,000" a week later, revises nothing. Heard only through
// relays, an origin's later relay still revises an earlier one.
func TestRelaysOfAnOriginHeardDirectlyReviseNothing(t *testing.T) {
	a := analyze(t, deskHeader+`  - {id: own, topic: deaths, value: 654965, source: study, date: 2006-10-11}
  - {id: r1, topic: deaths, value: 655000, source: study, via: [wire], date: 2006-10-11}
  - {id: r2, topic: deaths, value: as many as 655000, source: study, via: [paper], date: 2006-10-12}
  - {id: r3, topic: deaths, value: 650000, source: study, via: [checker], date: 2006-10-17}
  - {id: w1, topic: deaths, value: 802, source: registry, via: [wire], date: 2010-03-03}
  - {id: w2, topic: deaths, value: 487, source: registry, via: [paper], date: 2010-03-08}
`)
	var got []string
	for _, r := range a.Revisions {
		got = append(got, r.FromClaim+"→"+r.ToClaim)
	}
	if want := []string{"w1→w2"}; !slices.Equal(got, want) {
		t.Errorf("revisions %v, want %v", got, want)
	}
}

// Within the topic's tolerance a rounding is the same value: an origin that
// says 2 million, then "2,000,001", has not moved it (Hong Kong 2019), nor
// one that says 4,345, then 4,300. Two exact counts are two counts
// (TestRestatementOrMove).
func TestAFigureWithinToleranceRestates(t *testing.T) {
	a := analyze(t, deskHeader+`  - {id: s1, topic: deaths, value: 4345, source: study, date: 2018-05-29}
  - {id: s2, topic: deaths, value: 4300, source: study, date: 2018-06-01}
  - {id: s3, topic: deaths, value: 4800, source: study, date: 2018-06-05}
`)
	var got []string
	for _, r := range a.Revisions {
		got = append(got, r.FromClaim+"→"+r.ToClaim)
	}
	if want := []string{"s2→s3"}; !slices.Equal(got, want) {
		t.Errorf("revisions %v, want %v: 4,300 is 4,345 rounded, 4,800 is not", got, want)
	}
}

// A range that spans two sides states neither: "400 to 600", beside "up
// to 400" and "between 500 and 700", is vague, whichever order the
// ledger gives them in, and "between 500 and 700" heads its side. Pylos:
// the boat's passengers.
func TestARangeSpanningTwoSidesIsVague(t *testing.T) {
	claims := []string{
		"  - {id: span, topic: aboard, value: 400 to 600, source: paper}\n",
		"  - {id: media, topic: aboard, value: between 500 and 700, source: wire}\n",
		"  - {id: agency, topic: aboard, value: up to 400, source: registry}\n",
		"  - {id: charity, topic: aboard, value: 750, source: checker}\n",
	}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 0, 3, 2}} {
		var b strings.Builder
		b.WriteString(deskHeader)
		for _, i := range order {
			b.WriteString(claims[i])
		}
		d := disputeOn(analyze(t, b.String()), "aboard")
		if d == nil {
			t.Fatalf("order %v: no dispute on aboard", order)
		}
		var commons, vague []string
		for _, p := range d.Positions {
			commons = append(commons, p.Common)
		}
		for _, v := range d.Vague {
			vague = append(vague, v.Claim)
		}
		if !slices.Equal(vague, []string{"span"}) || !slices.Contains(commons, "500–700") {
			t.Errorf("order %v: sides %q, vague %v; want between 500 and 700 a side and span vague", order, commons, vague)
		}
	}
}

// An origin heard only through relays said what most of its outlets
// carried: a third outlet's different figure, printed within the days
// the others printed theirs, is that outlet's misquote, and a misquote is
// no split between sources. Grenfell: 15.5 tonnes a floor through AP and
// another outlet, 17 through Sputnik.
func TestRelaysOutvoteAMisprint(t *testing.T) {
	tests := []struct {
		name     string
		claims   string
		misquote string // the relay credited with a misquote, or ""
	}{{
		name: "two outlets against one, the same day",
		claims: `  - {id: a, topic: deaths, value: 155, source: registry, via: [wire], date: 2017-06-20}
  - {id: b, topic: deaths, value: 155, source: registry, via: [paper], date: 2017-06-20}
  - {id: c, topic: deaths, value: 190, source: registry, via: [checker], date: 2017-06-20}
`,
		misquote: "checker",
	}, {
		name: "one outlet against one",
		claims: `  - {id: a, topic: deaths, value: 155, source: registry, via: [wire], date: 2017-06-20}
  - {id: c, topic: deaths, value: 190, source: registry, via: [checker], date: 2017-06-20}
`,
	}, {
		name: "two outlets each way",
		claims: `  - {id: a, topic: deaths, value: 155, source: registry, via: [wire], date: 2017-06-20}
  - {id: b, topic: deaths, value: 155, source: registry, via: [paper], date: 2017-06-20}
  - {id: c, topic: deaths, value: 190, source: registry, via: [checker], date: 2017-06-20}
  - {id: d, topic: deaths, value: 190, source: registry, via: [governor], date: 2017-06-20}
`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := disputeOn(analyze(t, deskHeader+tt.claims), "deaths")
			if d == nil {
				t.Fatal("no dispute on deaths")
			}
			got := ""
			for _, m := range d.Misquotes {
				got = m.Relay
			}
			if got != tt.misquote {
				t.Errorf("misquote by %q, want %q (%v)", got, tt.misquote, d.Misquotes)
			}
			if tt.misquote != "" && d.Severity != SeverityLow {
				t.Errorf("severity %s, want low: a misquote is no split", d.Severity)
			}
		})
	}
}

// A bound that fits another side's figure is vague even when a third
// claim narrowed that side's common set away from it: "more than
// 300,000" beside 300,000 leaves a common set that "up to 300,000" no
// longer meets. Beirut: the homeless.
func TestABoundFittingAnotherSidesFigureIsVague(t *testing.T) {
	d := disputeOn(analyze(t, deskHeader+`  - {id: un, topic: deaths, value: 300000, source: wire}
  - {id: some, topic: deaths, value: "some 300,000", source: checker}
  - {id: more, topic: deaths, value: "more than 300,000", source: paper}
  - {id: minister, topic: deaths, value: "up to 250,000", source: registry}
  - {id: governor, topic: deaths, value: "up to 300,000", source: governor}
`), "deaths")
	if d == nil {
		t.Fatal("no dispute on deaths")
	}
	for _, p := range d.Positions {
		if slices.Contains(p.OriginIDs, "governor") {
			t.Errorf("the governor's up to 300,000 stands on side %s; it fits both", p.Common)
		}
	}
}

// An outlet's recollection, months later, of what its origin said at a
// moment is no new word of the origin's: it revises nothing, and where it
// conflicts with what the outlets of the time carried it is a misquote.
// The Chinese milk scandal: the ministry's 53,000 sick as of 21 September,
// carried that week, and Time's "from 60,000" in December.
func TestARecollectionRevisesNothing(t *testing.T) {
	const head = `ledger: 1
sources:
  ministry: {name: Ministry, kind: government}
  wire: {name: Wire, kind: wire}
  paper: {name: Paper, kind: outlet}
  checker: {name: Checker, kind: outlet}
topics:
  sick: {type: number, changes: true}
claims:
  - {id: a, topic: sick, value: 53000, source: ministry, via: [wire], date: 2008-09-22, as_of: 2008-09-21}
  - {id: b, topic: sick, value: 53000, source: ministry, via: [paper], date: 2008-09-22, as_of: 2008-09-21}
`
	tests := []struct {
		name, claim string
		misquote    string
	}{
		{"months later", "  - {id: c, topic: sick, value: 60000, source: ministry, via: [checker], date: 2008-12-02, as_of: 2008-09-21}\n", "checker"},
		// Two days on, a new figure for the moment is the ministry's news.
		{"days later", "  - {id: c, topic: sick, value: 60000, source: ministry, via: [checker], date: 2008-09-24, as_of: 2008-09-21}\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyze(t, head+tt.claim)
			d := disputeOn(a, "sick")
			got := ""
			if d != nil {
				for _, m := range d.Misquotes {
					got = m.Relay
				}
			}
			if got != tt.misquote {
				t.Errorf("misquote by %q, want %q; revisions %v", got, tt.misquote, a.Revisions)
			}
			if tt.misquote != "" && len(a.Revisions) > 0 {
				t.Errorf("revisions %v: a recollection revises nothing", a.Revisions)
			}
		})
	}
}

// One origin's figure, carried differently by two outlets, is in doubt,
// not split: low. The origin's own two figures keep their weight. Beirut:
// the ministry's injured "of the 5,000" through AFP, "out of 6000" through
// al-Alam, the same evening.
func TestRelaysThatDisagreeRateLow(t *testing.T) {
	tests := []struct {
		name, claims string
		low          bool
	}{
		{"outlets", `  - {topic: deaths, value: 5000, source: registry, via: [wire, paper], date: 2020-08-07}
  - {topic: deaths, value: 6000, source: registry, via: [checker, governor], date: 2020-08-07}
`, true},
		{"the origin itself", `  - {topic: deaths, value: 5000, source: registry, date: 2020-08-07}
  - {topic: deaths, value: 6000, source: registry, date: 2020-08-07}
  - {topic: deaths, value: 5000, source: registry, via: [wire, paper], date: 2020-08-07}
  - {topic: deaths, value: 6000, source: registry, via: [checker, governor], date: 2020-08-07}
`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := disputeOn(analyze(t, strings.Replace(deskHeader, "deaths: {type: number, tolerance: 5%}", "deaths: {type: number}", 1)+tt.claims), "deaths")
			if d == nil || (d.Severity == SeverityLow) != tt.low {
				t.Fatalf("got %+v, want low %v", d, tt.low)
			}
		})
	}
}
