package value

import (
	"strings"
	"time"
)

// Type is how a topic's values are read and compared.
type Type string

const (
	Number   Type = "number"
	Percent  Type = "percent"
	Money    Type = "money"
	Duration Type = "duration"
	Date     Type = "date"
	DateTime Type = "datetime"
	Bool     Type = "bool"
	Choice   Type = "choice"
	Text     Type = "text"
	// Names is a list of people or organisations ("Knuth, Donald E.;
	// Patashnik, Oren"), compared as a set of names whatever the order
	// they are written in; see ParseNames.
	Names Type = "names"
)

// Types lists all types in documentation order.
var Types = []Type{Number, Percent, Money, Duration, Date, DateTime, Bool, Choice, Text, Names}

// ParseType returns the type named s, ignoring case and surrounding space.
func ParseType(s string) (Type, bool) {
	s = strings.TrimSpace(s)
	for _, t := range Types {
		if strings.EqualFold(s, string(t)) {
			return t, true
		}
	}
	return "", false
}

// Numeric reports whether values of t are sets of numbers (Lo, Hi and
// Nominal are meaningful) rather than atoms.
func (t Type) Numeric() bool {
	switch t {
	case Number, Percent, Money, Duration, Date, DateTime:
		return true
	}
	return false
}

// Scalable reports whether values of t may be relative ("half of x"):
// scaling a date by a factor means nothing, scaling an amount does.
func (t Type) Scalable() bool {
	switch t {
	case Number, Percent, Money, Duration:
		return true
	}
	return false
}

// ChoiceDef is one of a choice topic's values and the other ways of
// writing it.
type ChoiceDef struct {
	Name    string
	Aliases []string
}

// Spec is how a topic reads its values.
type Spec struct {
	Type Type
	// Unit is a free unit for numbers ("personnel"), the currency for
	// money ("USD", "EUR", or a symbol such as "$") and, for durations, the
	// unit of values written without one ("days").
	Unit      string
	Tolerance Tolerance
	Choices   []ChoiceDef // for Choice
	// Decimal is the decimal mark that amounts (numbers, percentages,
	// money, durations) are written with: a point unless the source or
	// the ledger declares `decimal: comma`.
	Decimal Decimal

	// DateOrder is the order of an all-numeric date's parts (`date_order:`
	// on the source or the ledger); unset reads month first where both
	// orders are possible, and AmbiguousDate says where that was a guess.
	DateOrder DateOrder
	// Zone is the zone of datetimes written without one (`zone:` on the
	// topic or the source; see ParseZone). Nil leaves such a datetime
	// spanning every zone from UTC-12 to UTC+14, as a date does. A zone
	// written in the value always wins.
	Zone *time.Location
	// Near is the moment a value without a year ("Dec 01") or without a
	// date ("1:55 PM") was written near, usually the claim's date: such a
	// value takes the year or the day that puts it nearest Near. Zero
	// means unknown, and such a value is an error that says what it
	// lacks.
	Near time.Time
	// Layouts are the forms of date and time a source or a topic
	// declares (`layout:`; see ParseLayout), tried in order before the
	// general rules.
	Layouts []Layout
	// NoValue lists more placeholders that mean "no value" (`no_value:`),
	// beside the built-in ones such as "N/A" and "unknown"; see IsNoValue.
	NoValue []string

	// choiceIndex maps each way of writing a choice, normalised, to its
	// name (IndexChoices); nil means searching Choices.
	choiceIndex map[string]string
}
