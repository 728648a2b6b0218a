package value

import (
	"math"
	"strconv"
	"time"
)

// Canonical writes a value in one normal form, so that scripts can
// compare values however the ledger wrote them (resolve's values and
// Parquet exports' canonical column both use it): numbers (amounts,
// percentages, money, durations in days) as plain decimals; dates as
// YYYY-MM-DD; datetimes as RFC 3339 in UTC; bools as yes or no; choices
// by name; text and every other kind of atom in its normalised form
// (lower case, runs of spaces and punctuation collapsed). A set that is
// no single number is written with its ends: "5..10", ">=5000",
// "<9000". A denial starts with "not ".
func Canonical(v Value) string {
	s := canonicalBody(v)
	if v.Negated {
		return "not " + s
	}
	return s
}

func canonicalBody(v Value) string {
	if !v.Type.Numeric() {
		if v.Atom != "" {
			return v.Atom
		}
		return NormalizeText(v.Raw)
	}
	if !math.IsNaN(v.Nominal) && !math.IsInf(v.Nominal, 0) {
		return canonicalNumber(v.Type, v.Nominal)
	}
	lo, hi := v.Lo, v.Hi
	loInf := math.IsNaN(lo) || math.IsInf(lo, -1)
	hiInf := math.IsNaN(hi) || math.IsInf(hi, 1)
	switch {
	case loInf && hiInf:
		return "*"
	case loInf:
		return pick(v.HiOpen, "<", "<=") + canonicalNumber(v.Type, hi)
	case hiInf:
		return pick(v.LoOpen, ">", ">=") + canonicalNumber(v.Type, lo)
	case lo == hi:
		return canonicalNumber(v.Type, lo)
	}
	return canonicalNumber(v.Type, lo) + ".." + canonicalNumber(v.Type, hi)
}

func canonicalNumber(t Type, x float64) string {
	switch t {
	case Date:
		return time.Unix(int64(math.Round(x))*86400, 0).UTC().Format(time.DateOnly)
	case DateTime:
		sec, frac := math.Modf(x)
		return time.Unix(int64(sec), int64(math.Round(frac*1e9))).UTC().Format(time.RFC3339Nano)
	}
	if x == 0 {
		x = 0 // no "-0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
