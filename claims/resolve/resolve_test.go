package resolve_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// ledger is a small hand-made ledger: sources, topics and claims written
// as YAML lines, so that tests can build and shuffle them.
type ledger struct {
	sources []string // "id" or "id: {via: x}"-style lines, without indentation
	topics  []string // whole YAML entries, indented by 2
	claims  []string // one flow mapping per claim
}

func (l ledger) yaml() string {
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n")
	for _, s := range l.sources {
		fmt.Fprintf(&b, "  %s\n", s)
	}
	if len(l.topics) > 0 {
		b.WriteString("topics:\n")
		for _, t := range l.topics {
			b.WriteString(t)
		}
	}
	b.WriteString("claims:\n")
	for _, c := range l.claims {
		fmt.Fprintf(&b, "  - %s\n", c)
	}
	return b.String()
}

func analyze(t *testing.T, yaml string) *claims.Analysis {
	t.Helper()
	l := load.Bytes("test.yaml", []byte(yaml))
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			t.Fatalf("ledger problem: %s\n%s", p.Error(), yaml)
		}
	}
	return claims.Analyze(l, claims.Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
}

func run(t *testing.T, l ledger, opts resolve.Options) *resolve.Result {
	t.Helper()
	return resolve.Run(analyze(t, l.yaml()), opts)
}

func only(t *testing.T, r *resolve.Result, topic string) *resolve.Value {
	t.Helper()
	vs := r.Find(topic, "", "")
	if len(vs) != 1 {
		t.Fatalf("%d values for %s, want 1", len(vs), topic)
	}
	return vs[0]
}

func source(id string) string { return id + ": {name: " + id + "}" }

// copyingMajority is 30 topics on which three accurate, independent
// sources each make three mistakes of their own, while five sources
// repeat one that is wrong on ten topics. On those ten, the copies
// outnumber the accurate sources five to three.
func copyingMajority() (l ledger, truth func(topic int) int) {
	truth = func(t int) int { return 100 + t }
	for _, s := range []string{"alpha", "bravo", "charlie", "copy0", "copy1", "copy2", "copy3", "copy4"} {
		l.sources = append(l.sources, source(s))
	}
	for t := range 30 {
		for i, s := range []string{"alpha", "bravo", "charlie"} {
			v := truth(t)
			// Each independent source errs on three topics of its own,
			// none of them where the copies err.
			if t >= 10+3*i && t < 13+3*i {
				v = truth(t)*2 + i
			}
			l.claims = append(l.claims, fmt.Sprintf("{topic: t%02d, value: %d, source: %s}", t, v, s))
		}
		v := truth(t)
		if t < 10 {
			v = truth(t) * 3
		}
		for c := range 5 {
			l.claims = append(l.claims, fmt.Sprintf("{topic: t%02d, value: %d, source: copy%d}", t, v, c))
		}
	}
	return l, truth
}

// An accurate minority beats a copying majority: the copies share every
// value, wrong ones included, so they count for little more than one.
func TestAccurateMinorityBeatsCopyingMajority(t *testing.T) {
	l, truth := copyingMajority()
	a := analyze(t, l.yaml())
	r := resolve.Run(a, resolve.Options{})
	maj := resolve.Run(a, resolve.Options{Method: resolve.Majority})
	for tp := range 30 {
		topic := fmt.Sprintf("t%02d", tp)
		want := fmt.Sprint(truth(tp))
		if got := only(t, r, topic); got.Canonical != want {
			t.Errorf("%s: resolved %s (%.3f), want %s", topic, got.Canonical, got.Confidence, want)
		}
		// Majority vote falls for the copies: the test means something.
		if got := only(t, maj, topic).Canonical; tp < 10 && got == want {
			t.Errorf("%s: majority vote chose the truth; the copies should outvote it", topic)
		}
	}
	if !r.Converged {
		t.Errorf("no convergence in %d rounds", r.Iterations)
	}
	for c := 1; c < 5; c++ {
		s := r.Source(fmt.Sprintf("copy%d", c))
		if s == nil || len(s.Copies) == 0 {
			t.Fatalf("copy%d: no copying found: %+v", c, s)
		}
	}
	for _, id := range []string{"alpha", "bravo", "charlie"} {
		s := r.Source(id)
		if len(s.Copies) != 0 {
			t.Errorf("%s is independent but copies %+v", id, s.Copies)
		}
		if s.Accuracy < 0.8 || s.Accuracy <= r.Source("copy1").Accuracy {
			t.Errorf("%s: accuracy %.3f, copy1's %.3f", id, s.Accuracy, r.Source("copy1").Accuracy)
		}
	}
}

