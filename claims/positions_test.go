package claims_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	. "github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/value"
)

const tollHeader = `ledger: 1
sources:
  governor: {name: Governor, kind: official}
  ministry: {name: Ministry of Health, kind: government}
  agency: {name: Relief agency, kind: government}
  police: {name: Police, kind: government}
  organisers: {name: Organisers, kind: person}
  mayor: {name: Mayor, kind: official}
  opposition: {name: Opposition, kind: person}
  wire: {name: Wire, kind: wire}
  paper: {name: Paper, kind: outlet}
topics:
  toll: {type: number}
claims:
`

// positionsOf describes a dispute's positions as "common: claim ids" and
// its vague claims as "claim fits a | b", each sorted.
func positionsOf(d *Dispute) (ps, vague []string) {
	for _, p := range d.Positions {
		ids := slices.Clone(p.Claims)
		slices.Sort(ids)
		ps = append(ps, p.Common+": "+strings.Join(ids, " "))
	}
	slices.Sort(ps)
	for _, v := range d.Vague {
		vague = append(vague, v.Claim+" fits "+strings.Join(v.Fits, " | "))
	}
	slices.Sort(vague)
	return ps, vague
}

// A figure that fits several conflicting positions is vague: listed once,
// in no position, adding no origin and making nobody contradict himself.
func TestVagueClaims(t *testing.T) {
	tests := []struct {
		name      string
		claims    string
		kinds     []Kind
		positions []string
		vague     []string
	}{
		{
			name: "a governor's upper bound beside his own range",
			claims: `  - {id: m, topic: toll, value: 1450, source: ministry, date: 2025-03-01}
  - {id: a, topic: toll, value: 1720, source: agency, date: 2025-03-01}
  - {id: g-up-to, topic: toll, value: "up to 9,000", source: governor, date: 2025-03-01}
  - {id: g-range, topic: toll, value: "between 8,000 and 9,000", source: governor, date: 2025-03-01}
`,
			kinds:     []Kind{KindConflict},
			positions: []string{"1,450: m", "1,720: a", "8,000–9,000: g-range"},
			vague:     []string{"g-up-to fits 1,450 | 1,720 | 8,000–9,000"},
		},
		{
			name: "a crowd: the mayor's bound and his own range",
			claims: `  - {id: p, topic: toll, value: "8,000", source: police, date: 2025-03-01}
  - {id: o, topic: toll, value: "40,000 to 45,000", source: organisers, date: 2025-03-01}
  - {id: m-up-to, topic: toll, value: "up to 50,000", source: mayor, date: 2025-03-01}
  - {id: m-range, topic: toll, value: "40,000 to 45,000", source: mayor, date: 2025-03-01}
`,
			kinds:     []Kind{KindConflict},
			positions: []string{"40,000–45,000: m-range o", "8,000: p"},
			vague:     []string{"m-up-to fits 8,000 | 40,000–45,000"},
		},
		{
			name: "a lower bound fits the figures above it",
			claims: `  - {id: m, topic: toll, value: 1450, source: ministry}
  - {id: a, topic: toll, value: 1720, source: agency}
  - {id: p, topic: toll, value: 2100, source: police}
  - {id: g, topic: toll, value: at least 1720, source: governor}
`,
			kinds:     []Kind{KindConflict},
			positions: []string{"1,450: m", "1,720: a", "2,100: p"},
			vague:     []string{"g fits 1,720 | 2,100"},
		},
		{
			// A bound allows the figure; it does not state it, so it is no
			// independent origin of it (issue 24, rule 4).
			name: "a bound that fits one figure's position fits it without joining",
			claims: `  - {id: m, topic: toll, value: 1450, source: ministry}
  - {id: a, topic: toll, value: 1720, source: agency}
  - {id: g, topic: toll, value: more than 1500, source: governor}
`,
			kinds:     []Kind{KindConflict},
			positions: []string{"1,450: m", "1,720: a"},
			vague:     []string{"g fits 1,720"},
		},
		{
			name: "ranges that agree with each other make a side of their own",
			claims: `  - {id: m, topic: toll, value: 230000, source: ministry}
  - {id: u, topic: toll, value: "between 46,000 and 85,000", source: agency}
  - {id: s, topic: toll, value: "up to 85,000", source: police}
`,
			kinds:     []Kind{KindConflict},
			positions: []string{"230,000: m", "46,000–85,000: s u"},
		},
		{
			name: "a claim set aside fits one position once a wider claim narrows the other",
			claims: `  - {id: narrow, topic: toll, value: "between 15 and 16", source: ministry}
  - {id: wide, topic: toll, value: "between 0 and 10", source: agency}
  - {id: aside, topic: toll, value: "between 8 and 20", source: police}
  - {id: widest, topic: toll, value: "between -20 and 5", source: governor}
`,
			kinds:     []Kind{KindConflict},
			positions: []string{"0–5: wide widest", "15–16: aside narrow"},
		},
		{
			name: "a denial of a value nobody holds",
			claims: `  - {id: m, topic: toll, value: 1450, source: ministry}
  - {id: a, topic: toll, value: 1720, source: agency}
  - {id: o, topic: toll, value: 2100, denies: true, source: opposition}
`,
			kinds:     []Kind{KindConflict},
			positions: []string{"1,450: m", "1,720: a"},
			vague:     []string{"o fits 1,450 | 1,720"},
		},
		{
			name: "a denial contradicts what it denies and nothing else",
			claims: `  - {id: m, topic: toll, value: 2100, source: ministry}
  - {id: a, topic: toll, value: 1450, source: agency}
  - {id: o, topic: toll, value: 2100, denies: true, source: opposition}
`,
			kinds:     []Kind{KindConflict, KindNegation},
			positions: []string{"1,450: a", "2,100: m", "not 2,100: o"},
		},
		{
			name: "a denial by the origin that says it",
			claims: `  - {id: m, topic: toll, value: 2100, source: ministry}
  - {id: m-not, topic: toll, value: 2100, denies: true, source: ministry}
`,
			kinds:     []Kind{KindSelf, KindNegation},
			positions: []string{"2,100: m", "not 2,100: m-not"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyze(t, tollHeader+tt.claims)
			if len(a.Disputes) != 1 {
				t.Fatalf("%d disputes, want 1", len(a.Disputes))
			}
			d := &a.Disputes[0]
			if !slices.Equal(d.Kinds, tt.kinds) {
				t.Errorf("kinds = %v, want %v", d.Kinds, tt.kinds)
			}
			ps, vague := positionsOf(d)
			if !slices.Equal(ps, tt.positions) {
				t.Errorf("positions = %q, want %q", ps, tt.positions)
			}
			if !slices.Equal(vague, tt.vague) {
				t.Errorf("vague = %q, want %q", vague, tt.vague)
			}
			for _, v := range d.Vague {
				if a.InDispute(v.Member()) {
					t.Errorf("vague claim %s counts as on a side", v.Claim)
				}
			}
		})
	}
}

