package value

import (
	"math"
	"strings"
	"unicode/utf8"
)

type factorWord struct {
	text string
	f    float64
}

// fractions are followed by "of": "half of x".
var fractions = []factorWord{
	{"half", 0.5}, {"a half", 0.5}, {"one half", 0.5}, {"one-half", 0.5},
	{"a third", 1.0 / 3}, {"one third", 1.0 / 3}, {"one-third", 1.0 / 3},
	{"two thirds", 2.0 / 3}, {"two-thirds", 2.0 / 3},
	{"a quarter", 0.25}, {"one quarter", 0.25}, {"one-quarter", 0.25}, {"a fourth", 0.25},
	{"three quarters", 0.75}, {"three-quarters", 0.75}, {"three fourths", 0.75},
	{"a fifth", 0.2}, {"one fifth", 0.2}, {"a tenth", 0.1}, {"one tenth", 0.1},
}

// multiples are followed by the topic: "twice x".
var multiples = []factorWord{
	{"twice", 2}, {"double", 2}, {"triple", 3}, {"treble", 3}, {"quadruple", 4},
}

// IsRelative reports whether raw is a relative value ("half of x.y") and
// returns the topic it refers to. It needs no Spec, so that a loader can
// check the reference before it knows the topic's type; it should still
// ask only for topics whose type is scalable or not yet known, since a
// text value may read "half of Crimea".
func IsRelative(raw string) (ref string, ok bool) {
	if len(raw) > 2*maxLen {
		return "", false
	}
	_, _, ref, ok = parseRelative(raw, clean(raw))
	return ref, ok
}

// parseRelative reads "[about] FACTOR TOPIC". The topic id is taken from
// raw, not from the folded s, since ids keep their case.
func parseRelative(raw, s string) (f float64, approx bool, ref string, ok bool) {
	if !endsInWord(s) {
		return 0, false, "", false
	}
	s, approx = cutApprox(s)
	f, rest, ok := cutFactor(s)
	if !ok || !isTopicID(rest) {
		return 0, false, "", false
	}
	t := strings.TrimSpace(raw)
	ref = rest
	if len(t) >= len(rest) && strings.EqualFold(t[len(t)-len(rest):], rest) {
		ref = t[len(t)-len(rest):]
	}
	return f, approx, ref, true
}

func cutFactor(s string) (float64, string, bool) {
	if !startsWord(s) {
		return numericFactor(s)
	}
	for _, w := range fractions {
		if rest, ok := cutWord(s, w.text); ok {
			if rest, ok := cutWord(rest, "of"); ok {
				return w.f, rest, true
			}
		}
	}
	for _, w := range multiples {
		if rest, ok := cutWord(s, w.text); ok {
			return w.f, rest, true
		}
	}
	return numericFactor(s)
}

// numericFactor reads "80% of", "0.5 of", "1.5 times", "0.5 x", "2×".
func numericFactor(s string) (float64, string, bool) {
	q, rest, ok := scanAmount(s)
	if !ok || q.lit.article {
		return 0, s, false
	}
	f, ok := q.number()
	if !ok || !(f > 0) {
		return 0, s, false
	}
	if r, pct, _ := cutPercent(strings.TrimPrefix(rest, " ")); pct {
		if r, ok := cutWord(r, "of"); ok {
			return f / 100, r, true
		}
		return 0, s, false
	}
	rest = strings.TrimPrefix(rest, " ")
	for _, w := range [...]string{"times", "of", "x"} {
		if r, ok := cutWord(rest, w); ok {
			return f, r, true
		}
	}
	for _, sym := range [...]string{"×", "*"} {
		if r, ok := cutSym(rest, sym); ok {
			return f, r, true
		}
	}
	return 0, s, false
}

// isTopicID reports whether s may be a topic id: letters, digits, '.',
// '-' and '_', starting with a letter so that "half of 600k" is not read
// as a reference to a topic "600k".
func isTopicID(s string) bool {
	if s == "" || len(s) > 256 || !('a' <= s[0] && s[0] <= 'z' || 'A' <= s[0] && s[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || c == '.' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// resolved reports whether v has a set: a relative value has none until
// Resolve gives it one.
func resolved(v Value) bool {
	return v.Ref == "" || !math.IsInf(v.Lo, -1) || !math.IsInf(v.Hi, 1)
}

// Resolve turns a relative value into an absolute one by scaling ref (a
// parsed value of the referenced topic), then widening by spec's
// tolerance, and by 5% more if rel is approximate ("about half of"). It
// keeps Raw, Ref and Factor so displays can show the arithmetic. If ref
// cannot be scaled (it is not a number, or itself unresolved), rel comes
// back unchanged, still meeting everything. A negated ref negates the
// result.
func Resolve(rel, ref Value, spec Spec) Value {
	f := rel.Factor
	if rel.Ref == "" || !ref.Type.Scalable() || !resolved(ref) || !(f > 0) || math.IsInf(f, 0) {
		return rel
	}
	out := rel
	out.Type = spec.Type
	if !out.Type.Scalable() {
		out.Type = ref.Type
	}
	out.Lo, out.Hi = ref.Lo*f, ref.Hi*f
	out.LoOpen, out.HiOpen = ref.LoOpen, ref.HiOpen
	out.Nominal = ref.Nominal * f
	out.Approx = rel.Approx || ref.Approx
	out.Negated = rel.Negated != ref.Negated
	if out.Currency == "" {
		out.Currency = ref.Currency
	}
	c := newCtx(Spec{Type: out.Type, Tolerance: spec.Tolerance})
	if !math.IsInf(out.Lo, 0) {
		out.Lo -= c.width(out.Lo, rel.Approx)
	}
	if !math.IsInf(out.Hi, 0) {
		out.Hi += c.width(out.Hi, rel.Approx)
	}
	return out
}

// Describe renders the arithmetic of a resolved relative value, e.g.
// "half of ≈ 850,000 ≈ 425,000", without rel's own tolerance. For a value
// that is not relative it is String.
func Describe(rel, ref Value) string {
	r := Resolve(rel, ref, Spec{Type: rel.Type})
	if !resolved(r) || rel.Ref == "" {
		return rel.String()
	}
	var b strings.Builder
	if rel.Approx {
		b.WriteString("about ")
	}
	b.WriteString(factorText(rel.Factor))
	b.WriteByte(' ')
	b.WriteString(ref.String())
	r.Negated = false
	res := r.String()
	if r2, ok := strings.CutPrefix(res, "≈ "); ok {
		b.WriteString(" ≈ ")
		res = r2
	} else {
		b.WriteString(" = ")
	}
	b.WriteString(res)
	return b.String()
}

func factorText(f float64) string {
	near := func(x float64) bool { return math.Abs(f-x) < 1e-9 }
	for _, w := range fractions {
		if near(w.f) && !strings.HasPrefix(w.text, "one") && !strings.Contains(w.text, "-") {
			return w.text + " of"
		}
	}
	switch {
	case near(2):
		return "twice"
	case f < 1:
		return plain(f*100) + "% of"
	}
	return plain(f) + " times"
}

// endsInWord is a cheap first test: a relative value ends in a topic id,
// which starts with a letter, so a value whose last word starts otherwise
// (600,000, about 19%, 2025-11-27: nearly every value) is not relative and
// need not be taken apart as one.
func endsInWord(s string) bool {
	i := strings.LastIndexFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '×' || r == '*' })
	if i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		s = s[i+size:]
	}
	return s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z')
}
