package namelist

import (
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// readNames splits a list into its names. Separators that can only part
// names come first (; / | : ~, and, &, with, by, parentheses, which hold
// roles such as "(Author)"); commas then either part names or part a
// surname from given names, as the shapes around them say (see
// commaNames).
func readNames(raw string) []person {
	s := raw
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s) // "Aho &amp; Lam", "E&oacute;in"
	}
	s = unglue(s)
	var out []person
	for _, piece := range hardPieces(s) {
		out = append(out, andNames(piece)...)
	}
	return out
}

// unglue parts names that a feed printed without a separator, a word
// running into the next name's capital: "Sedgewick, RobertFlajolet,
// Philippe" is "Sedgewick, Robert; Flajolet, Philippe", and a "BR" left
// from a line break ("GeorgeBRDollimore") parts them too. Surnames with
// an inner capital keep it: the part before must be three letters or
// more and not a prefix such as Mac, Van or Fitz ("McManus", "LeBlanc",
// "MacLennan").
func unglue(s string) string {
	var out strings.Builder
	last, start := 0, 0 // s[:last] is written; the current word starts at start
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isASCIILetter(c) {
			start = i + 1
			continue
		}
		if strings.HasPrefix(s[i:], "BR") && s[i-1] == '.' && i+3 < len(s) && isUpper(s[i+2]) && isLower(s[i+3]) {
			// "Dann, Wanda P.BRCooper, Stephen"
			out.WriteString(s[last:i])
			out.WriteString("; ")
			last, start, i = i+2, i+2, i+2
			continue
		}
		if !isLower(s[i-1]) || !isUpper(c) || i-start < 3 || gluePrefix(s[start:i]) {
			continue
		}
		next := i // where the next name starts
		if strings.HasPrefix(s[i:], "BR") && i+3 < len(s) && isUpper(s[i+2]) && isLower(s[i+3]) {
			next = i + 2
		}
		if next+1 >= len(s) || !isLower(s[next+1]) {
			continue
		}
		out.WriteString(s[last:i])
		out.WriteString("; ")
		last, start, i = next, next, next
	}
	if last == 0 {
		return s
	}
	out.WriteString(s[last:])
	return out.String()
}

