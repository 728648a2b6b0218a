package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/internal/cijson"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/sarif"
)

// sarifRules are the report's rules, one per kind of dispute.
var sarifRules = []sarif.Rule{
	{ID: "claimdiff/dispute-conflict", Name: "DisputeConflict", Short: "Different origins disagree",
		Help: "Independent sources make claims about this topic that cannot both be true. Check the sources, then record the desk's decision under disputes: in the ledger."},
	{ID: "claimdiff/dispute-self", Name: "DisputeSelf", Short: "A source contradicts itself",
		Help: "One origin makes incompatible claims on the same date. Check which one it meant, then record the desk's decision under disputes: in the ledger."},
	{ID: "claimdiff/dispute-negation", Name: "DisputeNegation", Short: "A claim is denied",
		Help: "A source denies what another claims. Check the sources, then record the desk's decision under disputes: in the ledger."},
}

// findings are the report's CI findings, one per dispute. Its rule is that
// of the dispute's first kind; its level follows severity (high error,
// medium warning, low note); it is located at Dispute.At, the first claim
// of the weakest position, so that the annotation lands on the
// contradicted line. Its subject is the dispute's topic, context and
// moment.
func findings(r *Report) []cijson.Finding {
	out := make([]cijson.Finding, 0, len(r.Disputes))
	for i := range r.Disputes {
		d := &r.Disputes[i]
		kind := claims.KindConflict
		if len(d.Kinds) > 0 {
			kind = d.Kinds[0]
		}
		out = append(out, cijson.Finding{
			Code:    "claimdiff/dispute-" + string(kind),
			Level:   sarifLevel(d.Severity),
			Message: disputeMessage(d),
			File:    d.At.File, Line: d.At.Line, Col: d.At.Col,
			Subject: []string{d.Topic, d.Context, d.Moment},
		})
	}
	return out
}

// WriteSARIF writes one SARIF result per dispute (see findings), with a
// partial fingerprint that does not change when lines move. Disputes the
// desk has handled are included too, with their status in the message
// and properties.
func WriteSARIF(w io.Writer, r *Report, version string, warn io.Writer) error {
	fs := findings(r)
	fps := cijson.Fingerprints(fs)
	results := make([]sarif.Result, 0, len(fs))
	for i, f := range fs {
		d := &r.Disputes[i]
		res := sarif.Result{
			RuleID: f.Code, Level: f.Level, Message: f.Message,
			File: f.File, Line: f.Line, Col: f.Col, Fingerprint: fps[i],
			Properties: map[string]any{
				"topic": d.Topic, "severity": string(d.Severity), "score": d.Score,
				"status": d.Status, "kinds": strings.Split(kindsText(d), "+"),
			},
		}
		if d.Expired {
			res.Properties["expired"] = true
		}
		results = append(results, res)
	}
	return sarif.Write(w, sarif.Run{AutomationID: "claimdiff/report/", ToolVersion: version, Rules: sarifRules, Results: results, Warn: warn})
}

// WriteRDJSONL writes reviewdog's rdjsonl: one diagnostic per dispute,
// as in SARIF.
func WriteRDJSONL(w io.Writer, r *Report) error { return cijson.WriteRDJSONL(w, findings(r)) }

// WriteGitLab writes a GitLab Code Quality report: one issue per dispute,
// as in SARIF, with the same fingerprint.
func WriteGitLab(w io.Writer, r *Report) error { return cijson.WriteGitLab(w, findings(r)) }

func sarifLevel(s claims.Severity) string {
	switch s {
	case claims.SeverityHigh:
		return "error"
	case claims.SeverityMedium:
		return "warning"
	}
	return "note"
}

// disputeMessage is one paragraph saying what the dispute is:
// "plan.army-cap: 600,000 (3 independent origins) vs ≈ 425,000 (1
// independent origin); high, open".
func disputeMessage(d *Dispute) string {
	var sides []string
	for _, p := range d.Positions {
		sides = append(sides, fmt.Sprintf("%s (%s)", positionValue(p), render.Plural(p.Origins, "independent origin")))
	}
	msg := fmt.Sprintf("%s: %s; %s %s, %s", disputeName(d), strings.Join(sides, " vs "), d.Severity, kindsText(d), statusText(d))
	if d.Reason != "" {
		msg += "; desk: " + d.Reason
	}
	return msg
}
