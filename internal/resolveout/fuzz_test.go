package resolveout

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/disputedout"
	"github.com/claimdiff/claimdiff/internal/render"
)

var fuzzTypes = []string{"number", "text", "date", "datetime", "percent", "money", "duration", "bool"}

// FuzzResolveOutputs runs the estimator and every writer on small
// ledgers of fuzzed values: nothing panics, probabilities stay in [0, 1],
// machine formats parse, and text carries no control characters.
func FuzzResolveOutputs(f *testing.F) {
	for _, s := range [][3]string{
		{"600,000", "about 600,000", "up to 500,000"},
		{"Knuth, Donald E.", "not available", "\x1b]0;x\x07\u202e=cmd|' /C calc'!A0"},
		{"2025-11-27", "2025-11", "before 2025-12-01"},
		{"2011-12-01 19:07 UTC", "after 2011-12-01 20:00 UTC", "2011-12-01T14:07:00-05:00"},
		{"yes", "no", "::error::x\n##[group]"},
	} {
		for typ := range uint8(len(fuzzTypes)) {
			f.Add(s[0], s[1], s[2], typ)
		}
	}
	f.Fuzz(func(t *testing.T, v1, v2, v3 string, typ uint8) {
		q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
		yaml := fmt.Sprintf(`ledger: 1
sources:
  a: {name: A}
  b: {name: B}
  c: {name: C, via: [a]}
topics:
  x: {type: %s}
claims:
  - {topic: x, value: %s, source: a}
  - {topic: x, value: %s, source: b, context: {k: %s}}
  - {topic: x, value: %s, source: c, denies: %v}
  - {topic: x, value: %s, source: b}
`, fuzzTypes[int(typ)%len(fuzzTypes)], q(v1), q(v2), q(v1), q(v3), typ%2 == 1, q(v3))
		l := load.Bytes("fuzz.yaml", []byte(yaml))
		if diag.HasErrors(l.Problems, false) {
			return
		}
		a := claims.Analyze(l, claims.Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		r := resolve.Run(a, resolve.Options{Explain: func(string) bool { return true }})
		for _, v := range r.Values {
			if !(v.Confidence >= 0 && v.Confidence <= 1) {
				t.Fatalf("confidence %v", v.Confidence)
			}
			for _, alt := range v.Alternatives {
				if !(alt.Probability >= 0 && alt.Probability <= v.Confidence+1e-9) {
					t.Fatalf("alternative %v against %v", alt.Probability, v.Confidence)
				}
			}
		}
		for _, s := range r.Sources {
			if math.IsNaN(s.Accuracy) || s.Accuracy < 0 || s.Accuracy > 1 {
				t.Fatalf("accuracy %v", s.Accuracy)
			}
		}
		var js, jl, cs, tx, xt, xj bytes.Buffer
		st := render.NewStyles(&tx, false)
		for _, err := range []error{JSON(&js, r, r.Values, disputedout.LedgerJSON{}, nil), JSONL(&jl, r, r.Values), CSV(&cs, r, r.Values),
			Text(&tx, st, r, r.Values), ExplainText(&xt, st, r), ExplainJSON(&xj, r)} {
			if err != nil {
				t.Fatal(err)
			}
		}
		for name, b := range map[string][]byte{"json": js.Bytes(), "explain json": xj.Bytes()} {
			if !json.Valid(b) {
				t.Fatalf("%s is not JSON:\n%s", name, b)
			}
		}
		for _, line := range strings.Split(strings.TrimSuffix(jl.String(), "\n"), "\n") {
			if line != "" && !json.Valid([]byte(line)) {
				t.Fatalf("jsonl line is not JSON: %s", line)
			}
		}
		if _, err := csv.NewReader(&cs).ReadAll(); err != nil {
			t.Fatalf("csv: %v", err)
		}
		for name, b := range map[string][]byte{"text": tx.Bytes(), "explain": xt.Bytes()} {
			for _, r := range string(b) {
				if r != '\n' && (r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069) {
					t.Fatalf("%s holds %U:\n%q", name, r, b)
				}
			}
			if !utf8.Valid(b) {
				t.Fatalf("%s is not UTF-8", name)
			}
		}
	})
}
