package webtime

import (
	"fmt"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// Order is the order a source writes the parts of an all-numeric
// date in: 12/01/2011 is December 1 in the United States and 12 January
// almost everywhere else. A source or a ledger declares it with
// `date_order:`; dates with a month name or a four-digit year first
// (2011-12-01, 2011/12/01) read the same under every order.
type Order uint8

const (
	// OrderUnset reads month first (12/01/2011 is December 1), as US
	// sites write, unless only day first is possible (13/01/2011 is 13
	// January); AmbiguousDate finds the values it may have misread.
	OrderUnset Order = iota
	// OrderMDY reads 12/01/2011 as December 1; 13/01/2011 is an error.
	OrderMDY
	// OrderDMY reads 12/01/2011 as 12 January; 01/13/2011 is an error.
	OrderDMY
	// OrderYMD reads 11/12/01 as 2011-12-01.
	OrderYMD
)

// ParseOrder reads a `date_order:` declaration: "mdy", "dmy" or
// "ymd", ignoring case, surrounding space and separators ("d/m/y",
// "D-M-Y").
func ParseOrder(s string) (Order, bool) {
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
func (o Order) String() string {
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

func (o Order) words() string {
	switch o {
	case OrderDMY:
		return "day/month/year"
	case OrderYMD:
		return "year/month/day"
	}
	return "month/day/year"
}

// Ambiguous finds the first all-numeric date in s, cleaned, whose day
// and month could swap when no order is declared: readings[0] is the
// date as read (month first) and readings[1] the other reading, both as
// YYYY-MM-DD; a two-digit year is put in the century nearest near.
func Ambiguous(s string, near time.Time) (readings [2]string, ok bool) {
	for i := 0; i < len(s); i++ {
		if !lex.IsDigit(s[i]) || i > 0 && (lex.IsDigit(s[i-1]) || strings.IndexByte("/.-", s[i-1]) >= 0) {
			continue
		}
		n, ok := numericDate(s, i)
		if !ok || !n.ambiguous() {
			continue
		}
		y := n.c
		if n.lc == 2 {
			y = fullYear(n.c, near)
		}
		readings[0] = fmt.Sprintf("%04d-%02d-%02d", y, n.a, n.b)
		readings[1] = fmt.Sprintf("%04d-%02d-%02d", y, n.b, n.a)
		return readings, true
	}
	return readings, false
}
