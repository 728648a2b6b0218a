package claims_test

import (
	"slices"
	"testing"
)

// An author list agrees with any list it is part of; a list that is part
// of two conflicting lists is vague, not a third side.
func TestNamesPositions(t *testing.T) {
	a := analyze(t, `ledger: 1
sources:
  a: {name: A, kind: outlet}
  b: {name: B, kind: outlet}
  c: {name: C, kind: outlet}
  d: {name: D, kind: outlet}
  e: {name: E, kind: outlet}
topics:
  book.authors: {type: names}
claims:
  - {id: a, topic: book.authors, value: "Knuth, Donald E.; Patashnik, Oren", source: a, date: 2025-01-01}
  - {id: b, topic: book.authors, value: "Donald E. Knuth and Oren Patashnik", source: b, date: 2025-01-01}
  - {id: c, topic: book.authors, value: "Patashnik", source: c, date: 2025-01-01}
  - {id: d, topic: book.authors, value: "Knuth, Donald; Graham, Ronald", source: d, date: 2025-01-01}
  - {id: e, topic: book.authors, value: "Knuth", source: e, date: 2025-01-01}
`)
	if len(a.Disputes) != 1 {
		t.Fatalf("%d disputes, want 1", len(a.Disputes))
	}
	ps, vague := positionsOf(&a.Disputes[0])
	if len(ps) != 2 {
		t.Fatalf("positions %q", ps)
	}
	want := map[string]bool{"a b c": true, "d": true}
	for _, p := range a.Disputes[0].Positions {
		ids := slices.Clone(p.Claims)
		slices.Sort(ids)
		key := ""
		for i, id := range ids {
			if i > 0 {
				key += " "
			}
			key += id
		}
		if !want[key] {
			t.Errorf("unexpected position %s: %v", p.Common, ids)
		}
	}
	if len(vague) != 1 || a.Disputes[0].Vague[0].Claim != "e" {
		t.Errorf("vague %q, want e fitting both", vague)
	}
}