// Five outlets relaying one origin count once: two independent sources
// outweigh them.
func TestRelayedOriginCountsOnce(t *testing.T) {
	var l ledger
	for _, s := range []string{"alpha", "bravo", "origin", "out1", "out2", "out3", "out4", "out5"} {
		l.sources = append(l.sources, source(s))
	}
	l.claims = append(l.claims, "{topic: x, value: 10, source: alpha}", "{topic: x, value: 10, source: bravo}")
	for i := 1; i <= 5; i++ {
		l.claims = append(l.claims, fmt.Sprintf("{id: relay%d, topic: x, value: 20, source: origin, via: [out%d]}", i, i))
	}
	for _, m := range []resolve.Method{resolve.Accu, resolve.Majority} {
		r := run(t, l, resolve.Options{Method: m})
		v := only(t, r, "x")
		if v.Canonical != "10" || len(v.Origins) != 2 {
			t.Errorf("%s: resolved %s with %d origins, want 10 with 2", m, v.Canonical, len(v.Origins))
		}
		alt := v.Alternatives[0]
		if alt.Canonical != "20" || len(alt.Origins) != 1 || len(alt.Claims) != 5 {
			t.Errorf("%s: the relayed value: %+v, want 20 from 1 origin in 5 claims", m, alt)
		}
	}
}

// tieLedger holds ties of every kind: two sources of equal standing that
// disagree, on bools, text, numbers and dates, and a source whose two
// claims contradict each other.
func tieLedger() ledger {
	l := ledger{topics: []string{
		"  amount:\n    type: number\n    tolerance: 1%\n",
		"  when:\n    type: date\n",
	}}
	for _, s := range []string{"east", "west", "north", "south", "self"} {
		l.sources = append(l.sources, source(s))
	}
	l.claims = []string{
		"{id: e-flag, topic: flag, value: yes, source: east}",
		"{id: w-flag, topic: flag, value: no, source: west}",
		"{id: e-name, topic: name, value: Kyiv, source: east}",
		"{id: w-name, topic: name, value: Kiev, source: west}",
		"{id: n-name, topic: name, value: Kyjiw, source: north}",
		"{id: e-amount, topic: amount, value: '600,000', source: east}",
		"{id: w-amount, topic: amount, value: 700k, source: west}",
		"{id: n-amount, topic: amount, value: 'about 650,000', source: north}",
		"{id: s-amount, topic: amount, value: 'up to 800,000', source: south}",
		"{id: e-when, topic: when, value: 2025-11-27, source: east}",
		"{id: w-when, topic: when, value: 2025-11-28, source: west}",
		"{id: self-1, topic: both, value: '1', source: self}",
		"{id: self-2, topic: both, value: '2', source: self}",
		"{id: e-both, topic: both, value: '3', source: east}",
		"{id: w-both, topic: both, value: '3', source: west}",
	}
	return l
}

