package value

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// Value is what one claim says, as a set.
//
// Numeric types are intervals of float64: number; percent in percentage
// points (19% is 19); money in units of its currency; duration in days;
// date in days since 1970-01-01; datetime in seconds since the Unix epoch,
// UTC. Bool, choice and text values are single atoms.
//
// A Value whose Nominal is NaN is not == to itself; compare with Same.
type Value struct {
	Raw  string // as written
	Type Type

	// Lo and Hi bound the set after widening; -Inf and +Inf for half-lines.
	// Infinite ends are always open.
	Lo, Hi float64
	// Nominal is the number as written, for display and arithmetic
	// (850000 for "about 850,000"); NaN for bounds, intervals and periods.
	Nominal float64

	// Currency is the ISO code of a money value: the one written, or the
	// topic's when none was written (empty if neither says).
	Currency string

	// Atom is "yes" or "no" for bool, the canonical name for choice and
	// the normalised text for text.
	Atom string

	// Ref is the topic a relative value ("half of x") refers to and Factor
	// the scale (0.5). Form says which set the scaled value makes: the
	// scaled set itself, a half-line from it ("up to 3 times x") or an
	// interval up to FactorHi times it ("between 2 and 3 times x");
	// FactorHi is 0 for the other forms. Until Resolve, a relative value
	// spans everything.
	Ref      string
	Factor   float64
	FactorHi float64

	// The flags sit together so that a million values do not each pad
	// four of them to eight bytes.
	LoOpen, HiOpen bool
	// Approx is set for values written with about, around, nearly, ~ and
	// the like.
	Approx bool
	// Negated is set by the caller for `denies: true`: the value denotes
	// the complement of its set.
	Negated bool
	// Form is a relative value's shape (see Ref); it fits in the room
	// the flags leave.
	Form RelForm
}

// maxMagnitude keeps widened numbers finite: nothing a ledger says about
// the world is larger, and infinities would make sets meet by accident.
const maxMagnitude = 1e300

// maxLen bounds the numeric values worth reading, so that garbage costs
// little: the longest real one ("between approximately 1,000,000 and
// 2,000,000 US dollars") is far shorter.
const maxLen = 256

// Parse reads raw according to spec.
func Parse(raw string, spec Spec) (Value, error) {
	v, _, _, err := parse(raw, spec)
	return v, err
}

// ParseNote is Parse that also returns the value's note: the notes
// SplitNote cuts off the end and, on date and datetime topics, what a web
// page wrote after the time or in place of it (a status such as "On
// Time", a marker such as "*", the words of a placeholder such as "Dec
// 04 - Contact Airline"). The note is returned with ErrNoValue too.
func ParseNote(raw string, spec Spec) (Value, string, error) {
	v, _, note, err := parse(raw, spec)
	return v, note, err
}

// parse is ParseNote that also reports whether the value was marked with
// its type's sign (a percent sign, a currency, a unit of time, a clock
// time), which Infer needs.
func parse(raw string, spec Spec) (Value, bool, string, error) {
	if spec.Type == Number && len(spec.NoValue) == 0 {
		if n, approx, ok := plainNumberAbout(raw, spec.Decimal); ok {
			c := ctx{typ: Number, tol: spec.Tolerance.clamped()}
			return c.point(unbounded(Value{Raw: raw, Type: Number}), point{lo: n, hi: n}, approx), false, "", nil
		}
	}
	body, note := SplitNote(unescapeWeb(raw, spec.Type), spec)
	if spec.Type != Choice && noValue(body, spec) {
		v := Value{Raw: raw, Type: spec.Type}
		if spec.Type.Numeric() {
			v = unbounded(v)
		}
		return v, false, note, noValueError(raw)
	}
	v, marked, tail, err := parseBody(body, spec)
	if err != nil && spec.Type == Choice && noValue(body, spec) {
		err = noValueError(raw)
	}
	if errors.Is(err, ErrNoValue) {
		err = noValueError(raw) // the whole value's, not its body's
	}
	v.Raw = raw
	return v, marked, joinNotes(tail, note), err
}

// joinNotes joins the notes a value carries, each once, with "; ".
func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "" || a == b:
		return a
	}
	return a + "; " + b
}

