package resolveout

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/estimate"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/render"
	"github.com/claimdiff/claimdiff/internal/safetext"
)

// ExplanationRecord is one topic's explanation in --explain --format
// json.
type ExplanationRecord struct {
	Topic    string `json:"topic"`
	Context  string `json:"context,omitempty"`
	AsOf     string `json:"as_of,omitempty"`
	Currency string `json:"currency,omitempty"`
	// WrongValues is how many wrong values the topic is taken to have;
	// Unclaimed how many of them no claim names, each with
	// UnclaimedScore.
	WrongValues    float64 `json:"wrong_values"`
	Unclaimed      float64 `json:"unclaimed"`
	UnclaimedScore float64 `json:"unclaimed_score"`
	// UnclaimedSupport are the vague claims and denials that fit the
	// values no claim names.
	UnclaimedSupport []SupportRecord   `json:"unclaimed_support,omitempty"`
	Candidates       []CandidateRecord `json:"candidates"`
	Ignored          []IgnoredRecord   `json:"ignored,omitempty"`
	// Copying is the evidence behind each likely copying between two
	// sources that claim one value here.
	Copying []CopyingRecord `json:"copying,omitempty"`
}

// CopyingRecord is why two sources are taken to copy one another, from
// what they share across the ledger (resolve.CopyFinding).
type CopyingRecord struct {
	Sources     [2]string `json:"sources"`
	Dependence  float64   `json:"dependence"`
	Shared      int       `json:"shared"`
	LikelyWrong int       `json:"shared_likely_wrong"`
	Differ      int       `json:"differ"`
	SameForm    int       `json:"same_form"`
	OtherForm   int       `json:"other_form"`
}

// CandidateRecord is a value claimed and the votes behind it.
type CandidateRecord struct {
	Value       string          `json:"value"`
	Canonical   string          `json:"canonical"`
	Probability float64         `json:"probability"`
	Score       float64         `json:"score"`
	Support     []SupportRecord `json:"support"`
}

// SupportRecord is one origin's vote: score = weight × share × fit ×
// discount.
type SupportRecord struct {
	Source        string       `json:"source"`
	Claims        []string     `json:"claims"`
	How           string       `json:"how"`
	Accuracy      float64      `json:"accuracy,omitempty"`
	Weight        float64      `json:"weight"`
	Share         float64      `json:"share"`
	Fit           float64      `json:"fit"`
	Discount      float64      `json:"discount"`
	DiscountedFor []CopyRecord `json:"discounted_for,omitempty"`
	Score         float64      `json:"score"`
}

// IgnoredRecord is a claim that took no part.
type IgnoredRecord struct {
	Claim  string `json:"claim"`
	Reason string `json:"reason"`
}

func round4(x float64) float64 {
	s, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return s
}

// ExplanationRecords are r's explanations as records.
func ExplanationRecords(r *resolve.Result) []ExplanationRecord {
	l := r.Ledger
	out := []ExplanationRecord{}
	for _, x := range r.Explanations {
		rec := ExplanationRecord{Topic: x.Topic, Context: x.Context, AsOf: x.Moment, Currency: x.Currency,
			WrongValues: x.WrongValues, Unclaimed: x.Unclaimed, UnclaimedScore: round4(x.UnclaimedScore)}
		for _, c := range x.Candidates {
			cr := CandidateRecord{Value: c.Value, Canonical: c.Canonical, Probability: Round(c.Probability), Score: round4(c.Score)}
			for _, s := range c.Support {
				cr.Support = append(cr.Support, supportRecord(l, s))
			}
			rec.Candidates = append(rec.Candidates, cr)
		}
		for _, s := range x.UnclaimedSupport {
			rec.UnclaimedSupport = append(rec.UnclaimedSupport, supportRecord(l, s))
		}
		for _, ig := range x.Ignored {
			rec.Ignored = append(rec.Ignored, IgnoredRecord{Claim: l.Claims[ig.Claim].ID, Reason: ig.Reason})
		}
		for _, c := range x.Copying {
			rec.Copying = append(rec.Copying, CopyingRecord{Sources: [2]string{c.A, c.B}, Dependence: Round(c.Dependence), Shared: c.Shared,
				LikelyWrong: c.LikelyWrong, Differ: c.Differ, SameForm: c.SameForm, OtherForm: c.OtherForm})
		}
		out = append(out, rec)
	}
	return out
}

func supportRecord(l *claims.Ledger, s resolve.Support) SupportRecord {
	sr := SupportRecord{Source: s.Origin, Claims: ids(l, s.Claims), How: s.How, Accuracy: round4(s.Accuracy),
		Weight: round4(s.Weight), Share: round4(s.Share), Fit: round4(s.Fit), Discount: round4(s.Discount), Score: round4(s.Score)}
	for _, d := range s.DiscountedFor {
		sr.DiscountedFor = append(sr.DiscountedFor, CopyRecord{Source: d.From, Probability: Round(d.Probability), Dependence: Round(d.Dependence)})
	}
	return sr
}

// ExplainJSON writes the explanations as {"explanations": [...]}.
func ExplainJSON(w io.Writer, r *resolve.Result) error {
	return render.WriteJSON(w, struct {
		Explanations []ExplanationRecord `json:"explanations"`
	}{ExplanationRecords(r)})
}

