package value

import (
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/namelist"
)

// Names values are read and compared by package namelist; see there
// what makes two lists the same people.

// parseNames reads a names value; see Names.
func parseNames(raw string) (Value, error) {
	atom, err := namelist.Canonical(raw)
	return Value{Raw: raw, Type: Names, Atom: atom}, err
}

// ParseNames reads a list of names into its canonical names, sorted:
// "Donald E. Knuth and Oren Patashnik" is ["knuth, donald e.",
// "patashnik, oren"]. It is what Parse does for a names topic, for
// callers that hold names outside a claim (a gold list, a resolved
// value).
func ParseNames(raw string) ([]string, error) {
	v, err := parseNames(raw)
	if err != nil {
		return nil, err
	}
	return NameList(v), nil
}

// NameList is the canonical names of a names value, sorted; nil for a
// value of another type.
func NameList(v Value) []string {
	if v.Type != Names || v.Atom == "" {
		return nil
	}
	return strings.Split(v.Atom, "; ")
}

// NamesSubset reports whether every name of a is a name of b, each
// matched to a different one, where names match as package namelist
// says (surnames equal, given names agreeing, initials agreeing with
// what they start). Both must be names values.
func NamesSubset(a, b Value) bool {
	if a.Type != Names || b.Type != Names {
		return false
	}
	return namelist.Subset(a.Atom, b.Atom)
}
