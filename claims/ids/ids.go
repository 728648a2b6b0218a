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
	if s == "" || len(s) > 200 || idByte[s[0]] != alnum {
		return false
	}
	for i := 1; i < len(s); i++ {
		if idByte[s[i]] == 0 {
			return false
		}
	}
	return true
}

// idByte classes the bytes an id may hold; every byte of a multi-byte
// character is 0. A table, as each of a million claims checks its ids.
var idByte = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			t[c] = alnum
		case strings.IndexByte("._/-", byte(c)) >= 0:
			t[c] = punct
		}
	}
	return t
}()

const (
	alnum = 1
	punct = 2
)
