package value

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
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

// RelForm is the shape of a relative value's set, from the set R of the
// topic it refers to, its Factor k and, for RelBetween, its FactorHi k2.
type RelForm uint8

const (
	RelScaled   RelForm = iota // k·R: "half of x", "about twice x"
	RelAtLeast                 // from k·R up: "at least half of x", "half of x or more"
	RelMoreThan                // above k·R: "more than twice x"
	RelAtMost                  // up to k·R: "up to 3 times x"
	RelLessThan                // below k·R: "less than half of x"
	RelBetween                 // k·R to k2·R: "between 2 and 3 times x", "2–3 times x"
)

var boundForms = [...]RelForm{atLeast: RelAtLeast, moreThan: RelMoreThan, atMost: RelAtMost, lessThan: RelLessThan}

// IsRelative reports whether raw is a relative value ("half of x.y", "up
// to 3 times x.y", "between 2 and 3 times x.y") and returns the topic it
// refers to. It needs no Spec, so that a loader can check the reference
// before it knows the topic's type; it should still ask only for topics
// whose type is scalable or not yet known, since a text value may read
// "half of Crimea". A factor may be written with either decimal mark
// ("1.5 times x", "1,5 times x"): the topic is the same either way. A text that names a topic but cannot stand as a relative value ("-2
// times x", "3 times x.y troops") is not one: Parse rejects it.
func IsRelative(raw string) (ref string, ok bool) {
	if len(raw) > 2*maxLen {
		return "", false
	}
	s := lex.Clean(raw)
	for _, dec := range [...]Decimal{DecimalPoint, DecimalComma} {
		if r, ok, _ := parseRelative(raw, s, dec); ok {
			return r.ref, true
		}
	}
	return "", false
}

// relative is a relative value as written.
type relative struct {
	form   RelForm
	k, k2  float64 // k2 only for RelBetween
	approx bool
	ref    string
}

// parseRelative reads "[about] FACTOR TOPIC", a bound of it ("up to 3
// times TOPIC", "half of TOPIC or more") or an interval of factors
// ("between 2 and 3 times TOPIC", "2–3 times TOPIC"), with the same
// words for approximation and bounds as absolute values. ok is false if
// s is none of these; err is set, with ok false, if it is one that
// cannot stand: a factor that is not above zero or out of range, or a
// range from high to low. The topic id is taken from raw, not from the
// folded s, since ids keep their case.
func parseRelative(raw, s string, dec Decimal) (r relative, ok bool, err error) {
	if !endsInWord(s) {
		return r, false, nil
	}
	c := ctx{typ: Number, raw: raw} // for the bound words of amounts
	s, r.approx = cutApprox(s)
	b := noBound
	if !r.approx {
		s, b = c.cutBound(s)
	}
	if b == noBound {
		var approx2 bool
		s, b, approx2 = c.cutSuffix(s)
		if r.approx && b != noBound || b == someOver {
			return r, false, nil
		}
		r.approx = r.approx || approx2
	}
	if k, _, rest, ok := cutFactor(s, dec); ok && isTopicID(rest) {
		r.k, r.ref = k, rest
		if b != noBound {
			r.form = boundForms[b]
		}
	} else if k1, k2, rest, ok := factorInterval(s, dec); ok && b == noBound {
		r.form, r.k, r.k2, r.ref = RelBetween, k1, k2, rest
	} else {
		return r, false, nil
	}
	r.ref = refIn(raw, r.ref)
	switch {
	case !(r.k > 0):
		return r, false, fmt.Errorf("%s scales %s by %s: a relative value's factor must be more than zero", lex.Quote(raw), r.ref, plain(r.k))
	case r.k > maxMagnitude || r.form == RelBetween && r.k2 > maxMagnitude:
		return r, false, fmt.Errorf("%s is out of range", lex.Quote(raw))
	case r.form == RelBetween && r.k > r.k2:
		return r, false, fmt.Errorf("%s is a range from high to low", lex.Quote(raw))
	}
	return r, true, nil
}