// The crowd of the issue: two positions, the mayor vague once and not
// contradicting himself, and the police's 8,000 with one origin.
func TestCrowdEstimate(t *testing.T) {
	a := analyze(t, tollHeader+`  - {id: p, topic: toll, value: "8,000", source: police, date: 2025-03-01}
  - {id: o, topic: toll, value: "40,000 to 45,000", source: organisers, date: 2025-03-01}
  - {id: m-up-to, topic: toll, value: "up to 50,000", source: mayor, date: 2025-03-01}
  - {id: m-range, topic: toll, value: "40,000–45,000", source: mayor, date: 2025-03-01}
`)
	d := &a.Disputes[0]
	if len(d.Positions) != 2 || slices.Contains(d.Kinds, KindSelf) {
		t.Fatalf("positions %+v, kinds %v; want two and no self", d.Positions, d.Kinds)
	}
	if len(d.Vague) != 1 || d.Vague[0].Source != "mayor" || d.Vague[0].Value != "up to 50,000" || len(d.Vague[0].Fits) != 2 {
		t.Errorf("vague = %+v, want the mayor's up to 50,000 fitting both", d.Vague)
	}
	for _, p := range d.Positions {
		if p.Common == "8,000" && p.Origins != 1 {
			t.Errorf("8,000 has %d origins, want 1", p.Origins)
		}
	}
}

