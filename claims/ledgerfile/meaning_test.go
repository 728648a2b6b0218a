package ledgerfile

import (
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims/load"
)

// sameMeaning says what comparing Meanings says, without writing them.
func TestSameMeaningAgreesWithMeaning(t *testing.T) {
	const base = `ledger: 1
sources:
  a: {name: A, kind: outlet}
topics:
  t: {type: number}
claims:
  - {id: c1, topic: t, value: 5, source: a, date: 2025-01-01}
  - {topic: t, value: about 7, source: a, note: n}
`
	variants := []string{
		base,
		strings.Replace(base, "value: 5", "value: 6", 1),
		strings.Replace(base, "value: 5", "value: '5'", 1),
		strings.Replace(base, "note: n", "note: m", 1),
		strings.Replace(base, "id: c1, ", "", 1),
		strings.Replace(base, "name: A", "name: B", 1),
		strings.Replace(base, "  - {topic: t, value: about 7, source: a, note: n}\n", "", 1),
		strings.Replace(base, "about 7", "nearly 7", 1),
	}
	first := load.Bytes("x.yaml", []byte(base))
	for _, v := range variants {
		other := load.Bytes("x.yaml", []byte(v))
		diff, same := sameMeaning(first, other)
		if want := Meaning(first) == Meaning(other); same != want {
			t.Errorf("sameMeaning = %v (%s), Meaning says %v, for:\n%s", same, diff, want, v)
		}
		if !same && diff == "" {
			t.Errorf("no difference named for:\n%s", v)
		}
	}
}
