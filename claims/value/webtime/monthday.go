package webtime

import (
	"strings"
)

// MonthDay reads a date a writer gives without its year, as prose does
// once the story has made the year plain: "September 10th", "Sept. 10",
// "10 September", "Thursday, 10 Sept". ok is false for anything else,
// including a date that has a year.
func MonthDay(raw string) (m, d int, ok bool) {
	tok := strings.FieldsFunc(strings.ToLower(strings.TrimSpace(raw)), func(r rune) bool { return r == ' ' || r == ',' })
	if len(tok) > 0 && isWeekday(tok[0]) {
		tok = tok[1:]
	}
	if len(tok) != 2 {
		return 0, 0, false
	}
	m, mok := month(tok[0])
	d, dok := day(tok[1])
	if !mok || !dok {
		m, mok = month(tok[1])
		d, dok = day(tok[0])
	}
	if !mok || !dok || d > 31 {
		return 0, 0, false
	}
	return m, d, true
}
