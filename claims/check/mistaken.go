package check

import (
	"fmt"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/resolve"
)

// mistaken judges an assertion on an open dispute whose only other sides,
// or only agreeing sides, are slips: one outlet's slip of the pen against
// a figure several origins carry, or its misreading of a bound as the
// figure. A desk does not call "24 April"
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
		if !setAside(s) {
			others = append(others, s)
		} else {
			held = append(held, s)
		}
	}
	agreeing := 0
	for _, s := range r.Agrees {
		if !setAside(s) {
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

// setAside reports whether a side is a mistake check sets aside: a slip,
// or a bound misread as a figure.
func setAside(s Side) bool {
	return s.Mistake == claims.MistakeSlip || s.Mistake == claims.MistakeMisreading
}

// mistakes writes slips and misreadings: "2013-04-23 (fashionunited), one
// outlet's slip".
func mistakes(ss []Side) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		what := "one outlet's slip"
		if s.Mistake == claims.MistakeMisreading {
			what = "one outlet's misreading of a bound"
		}
		parts[i] = s.String() + ", " + what
	}
	return strings.Join(parts, "; ")
}

// laterCounted judges an assertion that agrees with the count of the body
// that keeps it, given after every other side's outlets printed theirs
// (resolve.LaterCount): a desk calls the police's 293 inside supported,
// not conflicting with one outlet's first-day "about 600". It reports
// whether it judged r.
func laterCounted(r *Result, d *claims.Dispute, l *claims.Ledger) bool {
	if d == nil || d.Status == "dismissed" || d.Status == "resolved" && d.Settled != "" || len(r.Agrees) != 1 {
		return false
	}
	lk := resolve.LaterCount(l, d)
	if lk == nil || r.Agrees[0].Value != d.Positions[lk.Position].Common {
		return false
	}
	r.Verdict = Supported
	r.Message = fmt.Sprintf("agrees with %s, the later count of the body that keeps it; set aside: %s, outlets' earlier figures", r.Agrees[0], joinSides(r.Others))
	return true
}
