package value

import (
	"errors"
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// FormError is a date or a time written in no form claimdiff reads. Its
// message says so, and names the layouts declared that it does not
// match; Hint lists the forms that are read, for a reader to write it
// in one or to declare its form (`layout:`).
type FormError struct {
	msg  string
	hint string
}

func (e *FormError) Error() string { return e.msg }

// Hint is the advice on how to write such a value so that it is read.
func (e *FormError) Hint() string { return e.hint }

// Hint is the advice an error from Parse carries (see FormError), or "".
func Hint(err error) string {
	var fe *FormError
	if errors.As(err, &fe) {
		return fe.hint
	}
	return ""
}

// acceptedForms are examples of the date and time forms read without a
// declaration, one of each family (see "Times, zones and placeholders"
// in LEDGER.md); TestFormErrorHint reads each.
var acceptedForms = []string{
	"2011-12-04T16:12:00-05:00", "2011-12-04 16:12 EST", "12/04/2011 4:12 PM", "Sun, Dec 4, 2011 4:12 p.m.",
	"4 December 2011 16:12", "4:12 PM, Dec 04", "Dec 04 - 4:12pm", "2011-12-04 Sun 16:12",
}

func (c *ctx) formError() error {
	msg := fmt.Sprintf("%s is not %s", lex.Quote(c.raw), noun(c.typ))
	if len(c.layouts) > 0 {
		names := make([]string, len(c.layouts))
		for i, l := range c.layouts {
			names[i] = lex.Quote(l.String())
		}
		msg += fmt.Sprintf(", and matches no declared layout (%s)", strings.Join(names, ", "))
	}
	forms := make([]string, len(acceptedForms))
	for i, f := range acceptedForms {
		forms[i] = lex.Quote(f)
	}
	hint := "accepted forms include " + strings.Join(forms, ", ") +
		"; for another form, declare `layout:` on the source or the topic (as in \"2006-01-02 3:04 PM\" or \"%Y-%m-%d %I:%M %p\")"
	return &FormError{msg: msg, hint: hint}
}
