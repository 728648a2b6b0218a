// Package namelist reads lists of people or organisations, as
// bookstores, registries and bylines write them, and compares them as
// sets of names.
package namelist

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// A list is read as bookstores, registries and bylines write it:
// "Knuth, Donald E.; Patashnik, Oren", "Donald E. Knuth and Oren
// Patashnik", "Knuth, Donald E., Patashnik, Oren", "D. E. Knuth", "Knuth". It is read into a set of
// names, each a surname and given names folded to lower-case ASCII
// letters, so that order, case, accents, punctuation and the order of
// surname and given names do not count. Canonical writes the set in
// canonical form: names sorted, each "surname, given names", initials with a dot,
// joined with "; ": "knuth, donald e.; patashnik, oren".
//
// Names are compared by compatibility, not spelling: two names are the
// same person when their surnames are equal and their given names agree
// as far as both go, an initial agreeing with any name it starts ("D. E.
// Knuth", "Donald Knuth" and "Donald Ervin Knuth" are all compatible with
// "Knuth, Donald E."; "Knuth" alone with any Knuth). Two lists meet when
// one is a subset of the other, name by name (Subset): a store that
// lists only the first author is vague, not wrong.

// person is one name of a list: a surname and given names, or an
// organisation's whole name as its surname.
type person struct {
	last  string
	given []string
}

func (p person) String() string {
	if len(p.given) == 0 {
		return p.last
	}
	var b strings.Builder
	b.WriteString(p.last)
	b.WriteString(",")
	for _, g := range p.given {
		b.WriteByte(' ')
		b.WriteString(g)
		if utf8.RuneCountInString(g) == 1 {
			b.WriteByte('.')
		}
	}
	return b.String()
}

// MaxLen bounds a list of names: a paper's thousands of authors fit in
// it, and garbage costs little.
const MaxLen = 1 << 17

// Canonical reads a list of names into its canonical form: its names
// sorted, each "surname, given names", joined with "; ".
func Canonical(raw string) (string, error) {
	if len(raw) > MaxLen {
		return "", fmt.Errorf("%s is too long to be a list of names", lex.Quote(raw))
	}
	ps := readNames(raw)
	if len(ps) == 0 {
		return "", fmt.Errorf("%s is not a list of names", lex.Quote(raw))
	}
	return canonicalNames(ps), nil
}

func canonicalNames(ps []person) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.String()
	}
	slices.Sort(names)
	names = slices.Compact(names)
	return strings.Join(names, "; ")
}

// Subset reports whether every name of the canonical list a is a name
// of b, each matched to a different one, where names match as the
// package doc says (surnames equal, given names agreeing, initials
// agreeing with what they start).
func Subset(a, b string) bool {
	return subsetOf(atomPeople(a), atomPeople(b))
}

// Meet reports whether two canonical lists may name the same people: one
// is a subset of the other.
func Meet(a, b string) bool {
	if a == b {
		return true
	}
	pa, pb := atomPeople(a), atomPeople(b)
	return subsetOf(pa, pb) || subsetOf(pb, pa)
}

// atomPeople reads a canonical atom back into its names.
func atomPeople(atom string) []person {
	if atom == "" {
		return nil
	}
	var ps []person
	for n := range strings.SplitSeq(atom, "; ") {
		last, given, _ := strings.Cut(n, ", ")
		p := person{last: last}
		for g := range strings.FieldsSeq(given) {
			p.given = append(p.given, strings.TrimSuffix(g, "."))
		}
		ps = append(ps, p)
	}
	return ps
}

// subsetOf finds a matching of every name of a to a distinct compatible
// name of b, by augmenting paths: a greedy match could pair "Knuth" with
// the wrong Knuth. Only names with the same surname are candidates, so
// that a paper's thousand authors cost little more than a book's three.
func subsetOf(a, b []person) bool {
	if len(a) > len(b) {
		return false
	}
	bySurname := make(map[string][]int, len(b))
	for j, p := range b {
		k := squash(p.last)
		bySurname[k] = append(bySurname[k], j)
	}
	owner := make([]int, len(b)) // owner[j] is the name of a matched to b[j], or -1
	seen := make([]int, len(b))  // seen[j] == round+1: b[j] was tried in this round
	for j := range owner {
		owner[j] = -1
	}
	round := 0
	var try func(i int) bool
	try = func(i int) bool {
		for _, j := range bySurname[squash(a[i].last)] {
			if seen[j] == round+1 || !samePerson(a[i], b[j]) {
				continue
			}
			seen[j] = round + 1
			if owner[j] < 0 || try(owner[j]) {
				owner[j] = i
				return true
			}
		}
		return false
	}
	for i := range a {
		if !try(i) {
			return false
		}
		round++
	}
	return true
}

// samePerson reports whether two names may be the same person: equal
// surnames (hyphens and spaces aside) and given names that agree as far
// as both go.
func samePerson(a, b person) bool {
	if squash(a.last) != squash(b.last) {
		return false
	}
	for i := range min(len(a.given), len(b.given)) {
		x, y := a.given[i], b.given[i]
		if x == y {
			continue
		}
		rx, nx := utf8.DecodeRuneInString(x)
		ry, ny := utf8.DecodeRuneInString(y)
		if rx != ry || nx != len(x) && ny != len(y) {
			return false
		}
	}
	return true
}

func squash(s string) string {
	if !strings.ContainsAny(s, " -") {
		return s
	}
	return strings.NewReplacer(" ", "", "-", "").Replace(s)
}