// refIn finds the topic id ref, folded to lower case, as raw writes it:
// the last place it stands as a whole id.
func refIn(raw, ref string) string {
	for i := len(raw) - len(ref); i >= 0; i-- {
		j := i + len(ref)
		if (i == 0 || !isIDByte(raw[i-1])) && (j == len(raw) || !isIDByte(raw[j])) && strings.EqualFold(raw[i:j], ref) {
			return raw[i:j]
		}
	}
	return ref
}

// factorKind is how a factor was written, which says how the other end of
// an interval of factors may be written.
type factorKind int

const (
	kindTimes    factorKind = iota // "3 times", "0.5 of", "0.5x", "2×"
	kindPercent                    // "80% of", "80 percent of"
	kindFraction                   // "half of", "two thirds of"
	kindMultiple                   // "twice", "double"
)

// cutFactor reads a factor and the word that joins it to a topic. A
// factor out of range comes back as +Inf and one below zero as it is, for
// parseRelative to reject: either still says the text is relative.
func cutFactor(s string, dec Decimal) (float64, factorKind, string, bool) {
	if !startsWord(s) {
		return numericFactor(s, dec)
	}
	for _, w := range fractions {
		if rest, ok := lex.CutWord(s, w.text); ok {
			if rest, ok := lex.CutWord(rest, "of"); ok {
				return w.f, kindFraction, rest, true
			}
		}
	}
	for _, w := range multiples {
		if rest, ok := lex.CutWord(s, w.text); ok {
			return w.f, kindMultiple, rest, true
		}
	}
	return numericFactor(s, dec)
}

// numericFactor reads "80% of", "0.5 of", "1.5 times", "0.5 x", "2×".
func numericFactor(s string, dec Decimal) (float64, factorKind, string, bool) {
	q, rest, ok := scanAmountIn(s, dec)
	if !ok || q.lit.article {
		return 0, 0, s, false
	}
	f, ok := q.number()
	if !ok {
		f = math.Inf(1)
	}
	if r, pct, _ := cutPercent(strings.TrimPrefix(rest, " ")); pct {
		if r, ok := lex.CutWord(r, "of"); ok {
			return f / 100, kindPercent, r, true
		}
		return 0, 0, s, false
	}
	rest = strings.TrimPrefix(rest, " ")
	for _, w := range [...]string{"times", "of", "x"} {
		if r, ok := lex.CutWord(rest, w); ok {
			return f, kindTimes, r, true
		}
	}
	for _, sym := range [...]string{"×", "*"} {
		if r, ok := lex.CutSym(rest, sym); ok {
			return f, kindTimes, r, true
		}
	}
	return 0, 0, s, false
}

// factorInterval reads an interval of factors: "between A and B TOPIC",
// "from A to B TOPIC", "A to B TOPIC", "A–B TOPIC" or "A-B TOPIC", where
// B is a factor with its joining word and A is written like it without
// the word ("2–3 times", "20–30% of", "a third to a half of"). Hyphens in
// the topic id ("2-3 times ukraine.army-size") are not separators.
func factorInterval(s string, dec Decimal) (k1, k2 float64, ref string, ok bool) {
	if rest, ok := lex.CutWord(s, "between"); ok {
		if l, r, ok := strings.Cut(rest, " and "); ok {
			return factorPair(l, r, dec)
		}
		return 0, 0, "", false
	}
	if rest, ok := lex.CutWord(s, "from"); ok {
		if l, r, ok := strings.Cut(rest, " to "); ok {
			return factorPair(l, r, dec)
		}
		return 0, 0, "", false
	}
	end := strings.LastIndexAny(s, " ×*")
	tries := 0
	for i := 1; i < end && tries < 4; i++ {
		var sep int
		switch {
		case strings.HasPrefix(s[i:], " to "):
			sep = 4
		case strings.HasPrefix(s[i:], "–"), strings.HasPrefix(s[i:], "—"):
			sep = len("–")
		case strings.HasPrefix(s[i:], " - "):
			sep = 3
		case s[i] == '-' && s[i-1] != ' ':
			sep = 1
		default:
			continue
		}
		tries++
		if k1, k2, ref, ok := factorPair(s[:i], s[i+sep:], dec); ok {
			return k1, k2, ref, true
		}
	}
	return 0, 0, "", false
}

