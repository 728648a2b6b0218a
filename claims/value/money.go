package value

import (
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/currency"
	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// CurrencyCode returns the ISO 4217 code for a currency written as a
// code, symbol or word ("usd", "$", "€", "euros"). Any three ASCII letters
// pass as a code, so that rare currencies can still name a topic.
func CurrencyCode(s string) (string, bool) { return currency.Of(s) }

// moneyScalar reads "$100B", "USD 100bn", "100 billion dollars", "€5m",
// "-$5m". Words may follow an amount whose currency is written ("$100bn in
// aid"), not a bare number: on a money topic, "100 troops" is a mistake.
func moneyScalar(s, topic string) (qty, bool) { return moneyScalarIn(s, topic, DecimalPoint) }

// moneyScalarIn is moneyScalar with the decimal mark dec.
func moneyScalarIn(s, topic string, dec Decimal) (qty, bool) {
	neg := false
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		if _, _, ok := currency.CutPrefix(rest, topic); ok {
			neg, s = true, rest
		}
	}
	pre, s, hasPre := currency.CutPrefix(s, topic)
	q, rest, ok := scanAmountIn(s, dec)
	if !ok || neg && q.lit.signed {
		return q, false
	}
	q.neg = neg
	if hasPre {
		q.cur, q.generic = pre.Code, pre.Generic
	}
	w := strings.TrimPrefix(rest, " ")
	if suf, r, ok := currency.CutSuffix(w, topic); ok {
		switch {
		case !hasPre || pre.Generic && (suf.Code == pre.Code || currency.SameFamily(pre.Code, suf.Code)):
			q.cur, q.generic = suf.Code, suf.Generic
		case suf.Generic && (suf.Code == pre.Code || currency.SameFamily(suf.Code, pre.Code)):
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
