package value

import (
	"math"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// numLit is a number as written: a decimal literal or a number word.
type numLit struct {
	text    string  // the literal, perhaps with thousands commas; "" for a word
	word    float64 // the value of a number word
	commas  bool    // text has thousands commas to drop
	signed  bool
	article bool // "a" or "an": one, but only before a multiplier or a unit
}

// scanNumber reads a decimal literal at the start of s: a sign, digits
// with thousands separators, a fraction and an exponent, all but the
// digits optional. dec says which mark is the decimal one; the other
// separates thousands, and so do a space and an apostrophe ("100 000",
// "1'000", "1’000", after clean has folded no-break and thin spaces).
// Separators must group exactly three digits after a first group of one
// to three that does not start with 0, all with the same separator, so
// that "6,00" and "0,600" (decimal commas, or typos) are not read as 600
// and 600, nor "10 20" as 1020.
func scanNumber(s string, dec Decimal) (numLit, string, bool) {
	mark, group := byte('.'), ","
	if dec == DecimalComma {
		mark, group = ',', "."
	}
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	signed := i > 0
	j := lex.DigitsEnd(s, i)
	intDigits := j - i
	sep := "" // the separator the literal groups its digits with
	if intDigits > 0 && intDigits <= 3 && s[i] != '0' {
		for {
			n := groupSep(s[j:], group)
			if n == 0 || lex.DigitsEnd(s, j+n) != j+n+3 || sep != "" && s[j:j+n] != sep {
				break
			}
			sep = s[j : j+n]
			j += n + 3
		}
	}
	i = j
	frac := 0
	if i < len(s) && s[i] == mark {
		if k := lex.DigitsEnd(s, i+1); k > i+1 {
			frac = k - i - 1
			i = k
		}
	}
	if intDigits == 0 && frac == 0 {
		return numLit{}, s, false
	}
	if i < len(s) && s[i] == 'e' && sep == "" {
		k := i + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if m := lex.DigitsEnd(s, k); m > k && m-k <= 4 && lex.Boundary(s[m:]) {
			i = m
		}
	}
	lit := numLit{text: s[:i], commas: sep == ",", signed: signed}
	if sep != "" && sep != "," || mark != '.' && frac > 0 {
		lit.text, lit.commas = plainLiteral(s[:i], sep, mark), false
	}
	return lit, s[i:], true
}

// groupSep is the length of the thousands separator at the start of s,
// or 0: group (a comma, or a dot under a decimal comma), a space or an
// apostrophe.
func groupSep(s, group string) int {
	for _, g := range [...]string{group, " ", "'", "’"} {
		if strings.HasPrefix(s, g) {
			return len(g)
		}
	}
	return 0
}

// plainLiteral rewrites a literal for strconv: without its thousands
// separator sep and with a decimal point for its decimal mark.
func plainLiteral(t, sep string, mark byte) string {
	b := make([]byte, 0, len(t))
	for i := 0; i < len(t); {
		switch {
		case sep != "" && strings.HasPrefix(t[i:], sep):
			i += len(sep)
			continue
		case t[i] == mark:
			b = append(b, '.')
		default:
			b = append(b, t[i])
		}
		i++
	}
	return string(b)
}

var smallNumbers = [...]string{
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
}

var tens = [...]string{2: "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}

// scanWordNumber reads a number written in words, up to ninety-nine.
func scanWordNumber(s string) (numLit, string, bool) {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return numLit{}, s, false
	}
	for _, a := range [...]string{"a", "an"} {
		if rest, ok := lex.CutGlued(s, a); ok {
			return numLit{word: 1, article: true}, rest, true
		}
	}
	for n, w := range smallNumbers {
		if rest, ok := lex.CutGlued(s, w); ok {
			return numLit{word: float64(n)}, rest, true
		}
	}
	for n := 2; n < len(tens); n++ {
		rest, ok := lex.CutGlued(s, tens[n])
		if !ok {
			continue
		}
		v := 10 * n
		if len(rest) > 1 && (rest[0] == '-' || rest[0] == ' ') {
			for k := 1; k <= 9; k++ {
				if r, ok := lex.CutGlued(rest[1:], smallNumbers[k]); ok {
					v, rest = v+k, r
					break
				}
			}
		}
		return numLit{word: float64(v)}, rest, true
	}
	return numLit{}, s, false
}

// multipliers scale the number before them by a power of ten. Single
// letters only count when glued to the number: "5 m" may well be metres.
var multipliers = []struct {
	word  string
	exp   int
	glued bool
}{
	{"hundred", 2, false}, {"thousand", 3, false}, {"k", 3, true}, {"lakh", 5, false},
	{"million", 6, false}, {"millions", 6, false}, {"mln", 6, false}, {"mn", 6, false}, {"mio", 6, false}, {"m", 6, true},
	{"crore", 7, false},
	{"billion", 9, false}, {"billions", 9, false}, {"bln", 9, false}, {"bn", 9, false}, {"b", 9, true},
	{"trillion", 12, false}, {"trillions", 12, false}, {"trn", 12, false}, {"tn", 12, false},
}

func scanMultiplier(s string) (int, string, bool) {
	glued := s != "" && s[0] != ' '
	t := strings.TrimPrefix(s, " ")
	for _, m := range multipliers {
		if m.glued && !glued {
			continue
		}
		if rest, ok := lex.CutGlued(t, m.word); ok {
			return m.exp, rest, true
		}
	}
	return 0, s, false
}

// qty is one amount as written, before it is checked against the topic:
// an interval's ends share their multiplier, unit and currency ("5-10k",
// "$5-10 billion", "5 to 10 years"), so those are settled later.
type qty struct {
	lit     numLit
	exp     int // decimal exponent from multiplier words
	hasMult bool
	neg     bool    // a sign before a currency symbol ("-$5")
	unit    float64 // days per written unit of time; 0 if none
	pct     bool    // written with a percent sign or word
	cur     string  // currency code written; "" if none
	generic bool    // cur is a family ("$", "¥") the topic may narrow

	// Dates and datetimes are read straight into a span.
	lo, hi float64
	span   bool // lo..hi is a period (a month, a year), not a point
	clock  bool // written with a time of day
}

// scanNotDigits reads a number not written in digits: a half of what
// follows ("half a dozen"), a vulgar fraction ("½"), or a number word.
func scanNotDigits(s string) (numLit, string, bool) {
	if lit, rest, ok := scanHalf(s); ok {
		return lit, rest, true
	}
	if lit, rest, ok := scanVulgar(s, 0); ok {
		return lit, rest, true
	}
	return scanWordNumber(s)
}

// scanAmount reads a number and its multiplier words ("two hundred
// thousand"), with a decimal point.
func scanAmount(s string) (qty, string, bool) { return scanAmountIn(s, DecimalPoint) }

// scanAmountIn is scanAmount with the decimal mark dec.
func scanAmountIn(s string, dec Decimal) (qty, string, bool) {
	lit, rest, ok := scanNumber(s, dec)
	if ok {
		lit, rest = scanFraction(lit, rest)
	} else if lit, rest, ok = scanNotDigits(s); !ok {
		return qty{}, s, false
	}
	lit, rest = andAHalf(lit, rest)
	if n, r, ok := scanGroupWord(rest); ok {
		if f, ok := (qty{lit: lit}).number(); ok {
			lit, rest = numLit{word: f * n}, r
			// "a dozen and a half" is half a dozen more.
			if r, ok := cutAndAHalf(rest); ok {
				lit, rest = numLit{word: (f + 0.5) * n}, r
			}
		}
	}
	q := qty{lit: lit}
	for range 2 {
		exp, r, ok := scanMultiplier(rest)
		if !ok {
			break
		}
		q.exp += exp
		q.hasMult = true
		rest = r
	}
	// "a million and a half" is half a million more.
	if q.hasMult {
		q.lit, rest = andAHalf(q.lit, rest)
	}
	return q, rest, true
}

// number is the amount's value in the type's unit, or false if it is out
// of range. It goes through strconv with the multiplier as an exponent, so
// that "0.6 million" and "600,000" are the same float64.
func (q qty) number() (float64, bool) {
	var v float64
	if q.lit.text == "" {
		v = q.lit.word * math.Pow10(q.exp)
	} else {
		t := q.lit.text
		scale := 1.0
		if q.lit.commas || q.hasMult {
			b := make([]byte, 0, len(t)+8)
			hasExp := false
			for i := 0; i < len(t); i++ {
				if t[i] != ',' {
					b = append(b, t[i])
				}
				hasExp = hasExp || t[i] == 'e'
			}
			if hasExp {
				scale = math.Pow10(q.exp)
			} else if q.exp != 0 {
				b = append(b, 'e')
				b = strconv.AppendInt(b, int64(q.exp), 10)
			}
			t = string(b)
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return 0, false
		}
		v = f * scale
	}
	if q.neg {
		v = -v
	}
	if q.unit > 0 {
		v *= q.unit
	}
	if !(math.Abs(v) <= maxMagnitude) {
		return 0, false
	}
	return v, true
}