func isASCIILetter(c byte) bool { return isLower(c) || isUpper(c) }
func isLower(c byte) bool       { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool       { return 'A' <= c && c <= 'Z' }

func gluePrefix(w string) bool {
	switch strings.ToLower(w) {
	case "mac", "van", "von", "fitz", "des", "del", "dal", "della", "san", "ten", "ter":
		return true
	}
	return false
}

// hardPieces splits s at ; / | : ~, line breaks, tabs and parentheses or
// brackets, dropping what the parentheses hold.
func hardPieces(s string) []string {
	var pieces []string
	depth, start := 0, 0
	flush := func(end int) {
		if depth == 0 {
			if p := strings.TrimSpace(s[start:end]); p != "" {
				pieces = append(pieces, p)
			}
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[', '{':
			flush(i)
			depth++
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
			start = i + 1
		case ';', '/', '|', ':', '~', '\n', '\r', '\t':
			flush(i)
			start = i + 1
		default:
			continue
		}
		if depth > 0 {
			start = i + 1
		}
	}
	flush(len(s))
	return pieces
}

// andNames reads a piece between hard separators, which may still join
// names with words: "A and B", "A & B", "A with B", "By A", "A et al".
// When the last of several such parts has no comma and the others do
// ("Donald E. Knuth, Ronald Graham and Oren Patashnik"), the commas
// part names as in a serial list, if every name around them has the
// last one's shape (full names, or surnames alone), or if a comma comes
// right before the "and".
func andNames(piece string) []person {
	var parts []string
	var cur []string
	words := strings.Fields(piece)
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(words[i])
		switch {
		case w == "and" || w == "&" || w == "with" || w == "by" || w == "+" || w == "und" ||
			w == "et" && !(i+1 < len(words) && strings.HasPrefix(strings.ToLower(words[i+1]), "al")):
		case w == "et" && i+1 < len(words) && strings.HasPrefix(strings.ToLower(words[i+1]), "al"):
			i++
		case w == "et.al." || w == "etal" || w == "et.al":
		default:
			cur = append(cur, words[i])
			continue
		}
		if len(cur) > 0 {
			parts = append(parts, strings.Join(cur, " "))
			cur = nil
		}
	}
	if len(cur) > 0 {
		parts = append(parts, strings.Join(cur, " "))
	}
	if len(parts) == 2 {
		// "Campbell, Dave and Mary": two people who share a surname.
		l, r := strings.Split(parts[0], ","), nameTokens(parts[1])
		if len(l) == 2 && len(r) == 1 && len(nameTokens(l[0])) == 1 && len(nameTokens(l[1])) == 1 {
			last := nameTokens(l[0])
			return []person{surnameFirst(last, nameTokens(l[1])), surnameFirst(last, r)}
		}
	}
	if len(parts) > 1 && serial(parts) {
		var out []person
		for _, p := range parts {
			for _, q := range strings.Split(p, ",") {
				if t := nameTokens(q); len(t) > 0 && !roleOnly(t) {
					out = append(out, wholeNames(t)...)
				}
			}
		}
		return out
	}
	var out []person
	for _, p := range parts {
		out = append(out, commaNames(p)...)
	}
	return out
}

// serial reports whether parts, split at "and", are a serial list whose
// commas part names: "A, B and C", "A, B, and C".
func serial(parts []string) bool {
	last := parts[len(parts)-1]
	if strings.Contains(last, ",") {
		return false
	}
	lt := nameTokens(last)
	want := fullName(lt)
	if !want && len(lt) != 1 {
		return false
	}
	commas := false
	for _, p := range parts[:len(parts)-1] {
		if !strings.Contains(p, ",") {
			continue
		}
		commas = true
		if strings.HasSuffix(strings.TrimSpace(p), ",") {
			return true // the serial comma: "A, B, and C"
		}
		for _, q := range strings.Split(p, ",") {
			t := nameTokens(q)
			if len(t) == 0 {
				continue
			}
			if fullName(t) != want || !want && len(t) != 1 {
				return false
			}
		}
	}
	return commas
}

// commaNames reads a piece whose commas may part a surname from given
// names, or names from each other:
//
//   - one comma: "Knuth, Donald E." is a surname and given names, unless
//     both sides are full names ("Paul Yao, David Durant");
//   - more, all full names: "Alfred V. Aho, Jeffrey D. Ullman, Ravi
//     Sethi";
//   - more, a surname first and full names between: names run together
//     without a separator, as some feeds print them ("Cengel, Yunus A.
//     Turner, Robert H." is Cengel, Yunus A. and Turner, Robert H.);
//   - otherwise surnames and given names in turn ("Knuth, Donald E.,
//     Patashnik, Oren"), a full name standing alone where a surname
//     would be ("Knuth, Donald E., Oren Patashnik").
//
// Suffixes such as "Jr." are dropped wherever they stand.
func commaNames(piece string) []person {
	var parts [][]string
	for q := range strings.SplitSeq(piece, ",") {
		t := nameTokens(q)
		for len(t) > 1 && isSuffix(t[len(t)-1]) {
			t = t[:len(t)-1]
		}
		if len(t) > 0 && !(len(t) == 1 && isSuffix(t[0])) && !roleOnly(t) {
			parts = append(parts, t)
		}
	}
	// An organisation is a name of its own wherever it stands, with the
	// legal form that follows it ("Triad Interactive, Inc.").
	var out []person
	keep := parts[:0]
	for i, p := range parts {
		switch {
		case legalForm(p) && len(keep) > 0 && i > 0:
			keep[len(keep)-1] = append(keep[len(keep)-1], p...)
		default:
			keep = append(keep, p)
		}
	}
	parts = keep[:0]
	for _, p := range keep {
		if isOrganisation(p) {
			out = append(out, person{last: strings.Join(p, " ")})
		} else {
			parts = append(parts, p)
		}
	}
	n := len(parts)
	switch {
	case n == 0:
		return out
	case n == 1:
		return append(out, wholeNames(parts[0])...)
	case n == 2 && isInitial(parts[0][len(parts[0])-1]) && len(parts[1]) == 1 && !isInitial(parts[1][0]):
		// "Charles T., Betz": a surname never ends with an initial.
		return append(out, surnameFirst(parts[1], parts[0]))
	case n == 2 && !(fullName(parts[0]) && fullName(parts[1])):
		return append(out, surnameFirst(parts[0], parts[1]))
	}
	all, chain := true, surnameOnly(parts[0])
	for i, p := range parts {
		all = all && fullName(p)
		if i > 0 && i < n-1 {
			chain = chain && len(p) >= 2 && !isInitial(p[len(p)-1])
		}
	}
	switch {
	case all:
		for _, p := range parts {
			out = append(out, wholeNames(p)...)
		}
	case chain:
		last := parts[0]
		for _, p := range parts[1 : n-1] {
			out = append(out, surnameFirst(last, p[:len(p)-1]))
			last = p[len(p)-1:]
		}
		out = append(out, surnameFirst(last, parts[n-1]))
	default:
		for i := 0; i < n; {
			if surnameOnly(parts[i]) && i+1 < n {
				out = append(out, surnameFirst(parts[i], parts[i+1]))
				i += 2
				continue
			}
			out = append(out, wholeNames(parts[i])...)
			i++
		}
	}
	return out
}

// fullName reports whether t is a name in given-names-first order with
// a surname that is more than an initial: "Donald E. Knuth", "D. Knuth".
// A lone surname is not.
func fullName(t []string) bool {
	t = withoutParticles(t)
	return len(t) >= 2 && !isInitial(t[len(t)-1])
}

func isInitial(w string) bool { return utf8.RuneCountInString(w) == 1 }

// surnameOnly reports whether t is a surname alone: one word after any
// particles ("Knuth", "De Clercq", "van der Aalst").
func surnameOnly(t []string) bool {
	return len(withoutParticles(t)) == 1
}

func withoutParticles(t []string) []string {
	for len(t) > 1 && isParticle(t[0]) {
		t = t[1:]
	}
	return t
}

// wholeNames reads what should be one name written given names first,
// but may be several run together without a separator, as some feeds
// print them: after a middle initial and a surname, more words start
// another name of two words or more ("Paul W. Abrahams Bruce R.
// Larson", not "Dorothy E. Robling Denning"), and six or more
// plain words with no initial or particle are read as first name and
// surname in turn ("Mark Dowd John McDonald Justin Schuh"). Four or five
// words stay one name: "John Ronald Reuel Tolkien".
func wholeNames(t []string) []person {
	for i := 1; i+3 < len(t); i++ {
		if isInitial(t[i]) && !isInitial(t[i-1]) && !isInitial(t[i+1]) && !isParticle(t[i+1]) && !isSuffix(t[i+2]) {
			return append([]person{wholeName(t[:i+2])}, wholeNames(t[i+2:])...)
		}
	}
	if len(t) >= 6 && len(t)%2 == 0 && !slices.ContainsFunc(t, func(w string) bool { return isInitial(w) || isParticle(w) || isTitle(w) }) {
		var out []person
		for i := 0; i < len(t); i += 2 {
			out = append(out, wholeName(t[i:i+2]))
		}
		return out
	}
	return []person{wholeName(t)}
}

// wholeName reads a name written given names first: "Donald E. Knuth",
// "Jan De Clercq" (a particle belongs to the surname), or a surname
// alone.
func wholeName(t []string) person {
	t = withoutTitles(t)
	if len(t) == 1 {
		return person{last: t[0]}
	}
	if isInitial(t[len(t)-1]) && !isInitial(t[0]) {
		// "Snader Jon C": a surname is never an initial, so this one is
		// written surname first without its comma.
		return surnameFirst(t[:1], t[1:])
	}
	k := len(t) - 1
	for k > 1 && isParticle(t[k-1]) {
		k--
	}
	return person{last: strings.Join(t[k:], " "), given: t[:k]}
}

// surnameFirst reads "Knuth, Donald E.": the surname, then given names.
// Particles written after the given names belong to the surname
// ("Clercq, Jan De" is Jan De Clercq).
func surnameFirst(last, given []string) person {
	given = withoutTitles(given)
	if len(last) == 0 {
		return wholeName(given)
	}
	k := len(given)
	for k > 1 && isParticle(given[k-1]) { // "Kelley, Al" keeps Al
		k--
	}
	last = append(slices.Clone(given[k:]), last...)
	p := person{last: strings.Join(last, " ")}
	if k > 0 {
		p.given = given[:k]
	}
	return p
}

func withoutTitles(t []string) []string {
	for len(t) > 1 && isTitle(t[0]) {
		t = t[1:]
	}
	return t
}

// nameTokens folds one name, or one side of a comma, into words: lower
// case, accents and apostrophes dropped, a dot parting initials ("J.N."
// is j n, "W.Richard" is w richard), hyphens kept inside a word
// ("conry-murray"). Anything else that is not a letter parts words.
func nameTokens(s string) []string {
	var t []string
	var b strings.Builder
	end := func() {
		w := strings.Trim(b.String(), "-")
		if w != "" {
			t = append(t, w)
		}
		b.Reset()
	}
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '`' || r == '´':
		case r == '-' || r == '‐' || r == '‑' || r == '_':
			b.WriteByte('-')
		case unicode.IsLetter(r):
			foldLetter(&b, unicode.ToLower(r))
		case unicode.IsMark(r):
		default:
			end()
		}
	}
	end()
	return t
}