// ExplainText writes why each explained topic got its value: every
// value claimed, most likely first, with the votes behind it.
func ExplainText(w io.Writer, st *render.Styles, r *resolve.Result) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	l := r.Ledger
	for xi, x := range r.Explanations {
		if xi > 0 {
			bw.WriteString("\n")
		}
		bw.WriteString(st.Paint(st.Header, safetext.Line(x.Topic)) + "\n")
		if t := l.Topic(x.Topic); t != nil && t.Question != "" {
			fmt.Fprintf(bw, "  %s\n", safetext.Line(t.Question))
		}
		if x.Context != "" {
			fmt.Fprintf(bw, "  %s %s\n", st.Paint(st.Dim, "context:"), safetext.Line(x.Context))
		}
		if x.Moment != "" {
			fmt.Fprintf(bw, "  %s %s\n", st.Paint(st.Dim, "as of:"), safetext.Line(x.Moment))
		}
		if x.Currency != "" {
			fmt.Fprintf(bw, "  %s %s\n", st.Paint(st.Dim, "currency:"), safetext.Line(x.Currency))
		}
		if r.Method == resolve.Majority {
			bw.WriteString("  each independent origin has one vote\n")
		} else {
			fmt.Fprintf(bw, "  n = %s: the topic is taken to have %s\n", num(x.WrongValues), plural(x.WrongValues, "wrong value"))
		}
		for _, c := range x.Candidates {
			value := c.Value
			if c.Canonical != "" && c.Canonical != value {
				value += " = " + c.Canonical
			}
			fmt.Fprintf(bw, "\n  %s  %s %s  %s %.2f\n", st.Paint(st.Bold, safetext.Line(value)),
				st.Paint(st.Dim, "probability"), estimate.Percent(c.Probability), st.Paint(st.Dim, "score"), c.Score)

			supportTable(bw, st, r, c.Support)
		}
		if x.Unclaimed > 0 && r.Method != resolve.Majority {
			what := "each of " + plural(x.Unclaimed, "value") + " no claim names"
			if x.Unclaimed == 1 {
				what = "the one value no claim names"
			}
			fmt.Fprintf(bw, "\n  %s  %s %.2f\n", st.Paint(st.Bold, what), st.Paint(st.Dim, "score"), x.UnclaimedScore)
			if len(x.UnclaimedSupport) > 0 {
				supportTable(bw, st, r, x.UnclaimedSupport)
			}
		}
		if len(x.Copying) > 0 {
			bw.WriteString("\n  " + st.Paint(st.Dim, "likely copying, from what each two share across the ledger:") + "\n")
			for _, g := range copyGroups(x.Copying) {
				if len(g) > 2 {
					fmt.Fprintf(bw, "    %s copy one another, and count about once\n", safetext.Line(strings.Join(g, ", ")))
				}
			}
			for _, c := range x.Copying {
				fmt.Fprintf(bw, "    %s and %s (%s): %s shared, %d of them likely wrong; differ on %s; written the same way %d of %d times where other sources write them otherwise\n",
					safetext.Line(c.A), safetext.Line(c.B), estimate.Percent(c.Dependence), plural(float64(c.Shared), "value"), c.LikelyWrong,
					plural(float64(c.Differ), "topic"), c.SameForm, c.SameForm+c.OtherForm)
			}
		}
		if len(x.Ignored) > 0 {
			bw.WriteString("\n  " + st.Paint(st.Dim, "not counted:") + "\n")
			for _, ig := range x.Ignored {
				fmt.Fprintf(bw, "    %s: %s\n", safetext.Line(l.Claims[ig.Claim].ID), ig.Reason)
			}
		}
	}
	if len(r.Explanations) > 0 && r.Method != resolve.Majority {
		bw.WriteString("\n" + st.Paint(st.Dim, "score = weight × share × fit × discount; weight = ln(n × accuracy / (1 − accuracy)) for n wrong values;\n"+
			"probability = e^score / (the sum of e^score over the values claimed and, for each value no claim names, e^(its score))") + "\n")
	}
	return bw.Flush()
}

// supportTable lists the votes behind one value.
func supportTable(w *bufio.Writer, st *render.Styles, r *resolve.Result, support []resolve.Support) {
	rows := make([][]string, 0, len(support))
	for _, s := range support {
		disc := num(s.Discount)
		var copies []string
		for _, d := range s.DiscountedFor {
			copies = append(copies, fmt.Sprintf("%s %s", d.From, estimate.Percent(d.Dependence)))
		}
		if len(copies) > 0 {
			disc += " (" + strings.Join(copies, ", ") + ")"
		}
		acc := estimate.Percent(s.Accuracy)
		if r.Method == resolve.Majority {
			acc = "-"
		}
		rows = append(rows, []string{"  " + s.Origin, s.How, acc, num(s.Weight), num(s.Share), num(s.Fit), disc,
			num(s.Score), strings.Join(ids(r.Ledger, s.Claims), " ")})
	}
	table(w, st, []string{"  SOURCE", "HOW", "ACCURACY", "WEIGHT", "SHARE", "FIT", "DISCOUNT", "SCORE", "CLAIMS"}, rows)
}

// copyGroups joins the pairs into groups that copy one another, each
// sorted, in order of their first source.
func copyGroups(pairs []resolve.CopyFinding) [][]string {
	root := map[string]string{}
	var find func(s string) string
	find = func(s string) string {
		if r, ok := root[s]; ok && r != s {
			root[s] = find(r)
			return root[s]
		}
		root[s] = s
		return s
	}
	for _, p := range pairs {
		a, b := find(p.A), find(p.B)
		if a != b {
			root[max(a, b)] = min(a, b)
		}
	}
	byRoot := map[string][]string{}
	for s := range root {
		r := find(s)
		byRoot[r] = append(byRoot[r], s)
	}
	var out [][]string
	for _, g := range byRoot {
		slices.Sort(g)
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}

func num(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func plural(n float64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return num(n) + " " + noun + "s"
}
