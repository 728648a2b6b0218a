// Package ids holds the rule for ledger ids (of sources, topics and
// claims), shared by the ledger loader and the readers of assertions so
// both accept exactly the same names.
package ids

import "strings"

// Rule says the rule in words, for messages.
const Rule = "may hold only letters, digits and . _ / - and must start with a letter or digit"

// Valid reports whether s may be an id: letters, digits and . _ / -,
// starting with a letter or digit, at most 200 bytes. The limits keep ids
// safe in file names, globs, Markdown links and every output format.
func Valid(s string) bool {
	if s == "" || len(s) > 200 {
		return false
	}
	for i, c := range s {
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || !strings.ContainsRune("._/-", c)) {
			return false
		}
	}
	return true
}
