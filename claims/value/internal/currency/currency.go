// Package currency is how amounts of money name their currency: symbols
// ("$", "€", "us$"), words ("euros", "swiss francs") and ISO codes, and
// the families a generic symbol stands for ("$" on a SGD topic is S$).
package currency

import (
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// Currency is one way of writing a currency, and the ISO code it names.
type Currency struct {
	Token   string
	Code    string
	Generic bool // "$", "dollars" and "¥" name a family; the topic picks the member
}

var symbols = []Currency{
	{"us$", "USD", false}, {"nt$", "TWD", false}, {"hk$", "HKD", false}, {"nz$", "NZD", false},
	{"ca$", "CAD", false}, {"c$", "CAD", false}, {"au$", "AUD", false}, {"a$", "AUD", false},
	{"s$", "SGD", false}, {"r$", "BRL", false}, {"cn¥", "CNY", false},
	{"$", "USD", true}, {"€", "EUR", false}, {"£", "GBP", false}, {"¥", "JPY", true},
	{"₽", "RUB", false}, {"₴", "UAH", false}, {"₹", "INR", false}, {"₩", "KRW", false},
	{"₺", "TRY", false}, {"₪", "ILS", false}, {"₦", "NGN", false},
}

var words = []Currency{
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

// SameFamily reports whether a generic currency (code is the family's
// default) may stand for topic: "$5" on a SGD topic means S$5.
func SameFamily(code, topic string) bool {
	switch code {
	case "USD":
		return dollarFamily[topic]
	case "JPY":
		return topic == "JPY" || topic == "CNY"
	}
	return false
}

// Of returns the ISO 4217 code for a currency written as a
// code, symbol or word ("usd", "$", "€", "euros"). Any three ASCII letters
// pass as a code, so that rare currencies can still name a topic.
func Of(s string) (string, bool) {
	c := lex.Clean(s)
	for _, t := range [...][]Currency{symbols, words} {
		for _, cur := range t {
			if c == cur.Token {
				return cur.Code, true
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

// codeAt recognises an ISO code at the start of s, or the topic's own code.
func codeAt(s, topic string) (string, bool) {
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

// CutPrefix cuts the currency a value starts with ("$5", "€5", "USD 5"),
// the topic's own code included, and returns it with the rest.
func CutPrefix(s, topic string) (Currency, string, bool) {
	for _, c := range symbols {
		if rest, ok := lex.CutSym(s, c.Token); ok {
			return c, rest, true
		}
	}
	if c, ok := codeAt(s, topic); ok {
		rest := s[3:]
		if rest != "" && (rest[0] == ' ' || lex.IsDigit(rest[0]) || rest[0] == '.') {
			return Currency{Code: c}, strings.TrimPrefix(rest, " "), true
		}
	}
	return Currency{}, s, false
}

// CutSuffix cuts the currency that follows an amount, from the start of
// what follows it ("euros" of "5 euros", "USD in aid" of "5 USD in aid").
func CutSuffix(s, topic string) (Currency, string, bool) {
	for _, c := range symbols {
		if rest, ok := lex.CutWord(s, c.Token); ok {
			return c, rest, true
		}
	}
	for _, c := range words {
		if rest, ok := lex.CutGlued(s, c.Token); ok {
			return c, strings.TrimPrefix(rest, " "), true
		}
	}
	if c, ok := codeAt(s, topic); ok && lex.Boundary(s[3:]) {
		return Currency{Code: c}, strings.TrimPrefix(s[3:], " "), true
	}
	return Currency{}, s, false
}