// letterFolds are the Latin letters that have no accent for NFD to
// split off but that bookstores which cannot print them write with
// other letters; a lower-case letter that is neither here nor split by
// NFD stays as it is (ĸ, ə).
var letterFolds = map[rune]string{
	'đ': "d", 'ð': "d", 'ħ': "h", 'ı': "i", 'ŀ': "l", 'ł': "l", 'ŉ': "n", 'ŋ': "n",
	'ø': "o", 'ŧ': "t", 'ſ': "s",
	'ß': "ss", 'æ': "ae", 'þ': "th", 'œ': "oe", 'ĳ': "ij",
}

// foldLetter writes r, a lower-case letter, without its accents:
// "Stützle" is stutzle, "Eóin" eoin, "Nguyễn" nguyen, "Łukasz" lukasz,
// as bookstores that cannot print accents write them. Only Latin letters
// are folded: a Greek or a Japanese letter's marks tell it from another
// letter, not a spelling from its ASCII form.
func foldLetter(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		b.WriteByte(byte(r))
		return
	}
	if f, ok := letterFolds[r]; ok {
		b.WriteString(f)
		return
	}
	var buf [32]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Append(buf[n:n], buf[:n]...)
	if base, size := utf8.DecodeRune(d); size == len(d) || !unicode.Is(unicode.Latin, base) {
		b.WriteRune(r)
		return
	}
	for _, x := range string(d) {
		if !unicode.IsMark(x) {
			b.WriteRune(x)
		}
	}
}