// factorPair reads the two ends of an interval of factors.
func factorPair(l, r string, dec Decimal) (k1, k2 float64, ref string, ok bool) {
	k2, kind, ref, ok := cutFactor(strings.TrimSpace(r), dec)
	if !ok || !isTopicID(ref) {
		return 0, 0, "", false
	}
	l = strings.TrimSpace(l)
	switch kind {
	case kindFraction:
		for _, w := range fractions {
			if l == w.text {
				return w.f, k2, ref, true
			}
		}
	case kindTimes, kindPercent:
		q, rest, ok := scanAmountIn(l, dec)
		if !ok || q.lit.article {
			return 0, 0, "", false
		}
		pct := false
		if rest != "" {
			if rest, pct, _ = cutPercent(strings.TrimPrefix(rest, " ")); !pct || rest != "" {
				return 0, 0, "", false
			}
		}
		if pct && kind != kindPercent {
			return 0, 0, "", false
		}
		k1, ok := q.number()
		if !ok {
			k1 = math.Inf(1)
		}
		if kind == kindPercent {
			k1 /= 100
		}
		return k1, k2, ref, true
	}
	return 0, 0, "", false
}

// mentionedRef finds a reference to a topic in s, a relative value or
// not: after a word that scales ("times", "x", "×", "*" or "of" after a
// number, a percentage or a fraction; "twice", "double" and the like), a
// topic id that ends s right after that word, or one anywhere after it
// that holds a dot, as ledger ids mostly do ("3 times the size of
// ukraine.army-size"). A value that mentions a topic must read as a
// relative value in full: read as an amount, "3 times t.a troops" would
// be 3 with a unit, and a false dispute.
func mentionedRef(s string) (string, bool) {
	var prev string
	scaled := false
	for i := 0; i < len(s); {
		tok, next := nextToken(s, i)
		if scaled && isTopicID(tok) && innerDot(tok) {
			return tok, true
		}
		if scales(prev, tok) {
			scaled = true
			ref, after := nextToken(s, next)
			if isTopicID(ref) && strings.TrimSpace(s[after:]) == "" {
				return ref, true
			}
		}
		prev, i = tok, next
	}
	return "", false
}