// fingerprint writes everything a result says, floats to the last bit,
// so that two results can be compared whole.
func fingerprint(r *resolve.Result) string {
	var b strings.Builder
	for _, v := range r.Values {
		var ids []string
		for _, i := range v.Claims {
			ids = append(ids, r.Ledger.Claims[i].ID)
		}
		fmt.Fprintf(&b, "%s|%s|%s|%s|%s|%x|%v|%v\n", v.Topic, v.Context, v.Moment, v.Value, v.Canonical,
			math.Float64bits(v.Confidence), ids, v.Origins)
		for _, a := range v.Alternatives {
			fmt.Fprintf(&b, "  %s|%s|%x|%v\n", a.Value, a.Canonical, math.Float64bits(a.Probability), a.Origins)
		}
	}
	for _, s := range r.Sources {
		fmt.Fprintf(&b, "%s %x %d", s.ID, math.Float64bits(s.Accuracy), s.Claims)
		for _, c := range s.Copies {
			fmt.Fprintf(&b, " %s:%x", c.From, math.Float64bits(c.Probability))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%d %v %d\n", r.Iterations, r.Converged, r.Ignored)
	return b.String()
}

// The same ledger gives the same answer, ties included, in any order of
// its claims and sources.
func TestShuffleGivesSameAnswer(t *testing.T) {
	for name, l := range map[string]ledger{"ties": tieLedger(), "copying": func() ledger { l, _ := copyingMajority(); return l }()} {
		t.Run(name, func(t *testing.T) {
			want := fingerprint(run(t, l, resolve.Options{}))
			rng := rand.New(rand.NewPCG(1, 2))
			for i := range 25 {
				s := l
				s.claims = append([]string(nil), l.claims...)
				s.sources = append([]string(nil), l.sources...)
				rng.Shuffle(len(s.claims), func(i, j int) { s.claims[i], s.claims[j] = s.claims[j], s.claims[i] })
				rng.Shuffle(len(s.sources), func(i, j int) { s.sources[i], s.sources[j] = s.sources[j], s.sources[i] })
				if got := fingerprint(run(t, s, resolve.Options{})); got != want {
					t.Fatalf("shuffle %d changed the result:\n%s\nwant:\n%s", i, got, want)
				}
			}
		})
	}
}

// Ties go the same documented way: the value more origins claim, then
// the canonical form in text order.
func TestTiesBreakByOriginsThenCanonical(t *testing.T) {
	r := run(t, tieLedger(), resolve.Options{})
	for topic, want := range map[string]string{"flag": "no", "name": "kiev", "when": "2025-11-27", "both": "3"} {
		if got := only(t, r, topic); got.Canonical != want {
			t.Errorf("%s: %s (%.4f), want %s", topic, got.Canonical, got.Confidence, want)
		}
	}
	flag := only(t, r, "flag")
	if flag.Confidence != flag.Alternatives[0].Probability {
		t.Errorf("flag: %v against %v is no tie", flag.Confidence, flag.Alternatives[0].Probability)
	}
}

// A value within the topic's tolerance supports; a vague claim is weak
// support for every value it fits.
func TestToleranceAndVagueSupport(t *testing.T) {
	l := ledger{topics: []string{"  army:\n    type: number\n    tolerance: 1%\n"}}
	for _, s := range []string{"a", "b", "c", "d"} {
		l.sources = append(l.sources, source(s))
	}
	l.claims = []string{
		"{topic: army, value: '600,000', source: a}",
		"{topic: army, value: '603,000', source: b}", // within 1%
		"{topic: army, value: '700,000', source: c}",
		"{topic: army, value: 'up to 650,000', source: d}", // fits 600,000 only
	}
	r := resolve.Run(analyze(t, l.yaml()), resolve.Options{Explain: func(string) bool { return true }})
	v := only(t, r, "army")
	if v.Canonical != "600000" || len(v.Origins) != 3 {
		t.Fatalf("resolved %s from %v, want 600000 from a, b and d", v.Canonical, v.Origins)
	}
	x := r.Explanations[0]
	hows := map[string]string{}
	for _, s := range x.Candidates[0].Support {
		hows[s.Origin] = fmt.Sprintf("%s %.3f", s.How, s.Fit)
	}
	if hows["a"] != "exact 1.000" || hows["b"] != "within tolerance 1.000" || !strings.HasPrefix(hows["d"], "vague 0.0") {
		t.Errorf("support: %v", hows)
	}

	// A vague claim alone is the value: nothing more precise was said.
	l.claims = []string{"{topic: army, value: 'up to 650,000', source: d}", "{topic: army, value: 'at least 900,000', source: c}"}
	r = run(t, l, resolve.Options{})
	if v := only(t, r, "army"); v.Canonical != "<=650000" && v.Canonical != ">=900000" {
		t.Errorf("vague only: %s", v.Canonical)
	}
}

// Placeholders support nothing, however many sources print them.
func TestPlaceholderSupportsNothing(t *testing.T) {
	var l ledger
	for _, s := range []string{"a", "b", "c", "d"} {
		l.sources = append(l.sources, source(s))
	}
	l.claims = []string{
		"{topic: author, value: Not Available, source: a}",
		"{topic: author, value: N/A, source: b}",
		"{topic: author, value: unknown, source: c}",
		"{topic: author, value: 'Knuth, Donald E.', source: d}",
	}
	r := run(t, l, resolve.Options{})
	if v := only(t, r, "author"); v.Value != "Knuth, Donald E." || v.Contested() {
		t.Errorf("resolved %q with alternatives %+v", v.Value, v.Alternatives)
	}
	if r.Ignored != 3 {
		t.Errorf("ignored %d claims, want the 3 placeholders", r.Ignored)
	}
	for _, raw := range []string{"Not Available", "n/a", "N.A.", "-", "?", "unknown"} {
		if v, _ := value.Parse(raw, value.Spec{Type: value.Text}); !resolve.IsPlaceholder(v) {
			t.Errorf("%q is not a placeholder", raw)
		}
	}
	if v, _ := value.Parse("Knuth", value.Spec{Type: value.Text}); resolve.IsPlaceholder(v) {
		t.Error("Knuth is a placeholder")
	}
}

// A denial lowers the confidence in what it denies, and a revised claim
// takes no part.
func TestDenialsAndRevisions(t *testing.T) {
	var l ledger
	for _, s := range []string{"a", "b"} {
		l.sources = append(l.sources, source(s))
	}
	l.claims = []string{"{topic: holder, value: Russia, source: a}"}
	alone := only(t, run(t, l, resolve.Options{}), "holder").Confidence
	l.claims = append(l.claims, "{topic: holder, value: Russia, denies: true, source: b}")
	denied := only(t, run(t, l, resolve.Options{}), "holder").Confidence
	if !(denied < alone) {
		t.Errorf("confidence %.3f with a denial, %.3f without", denied, alone)
	}

	l.claims = []string{
		"{id: old, topic: n, value: 5, source: a, date: 2025-01-01}",
		"{id: new, topic: n, value: 6, source: a, date: 2025-02-01}",
	}
	r := run(t, l, resolve.Options{})
	if v := only(t, r, "n"); v.Canonical != "6" || v.Contested() {
		t.Errorf("resolved %s, alternatives %+v; the revised 5 should take no part", v.Canonical, v.Alternatives)
	}
	if _, ok := r.ClaimProbability(0); ok {
		t.Error("the revised claim has a probability")
	}
	if p, ok := r.ClaimProbability(1); !ok || p < 0.5 {
		t.Errorf("the revision's probability: %v %v", p, ok)
	}
}

// Topics that change are judged moment by moment.
func TestMoments(t *testing.T) {
	l := ledger{topics: []string{"  share:\n    type: percent\n    changes: true\n"}}
	l.sources = []string{source("a"), source("b")}
	l.claims = []string{
		"{topic: share, value: 19%, source: a, as_of: 2025-11-20}",
		"{topic: share, value: 20%, source: b, as_of: 2025-12-20}",
	}
	r := run(t, l, resolve.Options{})
	for moment, want := range map[string]string{"2025-11-20": "19", "2025-12-20": "20"} {
		vs := r.Find("share", "", moment)
		if len(vs) != 1 || vs[0].Canonical != want || vs[0].Contested() {
			t.Errorf("as of %s: %+v, want %s alone", moment, vs, want)
		}
	}
}

// A ledger with nothing to choose between gives no values, and counts
// what it ignored.
func TestNothingToJudge(t *testing.T) {
	l := ledger{sources: []string{source("a")}, claims: []string{
		"{topic: t, value: x, source: a, denies: true}",
		"{topic: u, value: n/a, source: a}",
	}}
	r := run(t, l, resolve.Options{})
	if len(r.Values) != 0 || len(r.Sources) != 0 || r.Ignored != 2 {
		t.Errorf("%d values, %d sources, %d ignored; want none, none and 2", len(r.Values), len(r.Sources), r.Ignored)
	}
}

// An explanation names every vote, its weight and the copy discount
// with the sources it is discounted for.
func TestExplainShowsDiscounts(t *testing.T) {
	l, _ := copyingMajority()
	r := resolve.Run(analyze(t, l.yaml()), resolve.Options{Explain: func(topic string) bool { return topic == "t00" }})
	if len(r.Explanations) != 1 {
		t.Fatalf("%d explanations, want 1", len(r.Explanations))
	}
	x := r.Explanations[0]
	if len(x.Candidates) != 2 || x.Candidates[0].Canonical != "100" || x.WrongValues != 10 {
		t.Fatalf("explanation: %+v", x)
	}
	copies := x.Candidates[1]
	discounted := 0
	for _, s := range copies.Support {
		if want := s.Weight * s.Share * s.Fit * s.Discount; math.Abs(s.Score-want) > 1e-12 {
			t.Errorf("%s: score %v, want %v", s.Origin, s.Score, want)
		}
		if s.Discount < 0.5 {
			discounted++
			if len(s.DiscountedFor) == 0 {
				t.Errorf("%s is discounted to %.2f for nobody", s.Origin, s.Discount)
			}
		}
	}
	if len(copies.Support) != 5 || discounted != 4 {
		t.Errorf("%d votes for the copied value, %d of them discounted; want 5 and 4", len(copies.Support), discounted)
	}
	for _, s := range x.Candidates[0].Support {
		if s.Discount < 0.9 {
			t.Errorf("independent %s discounted to %.2f", s.Origin, s.Discount)
		}
	}
}
