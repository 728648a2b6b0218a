package value

import (
	"fmt"
	"strings"
)

// DateOrder is the order a source writes the parts of an all-numeric
// date in: 12/01/2011 is December 1 in the United States and 12 January
// almost everywhere else. A source or a ledger declares it with
// `date_order:`; dates with a month name or a four-digit year first
// (2011-12-01, 2011/12/01) read the same under every order.
type DateOrder uint8

const (
	// OrderUnset reads month first (12/01/2011 is December 1), as US
	// sites write, unless only day first is possible (13/01/2011 is 13
	// January); AmbiguousDate finds the values it may have misread.
	OrderUnset DateOrder = iota
	// OrderMDY reads 12/01/2011 as December 1; 13/01/2011 is an error.
	OrderMDY
	// OrderDMY reads 12/01/2011 as 12 January; 01/13/2011 is an error.
	OrderDMY
	// OrderYMD reads 11/12/01 as 2011-12-01.
	OrderYMD
)

// ParseDateOrder reads a `date_order:` declaration: "mdy", "dmy" or
// "ymd", ignoring case, surrounding space and separators ("d/m/y",
// "D-M-Y").
func ParseDateOrder(s string) (DateOrder, bool) {
	s = strings.NewReplacer("/", "", "-", "", ".", "", " ", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch s {
	case "mdy":
		return OrderMDY, true
	case "dmy":
		return OrderDMY, true
	case "ymd":
		return OrderYMD, true
	}
	return OrderUnset, false
}

// String is the declaration's word for o: "mdy", "dmy", "ymd", or ""
// when unset.
func (o DateOrder) String() string {
	switch o {
	case OrderMDY:
		return "mdy"
	case OrderDMY:
		return "dmy"
	case OrderYMD:
		return "ymd"
	}
	return ""
}

func (o DateOrder) words() string {
	switch o {
	case OrderDMY:
		return "day/month/year"
	case OrderYMD:
		return "year/month/day"
	}
	return "month/day/year"
}

// AmbiguousDate reports whether raw, on a date or datetime topic whose
// source declares no date order, holds an all-numeric date whose day and
// month could swap: 01/12/2011 reads as 2011-01-12 (month first, as US
// sites write) and would be 2011-12-01 day first. readings[0] is the
// date as read and readings[1] the other reading, both as YYYY-MM-DD,
// for a lint message that names both. It is false when the value does
// not parse, when the date settles the order (13/01/2011, 01/13/2011,
// 05/05/2011, 2011/12/01, Dec 1, 2011) or once spec.DateOrder is set.
func AmbiguousDate(raw string, spec Spec) (readings [2]string, ok bool) {
	if spec.DateOrder != OrderUnset || spec.Type != Date && spec.Type != DateTime ||
		strings.IndexAny(raw, "/.-") < 0 || len(raw) > maxLen {
		return readings, false
	}
	if byLayout(raw, spec) {
		return readings, false // the layout says which is the day
	}
	s := clean(raw)
	// Find the stamp the parser reads; the value may also be a range or
	// a bound, whose ends each may be ambiguous: the first that is wins.
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || i > 0 && (isDigit(s[i-1]) || strings.IndexByte("/.-", s[i-1]) >= 0) {
			continue
		}
		n, ok := numericDate(s, i)
		if !ok || !n.ambiguous() {
			continue
		}
		if _, err := Parse(raw, spec); err != nil {
			return readings, false
		}
		y := n.c
		if n.lc == 2 {
			y = fullYear(n.c, spec.Near)
		}
		readings[0] = fmt.Sprintf("%04d-%02d-%02d", y, n.a, n.b)
		readings[1] = fmt.Sprintf("%04d-%02d-%02d", y, n.b, n.a)
		return readings, true
	}
	return readings, false
}