// nextToken returns the token of s that starts at or after i, and where
// the next one may start: tokens are separated by spaces, and "×" and
// "*" are tokens of their own even when glued ("2×x").
func nextToken(s string, i int) (string, int) {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if strings.HasPrefix(s[i:], "×") {
		return s[i : i+len("×")], i + len("×")
	}
	if i < len(s) && s[i] == '*' {
		return s[i : i+1], i + 1
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '*' && !strings.HasPrefix(s[j:], "×") {
		j++
	}
	return s[i:j], j
}

// scales reports whether tok joins a factor to a topic, given the token
// before it.
func scales(prev, tok string) bool {
	switch tok {
	case "twice", "double", "triple", "treble", "quadruple":
		return true
	case "times", "x", "×", "*":
		return isFactorWord(prev, false)
	case "of":
		return isFactorWord(prev, true)
	}
	// "0.5x", glued to its number.
	n := len(tok)
	return n >= 2 && tok[n-1] == 'x' && lex.IsDigit(tok[n-2])
}

// isFactorWord reports whether tok may end a factor: an amount ("3",
// "1.5", "$5bn"), a number word, or with of also a percentage or a
// fraction ("percent", "half", "thirds").
func isFactorWord(tok string, of bool) bool {
	if tok == "" {
		return false
	}
	if strings.ContainsAny(tok, "0123456789") {
		return true
	}
	if q, rest, ok := scanWordNumber(tok); ok && rest == "" && !q.article {
		return true
	}
	if !of {
		return false
	}
	switch tok {
	case "percent", "cent", "pct", "half", "third", "thirds", "quarter", "quarters",
		"fourth", "fourths", "fifth", "fifths", "tenth", "tenths", "one-half", "one-third",
		"two-thirds", "one-quarter", "three-quarters":
		return true
	}
	return false
}

// innerDot reports whether an id has a dot between two other characters.
func innerDot(id string) bool {
	i := strings.IndexByte(id, '.')
	return i > 0 && i < len(id)-1 && id[len(id)-1] != '.'
}

// isTopicID reports whether s may be a topic id: letters, digits, '.',
// '-' and '_', starting with a letter so that "half of 600k" is not read
// as a reference to a topic "600k".
func isTopicID(s string) bool {
	if s == "" || len(s) > 256 || !('a' <= s[0] && s[0] <= 'z' || 'A' <= s[0] && s[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIDByte(s[i]) {
			return false
		}
	}
	return true
}

func isIDByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || lex.IsDigit(c) || c == '.' || c == '-' || c == '_'
}

// resolved reports whether v has a set: a relative value has none until
// Resolve gives it one.
func resolved(v Value) bool {
	return v.Ref == "" || !math.IsInf(v.Lo, -1) || !math.IsInf(v.Hi, 1)
}

// Resolve turns a relative value into an absolute one by scaling ref (a
// parsed value of the referenced topic): "half of x" is half of ref's
// set, widened by spec's tolerance and by 5% more if rel is approximate
// ("about half of"); "up to 3 times x" is the half-line up to 3 times
// ref's upper end, "at least half of x" the one from half its lower end;
// "between 2 and 3 times x" runs from 2 times ref's lower end to 3 times
// its upper end. Bounds and intervals are widened as their absolute
// counterparts are. It keeps Raw, Ref, Factor and FactorHi so displays
// can show the arithmetic. If ref cannot be scaled (see ResolveChecked),
// rel comes back unchanged, still meeting everything, so that nothing is
// disputed on a reading that does not exist. A negated ref negates the
// result.
func Resolve(rel, ref Value, spec Spec) Value {
	out, err := ResolveChecked(rel, ref, spec)
	if err != nil {
		return rel
	}
	return out
}

// ResolveChecked is Resolve that says why a relative value cannot be
// resolved: ref is not an amount, or is itself relative; rel's factors
// are not positive and finite (a Value built by hand); or scaling ref
// goes past any amount a ledger can mean ("1e300 times x" when x is
// 1e10), where an infinite end would meet everything by accident. A
// value that is not relative comes back as it is, without error.
func ResolveChecked(rel, ref Value, spec Spec) (Value, error) {
	if rel.Ref == "" {
		return rel, nil
	}
	k, k2 := rel.Factor, rel.Factor
	if rel.Form == RelBetween {
		k2 = rel.FactorHi
	}
	switch {
	case !ref.Type.Scalable():
		return rel, fmt.Errorf("%s cannot be resolved: %s is not an amount to scale", lex.Quote(rel.Raw), rel.Ref)
	case !resolved(ref):
		return rel, fmt.Errorf("%s cannot be resolved: %s is itself relative", lex.Quote(rel.Raw), rel.Ref)
	case !(k > 0) || !(k2 >= k) || k2 > maxMagnitude || rel.Form > RelBetween:
		return rel, fmt.Errorf("%s cannot be resolved: its factor is not a positive number", lex.Quote(rel.Raw))
	}
	out := rel
	out.Type = spec.Type
	if !out.Type.Scalable() {
		out.Type = ref.Type
	}
	// k > 0, so k·r grows with r: the lowest scaled value comes from ref's
	// lowest, the highest from its highest, whatever their signs.
	out.Lo, out.Hi = min(k*ref.Lo, k2*ref.Lo), max(k*ref.Hi, k2*ref.Hi)
	out.LoOpen, out.HiOpen = ref.LoOpen, ref.HiOpen
	out.Nominal = math.NaN()
	if rel.Form == RelScaled {
		out.Nominal = ref.Nominal * k
	}
	// Only an end that was infinite may be: a finite one scaled past
	// maxMagnitude is out of range.
	tooBig := func(x, from float64) bool {
		return !math.IsInf(from, 0) && !math.IsNaN(from) && !math.IsNaN(x) && !(math.Abs(x) <= maxMagnitude)
	}
	if tooBig(out.Lo, ref.Lo) || tooBig(out.Hi, ref.Hi) || tooBig(out.Nominal, ref.Nominal) {
		return rel, fmt.Errorf("%s is out of range when %s is %s", lex.Quote(rel.Raw), rel.Ref, ref.String())
	}
	switch rel.Form {
	case RelAtLeast, RelMoreThan:
		out.Hi, out.HiOpen = math.Inf(1), true
		out.LoOpen = out.LoOpen || rel.Form == RelMoreThan
	case RelAtMost, RelLessThan:
		out.Lo, out.LoOpen = math.Inf(-1), true
		out.HiOpen = out.HiOpen || rel.Form == RelLessThan
	}
	out.Approx = rel.Approx || ref.Approx
	out.Negated = rel.Negated != ref.Negated
	if out.Currency == "" {
		out.Currency = ref.Currency
	}
	// Widen as the absolute value written out would be: a point by the
	// tolerance, an interval only if approximate, a bound not at all.
	c := newCtx(Spec{Type: out.Type, Tolerance: spec.Tolerance})
	if rel.Form == RelScaled || rel.Form == RelBetween && rel.Approx {
		if !math.IsInf(out.Lo, 0) {
			out.Lo -= c.width(out.Lo, rel.Approx)
		}
		if !math.IsInf(out.Hi, 0) {
			out.Hi += c.width(out.Hi, rel.Approx)
		}
	}
	return out, nil
}

// Describe renders the arithmetic of a resolved relative value, e.g.
// "half of ≈ 850,000 ≈ 425,000" or "up to 3 times 10 = ≤ 30", without
// rel's own tolerance. For a value that is not relative, or cannot be
// resolved, it is String.
func Describe(rel, ref Value) string {
	r, err := ResolveChecked(rel, ref, Spec{Type: rel.Type})
	if err != nil || rel.Ref == "" || !resolved(r) {
		return rel.String()
	}
	var b strings.Builder
	if rel.Approx {
		b.WriteString("about ")
	}
	switch rel.Form {
	case RelAtLeast:
		b.WriteString("at least ")
	case RelMoreThan:
		b.WriteString("more than ")
	case RelAtMost:
		b.WriteString("up to ")
	case RelLessThan:
		b.WriteString("less than ")
	case RelBetween:
		b.WriteString("between ")
	}
	if rel.Form == RelBetween {
		b.WriteString(factorRangeText(rel.Factor, rel.FactorHi))
	} else {
		b.WriteString(factorText(rel.Factor))
	}
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
	if w, ok := fractionWord(f); ok {
		return w + " of"
	}
	switch {
	case math.Abs(f-2) < 1e-9:
		return "twice"
	case f < 1:
		return plain(f*100) + "% of"
	}
	return plain(f) + " times"
}

// factorRangeText writes the factors of an interval as their high end
// writes itself: "2 and 3 times", "20% and 30% of", "a third and half of".
func factorRangeText(k1, k2 float64) string {
	hi := factorText(k2)
	if hi == "twice" {
		hi = "2 times"
	}
	if w, ok := fractionWord(k1); ok {
		if _, ok := fractionWord(k2); ok {
			return w + " and " + hi
		}
	}
	if strings.HasSuffix(hi, "% of") {
		return plain(k1*100) + "% and " + hi
	}
	return plain(k1) + " and " + hi
}

func fractionWord(f float64) (string, bool) {
	for _, w := range fractions {
		if math.Abs(f-w.f) < 1e-9 && !strings.HasPrefix(w.text, "one") && !strings.Contains(w.text, "-") {
			return w.text, true
		}
	}
	return "", false
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