// One definition of contradicts: claims contradict when they sit in
// opposed positions, and a vague claim or a denial of something else
// contradicts nobody.
func TestContradict(t *testing.T) {
	a := analyze(t, tollHeader+`  - {id: m, topic: toll, value: 2100, source: ministry}
  - {id: a, topic: toll, value: 1450, source: agency}
  - {id: p, topic: toll, value: 1450, source: police}
  - {id: o, topic: toll, value: 2100, denies: true, source: opposition}
  - {id: g, topic: toll, value: up to 9000, source: governor}
`)
	index := map[string]int{}
	for i, c := range a.Ledger.Claims {
		index[c.ID] = i
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"m", "a", true},
		{"a", "p", false},
		{"o", "m", true},
		{"o", "a", false},
		{"g", "m", false},
		{"g", "a", false},
		{"g", "o", false},
	}
	for _, tt := range tests {
		if got := a.Contradict(index[tt.a], index[tt.b]); got != tt.want {
			t.Errorf("Contradict(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := a.Contradict(index[tt.b], index[tt.a]); got != tt.want {
			t.Errorf("Contradict(%s, %s) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
		if got := a.SidesContradict([]int{index[tt.a]}, []int{index[tt.b]}); got != tt.want {
			t.Errorf("SidesContradict(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// randomLedger writes n claims on two topics from a few sources, dates and
// shapes of value (points, about, ranges, bounds, denials), with explicit
// ids, in the order perm gives.
func randomLedger(seed uint64, n int, perm []int) string {
	r := rand.New(rand.NewPCG(seed, 1))
	lines := make([]string, n)
	for i := range n {
		x := 10 * (1 + r.IntN(12))
		var v string
		switch r.IntN(7) {
		case 0:
			v = fmt.Sprintf("about %d", x)
		case 1:
			v = fmt.Sprintf("between %d and %d", x, x+10*r.IntN(4))
		case 2:
			v = fmt.Sprintf("at least %d", x)
		case 3:
			v = fmt.Sprintf("up to %d", x)
		default:
			v = fmt.Sprint(x)
		}
		deny := ""
		if r.IntN(8) == 0 {
			deny = ", denies: true"
		}
		src := []string{"governor", "ministry", "agency", "police", "mayor"}[r.IntN(5)]
		lines[i] = fmt.Sprintf("  - {id: c%d, topic: t%d, value: %q, source: %s, date: 2025-03-0%d%s}\n",
			i, r.IntN(2), v, src, 1+r.IntN(3), deny)
	}
	var b strings.Builder
	b.WriteString(strings.Replace(tollHeader, "  toll: {type: number}\n", "  t0: {type: number, tolerance: 5}\n  t1: {type: number}\n", 1))
	for _, i := range perm {
		b.WriteString(lines[i])
	}
	return b.String()
}

// describe is what the analysis says, in terms that do not depend on the
// ledger's order: disputes with their kinds, score, positions, vague claims
// and revisions.
func describe(a *Analysis) []string {
	var out []string
	for i := range a.Disputes {
		d := &a.Disputes[i]
		ps, vague := positionsOf(d)
		out = append(out, fmt.Sprintf("%s %v %s %d %q %q", d.Topic, d.Kinds, d.Severity, d.Score, ps, vague))
	}
	slices.Sort(out)
	for _, r := range a.Revisions {
		out = append(out, fmt.Sprintf("%s: %s", r.Topic, r))
	}
	return out
}

// Shuffling the claims gives the same positions, vague claims, kinds,
// scores and revisions.
func TestPositionsIgnoreOrder(t *testing.T) {
	for seed := range uint64(40) {
		n := 6 + int(seed%20)
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		want := describe(analyze(t, randomLedger(seed, n, order)))
		r := rand.New(rand.NewPCG(seed, 2))
		for range 5 {
			r.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
			if got := describe(analyze(t, randomLedger(seed, n, order))); !slices.Equal(got, want) {
				t.Fatalf("seed %d: order %v gives\n%s\nwant\n%s", seed, order, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

// Whatever the claims, a position's claims share a value, positions that
// hold values do not, and a vague claim fits two of them or more.
func TestPositionsInvariants(t *testing.T) {
	for seed := range uint64(60) {
		n := 4 + int(seed%30)
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		a := analyze(t, randomLedger(seed+100, n, order))
		for _, d := range a.Disputes {
			var commons []value.Value
			for _, p := range d.Positions {
				if p.Denies {
					continue
				}
				common := p.CommonSet()
				for _, i := range p.Members() {
					if !value.Meets(common, a.Value(i)) {
						t.Fatalf("seed %d: %s: position %s holds a claim outside its common set", seed, d.Topic, p.Common)
					}
				}
				for _, c := range commons {
					if value.Meets(c, common) {
						t.Fatalf("seed %d: %s: positions %v and %v meet", seed, d.Topic, c, common)
					}
				}
				commons = append(commons, common)
			}
			for _, v := range d.Vague {
				// Fitting one position is for ranges and bounds only.
				if !v.Denies && len(v.Fits)+v.MoreFits < 2 && !isRange(a, v) {
					t.Errorf("seed %d: %s: vague %s fits %v", seed, d.Topic, v.Claim, v.Fits)
				}
			}
			// The kinds say what Opposed says, pair by pair.
			var conflict, self, negation bool
			for i := range d.Positions {
				for j := i + 1; j < len(d.Positions); j++ {
					if !d.Opposed(i, j) {
						continue
					}
					p, q := &d.Positions[i], &d.Positions[j]
					negation = negation || p.Denies || q.Denies
					origins := map[string]bool{}
					for _, o := range p.OriginIDs {
						origins[o] = true
					}
					for _, o := range q.OriginIDs {
						self = self || origins[o]
						origins[o] = true
					}
					conflict = conflict || !p.Denies && !q.Denies && len(origins) > 1
				}
				contested := false
				for j := range d.Positions {
					contested = contested || d.Opposed(i, j)
				}
				if d.Contested(i) != contested {
					t.Errorf("seed %d: %s: Contested(%d) = %v, Opposed says %v", seed, d.Topic, i, d.Contested(i), contested)
				}
			}
			want := []bool{conflict, self, negation}
			for k, kind := range Kinds {
				if slices.Contains(d.Kinds, kind) != want[k] {
					t.Errorf("seed %d: %s: kinds %v, but opposed positions say %s is %v", seed, d.Topic, d.Kinds, kind, want[k])
				}
			}
		}
	}
}

// isRange reports whether a vague claim is a range or a bound, which may
// fit the one side whose figure it allows.
func isRange(a *Analysis, v VagueClaim) bool { return !IsFigure(a.Value(v.Member())) }
