package load

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/diag"
)

// lint's count of errors, what --skip-invalid leaves out and the errors
// left agree on every mix of rows, however the display cap falls: errors
// = skipped + left, the ledger is refused exactly when some are left, and
// no claim that could not be read stays.
func TestSkipAgreesWithLint(t *testing.T) {
	const head = `ledger: 1
sources:
  a: {name: A, kind: outlet}
  b: {name: B, kind: outlet}
topics:
  n: {type: number}
  "*.at": {type: datetime, zone: America/New_York}
`
	kinds := []func(i int) string{
		func(i int) string { return fmt.Sprintf("n,%d,a,2025-01-01,", i) },             // fine
		func(i int) string { return fmt.Sprintf("w%d.at,12/01/2011 01:55 PM,a,,", i) }, // two warnings
		func(i int) string { return fmt.Sprintf("n,lots%d,b,2025-01-01,", i) },         // bad-value
		func(i int) string { return "n,5,b,someday," },                                 // bad-date
		func(i int) string { return "n,5,b,2025-01-01,maybe" },                         // denies
		func(i int) string { return "n,,b,2025-01-01," },                               // missing-field
		func(i int) string { return "n,5,nobody,2025-01-01," },                         // unknown source
		func(i int) string { return "n,lots,nobody,someday,maybe" },                    // all at once
	}
	rng := rand.New(rand.NewPCG(25, 1))
	for round := range 60 {
		files := []File{{Name: "head.yaml", Data: []byte(head)}}
		var yaml strings.Builder
		yaml.WriteString("claims:\n")
		for f := range 1 + rng.IntN(3) {
			var csv strings.Builder
			csv.WriteString("topic,value,source,date,denies\n")
			for i := range rng.IntN(260) {
				// Runs of one kind, so that the cap falls in any of them.
				kind := kinds[(i/(1+rng.IntN(80))+f)%len(kinds)]
				if round%3 != 0 && kind(0) == kinds[6](0) {
					kind = kinds[0] // most rounds have no ledger error
				}
				csv.WriteString(kind(i) + "\n")
			}
			files = append(files, File{Name: fmt.Sprintf("f%d.csv", f), Data: []byte(csv.String())})
		}
		for i := range rng.IntN(150) {
			switch i % 3 {
			case 0:
				fmt.Fprintf(&yaml, "  - {topic: n, value: %d, source: a}\n", i)
			case 1:
				yaml.WriteString("  - {topic: n, value: 5, source: a, denies: maybe}\n")
			default:
				yaml.WriteString("  - {topic: n, value: lots, source: a, date: soon}\n")
			}
		}
		files = append(files, File{Name: "more.yaml", Data: []byte(yaml.String())})
		l, err := Load(files, Options{})
		if err != nil {
			t.Fatal(err)
		}
		lintErrors, _ := diag.Count(append(l.Problems, Warnings(l)...))
		unread := 0
		for _, c := range l.Claims {
			if c.Unread {
				unread++
			}
		}
		before := len(l.Claims)
		s := SkipUnread(l)
		left, _ := diag.Count(l.Problems)
		if lintErrors != s.Claims+left {
			t.Errorf("round %d: lint counts %d errors; skipped %d, left %d", round, lintErrors, s.Claims, left)
		}
		if diag.HasErrors(l.Problems, false) != (left > 0) {
			t.Errorf("round %d: refused %v with %d errors left", round, diag.HasErrors(l.Problems, false), left)
		}
		if before-len(l.Claims) != unread || s.Claims < unread {
			t.Errorf("round %d: %d claims unread, %d left out, %d skipped", round, unread, before-len(l.Claims), s.Claims)
		}
		for _, c := range l.Claims {
			if c.Unread || c.Value.Type == "" && c.Value.Ref == "" && !c.NoValue && c.Source != "nobody" {
				t.Errorf("round %d: claim at %s stays unread", round, c.Pos)
				break
			}
		}
		if n := countCode(l.Problems, "unknown-source"); round%3 == 0 && n == 0 && hasKind(files, "nobody") {
			t.Errorf("round %d: the unknown source was skipped", round)
		}
	}
}

func countCode(ps []diag.Problem, code string) int {
	n := 0
	for _, p := range ps {
		if p.Code == code {
			n++
		}
	}
	return n
}

func hasKind(files []File, s string) bool {
	for _, f := range files {
		if strings.Contains(string(f.Data), s) {
			return true
		}
	}
	return false
}
