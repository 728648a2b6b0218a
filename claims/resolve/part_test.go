package resolve_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/gen"
)

// splitParts loads a YAML ledger whole, and again as a head with one
// part per group of claims, as a pipeline splits it.
func splitParts(t *testing.T, yaml []byte) (*claims.Analysis, []*claims.Analysis) {
	t.Helper()
	files := []load.File{{Name: "ledger.yaml", Data: yaml}}
	whole, err := load.Load(files, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	head, err := load.LoadHead(files, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	today := claims.Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	// The references of relative values come from the whole ledger.
	refs, have := map[string]value.Value{}, map[string]bool{}
	for i := range whole.Claims {
		c := &whole.Claims[i]
		refs[c.Topic], have[c.Topic] = claims.AddReference(refs[c.Topic], have[c.Topic], c)
	}
	for t := range refs {
		if !have[t] {
			delete(refs, t)
		}
	}
	partOpts := today
	partOpts.References = refs
	byGroup := map[claims.GroupKey][]claims.Claim{}
	var keys []claims.GroupKey
	for i := range whole.Claims {
		c := &whole.Claims[i]
		k := whole.GroupOf(c)
		if byGroup[k] == nil {
			keys = append(keys, k)
		}
		byGroup[k] = append(byGroup[k], *c)
	}
	var parts []*claims.Analysis
	for _, k := range keys {
		var buf bytes.Buffer
		if err := bulk.WriteJSONL(&buf, byGroup[k]); err != nil {
			t.Fatal(err)
		}
		l, err := head.Part([]load.File{{Name: "part.jsonl", Data: buf.Bytes()}})
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Problems) > 0 {
			t.Fatalf("part %q: %v", k, l.Problems[0].Error())
		}
		parts = append(parts, claims.Analyze(l, partOpts))
	}
	return claims.Analyze(whole, today), parts
}

// runParts runs the estimate part by part, as a pipeline does: each
// round's evidence summed over the parts, in no particular order.
func runParts(as []*claims.Analysis) (*resolve.State, []*resolve.Result) {
	parts := make([]*resolve.Part, len(as))
	var origins []string
	start := map[resolve.Pair]resolve.CopyEvidence{}
	merge := func(into map[resolve.Pair]resolve.CopyEvidence) func(resolve.Pair, resolve.CopyEvidence) {
		return func(pr resolve.Pair, ev resolve.CopyEvidence) {
			x := into[pr]
			x.Merge(ev)
			into[pr] = x
		}
	}
	// Last part first: sums must not depend on the order of the parts.
	for i := len(as) - 1; i >= 0; i-- {
		parts[i] = resolve.NewPart(as[i])
		origins = append(origins, parts[i].Origins()...)
		parts[i].Start(merge(start))
	}
	s := resolve.First(origins, start)
	for s.Rounds < resolve.DefaultMaxIterations && !s.Converged {
		evidence := map[string]resolve.Evidence{}
		copying := map[resolve.Pair]resolve.CopyEvidence{}
		for _, p := range parts {
			p.Round(s, func(o string, n, d int64) {
				ev := evidence[o]
				evidence[o] = resolve.Evidence{Num: ev.Num + n, Den: ev.Den + d}
			}, merge(copying))
		}
		s = s.Next(evidence, copying)
	}
	out := make([]*resolve.Result, len(parts))
	for i, p := range parts {
		out[i] = p.Result(s)
	}
	return s, out
}

// TestPartsGiveRunsAnswers holds the estimate run part by part to Run on
// the whole ledger: the same values, the same accuracies, the same
// copying, and the same number of rounds.
func TestPartsGiveRunsAnswers(t *testing.T) {
	var fusion bytes.Buffer
	if err := gen.NewFusion(gen.FusionOptions{Claims: 4000, Seed: 7}).YAML(&fusion); err != nil {
		t.Fatal(err)
	}
	for name, yaml := range map[string][]byte{"example": example.YAML, "fusion": fusion.Bytes()} {
		t.Run(name, func(t *testing.T) {
			whole, parts := splitParts(t, yaml)
			sameDisputes(t, whole, parts)
			want := resolve.Run(whole, resolve.Options{})
			s, got := runParts(parts)

			if s.Rounds != want.Iterations || s.Converged != want.Converged {
				t.Errorf("rounds %d converged %v, Run: %d %v", s.Rounds, s.Converged, want.Iterations, want.Converged)
			}
			for _, src := range want.Sources {
				if a := s.Accuracy[src.ID]; math.Abs(a-src.Accuracy) > 1e-9 {
					t.Errorf("accuracy of %s: parts %.12f, Run %.12f", src.ID, a, src.Accuracy)
				}
				for _, c := range src.Copies {
					pr := resolve.Pair{A: min(src.ID, c.From), B: max(src.ID, c.From)}
					if d := s.Copying[pr].Dependence(); math.Abs(d-c.Dependence) > 1e-9 {
						t.Errorf("dependence of %v: parts %.12f, Run %.12f", pr, d, c.Dependence)
					}
				}
			}
			var values []string
			for _, r := range got {
				for _, v := range r.Values {
					values = append(values, describe(r.Ledger, &v))
				}
			}
			slices.Sort(values)
			var wantValues []string
			for _, v := range want.Values {
				wantValues = append(wantValues, describe(want.Ledger, &v))
			}
			slices.Sort(wantValues)
			if len(wantValues) == 0 {
				t.Fatal("Run found no values to compare")
			}
			if !slices.Equal(values, wantValues) {
				for i := range min(len(values), len(wantValues)) {
					if values[i] != wantValues[i] {
						t.Fatalf("values differ (%d vs %d); first:\nparts %s\nRun   %s", len(values), len(wantValues), values[i], wantValues[i])
					}
				}
				t.Fatalf("parts found %d values, Run %d", len(values), len(wantValues))
			}
		})
	}
}

// describe is a value as the comparison sees it: everything but the
// claims' places in their ledgers, which differ between parts and the
// whole, with probabilities to nine decimals.
func describe(l *claims.Ledger, v *resolve.Value) string {
	ids := func(idx []int) string {
		out := make([]string, len(idx))
		for i, c := range idx {
			out[i] = l.Claims[c].ID
		}
		slices.Sort(out)
		return strings.Join(out, ",")
	}
	var b strings.Builder
	b.WriteString(strings.Join([]string{v.Topic, v.Context, v.Moment, v.Currency, v.Value, v.Canonical,
		fmt.Sprintf("%.9f", v.Confidence), fmt.Sprint(v.Thin), ids(v.Claims), strings.Join(v.Origins, ",")}, "|"))
	for _, a := range v.Alternatives {
		b.WriteString(" / " + strings.Join([]string{a.Value, a.Canonical, fmt.Sprintf("%.9f", a.Probability), ids(a.Claims)}, "|"))
	}
	return b.String()
}

// sameDisputes holds the disputes found part by part to those of the
// whole ledger: the engine judges each group on its own.
func sameDisputes(t *testing.T, whole *claims.Analysis, parts []*claims.Analysis) {
	t.Helper()
	encode := func(ds []claims.Dispute) []string {
		var out []string
		for _, d := range ds {
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
		return out
	}
	want := encode(whole.Disputes)
	var got []string
	for _, p := range parts {
		got = append(got, encode(p.Disputes)...)
	}
	slices.Sort(want)
	slices.Sort(got)
	if len(want) == 0 {
		t.Fatal("the whole ledger has no disputes to compare")
	}
	if !slices.Equal(got, want) {
		t.Fatalf("parts found %d disputes, the whole ledger %d; first of the parts':\n%s\nof the whole:\n%s", len(got), len(want), got[0], want[0])
	}
}
