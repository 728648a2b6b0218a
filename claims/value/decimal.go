package value

import (
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
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

// AmbiguousDecimal reports whether raw, on a number or money topic read
// with a decimal point, holds a number that a writer with a decimal comma
// would mean otherwise: a dot between one to three digits (not starting
// with 0) and exactly three more, such as "2.100" or "$1.500 million",
// which is 2.1 here and 2100 there. It returns raw as read each way for
// a message: asPoint "2.1" and asComma "2100", other text kept as written.
//
// It is false when raw itself settles the mark: another number with a
// comma ("2,100", "1.234,5") or with a dot before other than three digits
// ("2.1", "2.10", "2.1000", "2.5 to 2.100"), two dots in a number
// ("1.234.567" can only be grouping, and is not a number with a point),
// an exponent; when either reading does not parse, or both give the same
// value; when spec already says DecimalComma; and on other types: a
// percentage past a thousand is rare enough that "12.345%" is a decimal.
func AmbiguousDecimal(raw string, spec Spec) (asPoint, asComma string, ok bool) {
	if spec.Decimal == DecimalComma || spec.Type != Number && spec.Type != Money ||
		strings.IndexByte(raw, '.') < 0 || len(raw) > maxLen {
		return "", "", false
	}
	var p, c strings.Builder
	last := 0 // raw[:last] is written to both readings
	for i := 0; i < len(raw); {
		if !lex.IsDigit(raw[i]) || i > 0 && (lex.IsDigit(raw[i-1]) || strings.IndexByte(".,_", raw[i-1]) >= 0) {
			i++
			continue
		}
		// A run of digits, dots and commas that starts a number.
		j := i
		for j < len(raw) && (lex.IsDigit(raw[j]) || raw[j] == '.' || raw[j] == ',') {
			j++
		}
		run := strings.TrimRight(raw[i:j], ".,") // a full stop or comma after it is not its own
		dot := strings.IndexByte(run, '.')
		after := raw[i+len(run):]
		switch {
		case strings.IndexByte(run, ',') >= 0 || strings.Count(run, ".") > 1:
			return "", "", false
		case dot < 0:
		case dot > 3 || run[0] == '0' || len(run)-dot-1 != 3 || after != "" && (after[0] == 'e' || after[0] == 'E'):
			return "", "", false
		default:
			p.WriteString(raw[last:i])
			c.WriteString(raw[last:i])
			p.WriteString(strings.TrimRight(strings.TrimRight(run, "0"), "."))
			c.WriteString(run[:dot] + run[dot+1:])
			last = i + len(run)
			ok = true
		}
		i = j
	}
	if !ok {
		return "", "", false
	}
	p.WriteString(raw[last:])
	c.WriteString(raw[last:])
	vp, err := Parse(raw, spec)
	if err != nil {
		return "", "", false
	}
	comma := spec
	comma.Decimal = DecimalComma
	vc, err := Parse(raw, comma)
	if err != nil || Same(vp, vc) {
		return "", "", false
	}
	return p.String(), c.String(), true
}
