package value

import (
	"strings"
)

// Decimal is the mark a source writes decimals with. Much of the world
// writes 2,100 as 2.100 and 3.5 as 3,5; a source or a whole ledger that
// does says `decimal: comma`, and its amounts are read that way.
type Decimal uint8

const (
	// DecimalPoint reads "2,100.5" as 2100.5: a comma groups thousands.
	DecimalPoint Decimal = iota
	// DecimalComma reads "2.100,5" as 2100.5: a dot groups thousands,
	// and a comma followed by a digit is the decimal mark. A range is
	// then written with "to", a dash or "between … and …", never with a
	// comma ("2,5 to 3,5", "between 2,5 and 3,5").
	DecimalComma
)

// ParseDecimal reads a `decimal:` declaration: "point" or "comma",
// ignoring case and surrounding space.
func ParseDecimal(s string) (Decimal, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "point":
		return DecimalPoint, true
	case "comma":
		return DecimalComma, true
	}
	return DecimalPoint, false
}

// String is the declaration's word for d: "point" or "comma".
func (d Decimal) String() string {
	if d == DecimalComma {
		return "comma"
	}
	return "point"
}