func isParticle(w string) bool {
	switch w {
	case "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das",
		"ter", "ten", "bin", "ibn", "al", "el", "st", "mac":
		return true
	}
	return false
}

func isSuffix(w string) bool {
	switch w {
	case "jr", "sr", "ii", "iii", "iv", "phd", "md", "esq":
		return true
	}
	return false
}

// roleOnly reports whether t only says what a name did, as feeds write
// beside names: "Editor:", "(Author)", "- ed.".
func roleOnly(t []string) bool {
	for _, w := range t {
		switch w {
		case "author", "authors", "editor", "editors", "ed", "eds", "edt", "translator", "trans", "illustrator",
			"contributor", "compiler", "foreword", "introduction", "joint", "with", "by":
		default:
			return false
		}
	}
	return true
}

func isTitle(w string) bool {
	switch w {
	case "dr", "prof", "professor", "mr", "mrs", "ms", "sir", "dame":
		return true
	}
	return false
}

// isOrganisation reports whether a name is an organisation's, which has
// no surname to reorder: "Triad Interactive Inc", "Microsoft Press".
func isOrganisation(t []string) bool {
	return slices.ContainsFunc(t, func(w string) bool {
		switch w {
		case "corporation", "company", "press", "publishing", "publications", "publishers", "group",
			"university", "college", "institute", "association", "society", "foundation", "agency",
			"council", "committee", "department", "ministry", "team", "staff", "editors", "editorial",
			"board", "consortium", "project":
			return true
		}
		return legalForm([]string{w})
	})
}

// legalForm reports whether t is only a company's legal form ("Inc.").
func legalForm(t []string) bool {
	for _, w := range t {
		switch w {
		case "inc", "ltd", "llc", "plc", "gmbh", "corp", "co", "sa", "ag":
		default:
			return false
		}
	}
	return len(t) > 0
}
