package check

import (
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
)

// mistaken judges an assertion on an open dispute whose only other sides,
// or only agreeing sides, are slips: one outlet's slip of the pen against
// a figure several origins carry. A desk does not call "24 April"
// conflicting because one page printed 23 April, nor back 23 April
// because that page did. A misquote still conflicts: the relay's readers
// were told another figure, and the draft should know. It reports whether
// it judged r; a dispute the desk settled or dismissed is left to judge.
func mistaken(r *Result, d *claims.Dispute) bool {
	if d == nil || d.Status == "dismissed" || d.Status == "resolved" && d.Settled != "" {
		return false
	}
	var held, others []Side
	for _, s := range r.Others {
		if s.Mistake != claims.MistakeSlip {
			others = append(others, s)
		} else {
			held = append(held, s)
		}
	}
	agreeing := 0
	for _, s := range r.Agrees {
		if s.Mistake != claims.MistakeSlip {
			agreeing++
		}
	}
	switch {
	case len(held) > 0 && len(others) == 0 && agreeing > 0:
		r.Verdict = Supported
		r.Message = fmt.Sprintf("agrees with %s; set aside: %s", joinSides(r.Agrees), mistakes(held))
		return true
	case len(r.Agrees) > 0 && agreeing == 0 && len(others) > 0:
		r.Verdict = Refuted
		r.Message = fmt.Sprintf("sides only with %s; the ledger says %s", mistakes(r.Agrees), joinSides(others))
		return true
	}
	return false
}

// mistakes writes slips: "2013-04-23 (fashionunited), one outlet's slip".
func mistakes(ss []Side) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String() + ", one outlet's slip"
	}
	return strings.Join(parts, "; ")
}