func noValueError(raw string) error {
	return fmt.Errorf("%s is a placeholder for %w", lex.Quote(raw), ErrNoValue)
}

// parseBody is parse for a value without its notes; raw is that value.
func parseBody(raw string, spec Spec) (Value, bool, string, error) {
	var s string
	if spec.Type.Numeric() && len(raw) > 4*maxLen {
		s = raw // too long whatever clean folds; skip the work
	} else {
		s = lex.Clean(raw)
	}
	if s == "" {
		return Value{Raw: raw, Type: spec.Type}, false, "", errors.New("empty value")
	}
	switch spec.Type {
	case Bool:
		v, err := parseBool(raw)
		return v, true, "", err
	case Choice:
		v, err := parseChoice(raw, spec)
		return v, true, "", err
	case Text:
		return parseText(raw), true, "", nil
	case Names:
		v, err := parseNames(raw)
		return v, true, "", err
	case Number, Percent, Money, Duration, Date, DateTime:
		if len(s) > maxLen {
			return Value{Raw: raw, Type: spec.Type}, false, "",
				fmt.Errorf("%s is too long to be %s", lex.Quote(raw), noun(spec.Type))
		}
		c := newCtx(spec)
		v, err := c.parse(raw, s)
		if err != nil && spec.Type == Number {
			err = numberHint(raw, spec.Decimal, err)
		}
		return v, c.marked, c.note, err
	}
	return Value{Raw: raw, Type: spec.Type}, false, "", fmt.Errorf("unknown type %q", string(spec.Type))
}

// numberHint explains why something that reads as a percentage or an
// amount of money is not a number, which is likelier than a typo.
func numberHint(raw string, dec Decimal, err error) error {
	if _, marked, _, e := parse(raw, Spec{Type: Percent, Decimal: dec}); e == nil && marked {
		return fmt.Errorf("%s is a percentage, but the topic's type is number", lex.Quote(raw))
	}
	if v, _, _, e := parse(raw, Spec{Type: Money, Decimal: dec}); e == nil && v.Currency != "" {
		return fmt.Errorf("%s is an amount of money, but the topic's type is number", lex.Quote(raw))
	}
	return err
}

func unbounded(v Value) Value {
	v.Lo, v.Hi = math.Inf(-1), math.Inf(1)
	v.LoOpen, v.HiOpen = true, true
	v.Nominal = math.NaN()
	return v
}

// plainNumberAbout is plainNumber, also after the commonest words of
// approximation ("about 850,000", "~850,000").
func plainNumberAbout(raw string, dec Decimal) (n float64, approx, ok bool) {
	if raw != "" && (raw[0] == 'a' || raw[0] == '~') {
		for _, w := range [...]string{"about ", "around ", "approximately ", "~"} {
			if rest, found := strings.CutPrefix(raw, w); found {
				n, ok = plainNumber(rest, dec)
				return n, true, ok
			}
		}
	}
	n, ok = plainNumber(raw, dec)
	return n, false, ok
}

// plainNumber reads the commonest value of a big feed, a whole number in
// digits alone or with commas between groups of three ("600000",
// "600,000"; dots under a decimal comma, "600.000"), without the general
// parser's passes over keywords and units. It answers only where the
// general parser gives the same number (FuzzPlainNumber holds it to
// that) and leaves everything else to it: leading zeros, other
// separators, more digits than a float64 holds.
func plainNumber(raw string, dec Decimal) (float64, bool) {
	if len(raw) == 0 || len(raw) > 20 || raw[0] == '0' && len(raw) > 1 {
		return 0, false
	}
	sep := byte(',')
	if dec == DecimalComma {
		sep = '.'
	}
	var n uint64
	digits, group := 0, -1 // group counts digits since the last separator
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c >= '0' && c <= '9':
			n = n*10 + uint64(c-'0')
			digits++
			if group >= 0 {
				group++
			}
		case c == sep && i > 0 && (group == 3 || group < 0 && digits <= 3):
			group = 0
		default:
			return 0, false
		}
	}
	if group >= 0 && group != 3 || digits > 15 {
		return 0, false
	}
	return float64(n), true
}
