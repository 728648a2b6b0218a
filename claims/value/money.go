package value

import (
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// currency is one way of writing a currency.
type currency struct {
	token   string
	code    string
	generic bool // "$", "dollars" and "¥" name a family; the topic picks the member
}

var currencySymbols = []currency{
	{"us$", "USD", false}, {"nt$", "TWD", false}, {"hk$", "HKD", false}, {"nz$", "NZD", false},
	{"ca$", "CAD", false}, {"c$", "CAD", false}, {"au$", "AUD", false}, {"a$", "AUD", false},
	{"s$", "SGD", false}, {"r$", "BRL", false}, {"cn¥", "CNY", false},
	{"$", "USD", true}, {"€", "EUR", false}, {"£", "GBP", false}, {"¥", "JPY", true},
	{"₽", "RUB", false}, {"₴", "UAH", false}, {"₹", "INR", false}, {"₩", "KRW", false},
	{"₺", "TRY", false}, {"₪", "ILS", false}, {"₦", "NGN", false},
}

var currencyWords = []currency{
	{"us dollars", "USD", false}, {"us dollar", "USD", false},
	{"singapore dollars", "SGD", false}, {"singapore dollar", "SGD", false},
	{"australian dollars", "AUD", false}, {"australian dollar", "AUD", false},
	{"canadian dollars", "CAD", false}, {"canadian dollar", "CAD", false},
	{"hong kong dollars", "HKD", false}, {"hong kong dollar", "HKD", false},
	{"dollars", "USD", true}, {"dollar", "USD", true},
	{"euros", "EUR", false}, {"euro", "EUR", false},
	{"pounds sterling", "GBP", false}, {"pound sterling", "GBP", false},
	{"pounds", "GBP", false}, {"pound", "GBP", false}, {"sterling", "GBP", false},
	{"yen", "JPY", false}, {"yuan", "CNY", false}, {"renminbi", "CNY", false},
	{"roubles", "RUB", false}, {"rouble", "RUB", false}, {"rubles", "RUB", false}, {"ruble", "RUB", false},
	{"hryvnias", "UAH", false}, {"hryvnia", "UAH", false},
	{"rupees", "INR", false}, {"rupee", "INR", false},
	{"shekels", "ILS", false}, {"shekel", "ILS", false},
	{"swiss francs", "CHF", false}, {"zlotys", "PLN", false}, {"zloty", "PLN", false}, {"lira", "TRY", false},
}

// isoCodes maps the lower-case spellings of the codes a value may carry
// without a topic to say so. A topic's own code is always recognised.
var isoCodes = func() map[string]string {
	m := map[string]string{"rmb": "CNY"}
	for _, c := range strings.Fields(`USD EUR GBP JPY CNY RUB UAH SGD AUD CAD HKD NZD CHF INR
		KRW TRY ILS PLN SEK NOK DKK ISK BRL MXN ARS CLP COP ZAR SAR AED QAR KWD TWD THB IDR
		MYR PHP VND CZK HUF RON BGN BYN KZT GEL AMD AZN MDL EGP NGN KES PKR BDT IRR IQD`) {
		m[strings.ToLower(c)] = c
	}
	return m
}()

var dollarFamily = map[string]bool{
	"USD": true, "SGD": true, "AUD": true, "CAD": true, "HKD": true, "NZD": true, "TWD": true,
	"MXN": true, "ARS": true, "CLP": true, "COP": true,
}

// sameFamily reports whether a generic currency (code is the family's
// default) may stand for topic: "$5" on a SGD topic means S$5.
func sameFamily(code, topic string) bool {
	switch code {
	case "USD":
		return dollarFamily[topic]
	case "JPY":
		return topic == "JPY" || topic == "CNY"
	}
	return false
}

// CurrencyCode returns the ISO 4217 code for a currency written as a
// code, symbol or word ("usd", "$", "€", "euros"). Any three ASCII letters
// pass as a code, so that rare currencies can still name a topic.
func CurrencyCode(s string) (string, bool) {
	c := lex.Clean(s)
	for _, t := range [...][]currency{currencySymbols, currencyWords} {
		for _, cur := range t {
			if c == cur.token {
				return cur.code, true
			}
		}
	}
	if code, ok := isoCodes[c]; ok {
		return code, true
	}
	if len(c) == 3 && isLowerASCII(c) {
		return strings.ToUpper(c), true
	}
	return "", false
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// code recognises an ISO code at the start of s, or the topic's own code.
func code(s, topic string) (string, bool) {
	if len(s) < 3 {
		return "", false
	}
	if c, ok := isoCodes[s[:3]]; ok {
		return c, true
	}
	if topic != "" && len(topic) == 3 && strings.EqualFold(s[:3], topic) {
		return topic, true
	}
	return "", false
}

func cutCurrencyPrefix(s, topic string) (currency, string, bool) {
	for _, c := range currencySymbols {
		if rest, ok := lex.CutSym(s, c.token); ok {
			return c, rest, true
		}
	}
	if c, ok := code(s, topic); ok {
		rest := s[3:]
		if rest != "" && (rest[0] == ' ' || lex.IsDigit(rest[0]) || rest[0] == '.') {
			return currency{code: c}, strings.TrimPrefix(rest, " "), true
		}
	}
	return currency{}, s, false
}

func cutCurrencySuffix(s, topic string) (currency, string, bool) {
	for _, c := range currencySymbols {
		if rest, ok := lex.CutWord(s, c.token); ok {
			return c, rest, true
		}
	}
	for _, c := range currencyWords {
		if rest, ok := lex.CutGlued(s, c.token); ok {
			return c, strings.TrimPrefix(rest, " "), true
		}
	}
	if c, ok := code(s, topic); ok && lex.Boundary(s[3:]) {
		return currency{code: c}, strings.TrimPrefix(s[3:], " "), true
	}
	return currency{}, s, false
}

// moneyScalar reads "$100B", "USD 100bn", "100 billion dollars", "€5m",
// "-$5m". Words may follow an amount whose currency is written ("$100bn in
// aid"), not a bare number: on a money topic, "100 troops" is a mistake.
func moneyScalar(s, topic string) (qty, bool) { return moneyScalarIn(s, topic, DecimalPoint) }

// moneyScalarIn is moneyScalar with the decimal mark dec.
func moneyScalarIn(s, topic string, dec Decimal) (qty, bool) {
	neg := false
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		if _, _, ok := cutCurrencyPrefix(rest, topic); ok {
			neg, s = true, rest
		}
	}
	pre, s, hasPre := cutCurrencyPrefix(s, topic)
	q, rest, ok := scanAmountIn(s, dec)
	if !ok || neg && q.lit.signed {
		return q, false
	}
	q.neg = neg
	if hasPre {
		q.cur, q.generic = pre.code, pre.generic
	}
	w := strings.TrimPrefix(rest, " ")
	if suf, r, ok := cutCurrencySuffix(w, topic); ok {
		switch {
		case !hasPre || pre.generic && (suf.code == pre.code || sameFamily(pre.code, suf.code)):
			q.cur, q.generic = suf.code, suf.generic
		case suf.generic && (suf.code == pre.code || sameFamily(suf.code, pre.code)):
		default:
			return q, false
		}
		w = r
	}
	if w != "" && (q.cur == "" || !lex.IsUnitText(w)) {
		return q, false
	}
	return q, true
}
