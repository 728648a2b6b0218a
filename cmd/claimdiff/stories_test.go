package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// The stories corpus (testdata/stories) holds real stories with what a
// desk editor expects of them, written from the articles before claimdiff
// ran. TestStories runs the commands a desk would, on each, and names every
// place the output differs from the expectations.
//
// Misses that are known and not yet fixed are listed, one per line, in
// testdata/stories/misses.txt. The test fails on a miss the file does not
// list, and on a line of the file that no longer misses: the list can only
// shrink, and a fix has to say so.

type storyExpectation struct {
	Story    string
	Written  string
	Disputes []struct {
		Topic    string
		Context  string
		Moment   string
		Kinds    []string
		Severity string
		Sides    []struct {
			Value   string
			Origins []string
		}
		Vague  []string
		Likely string
	}
	Undisputed []string
	Revisions  []struct {
		Topic, Source, From, To string
	}
	Verdicts []struct {
		Link    string
		Verdict string
		Names   []string
	}
}

const storiesDir = "../../testdata/stories"

func TestStories(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(storiesDir, "*", "expected.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	known := knownMisses(t)
	if *update {
		known = map[string]bool{}
		defer func() { writeMisses(t, known) }()
	}
	seen := map[string]bool{}
	for _, exp := range dirs {
		dir := filepath.Dir(exp)
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			for _, m := range judgeStory(t, dir) {
				line := name + ": " + m
				seen[line] = true
				if *update {
					known[line] = true
				} else if !known[line] {
					t.Errorf("%s", line)
				}
			}
		})
	}
	for line := range known {
		if !seen[line] && storyExists(strings.SplitN(line, ":", 2)[0]) {
			t.Errorf("misses.txt lists a miss that no longer happens; remove it:\n\t%s", line)
		}
	}
	t.Logf("%d stories, %d known misses", len(dirs), len(known))
}

// writeMisses rewrites misses.txt with the misses found (go test -update).
func writeMisses(t *testing.T, misses map[string]bool) {
	lines := make([]string, 0, len(misses))
	for m := range misses {
		lines = append(lines, m)
	}
	slices.Sort(lines)
	head := "# Known misses of the stories corpus: what claimdiff does not yet judge as\n" +
		"# the desk expected. TestStories fails on a miss not listed here and on a\n" +
		"# line here that no longer misses. Regenerate with go test -run TestStories -update.\n"
	if err := os.WriteFile(filepath.Join(storiesDir, "misses.txt"), []byte(head+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func storyExists(name string) bool {
	_, err := os.Stat(filepath.Join(storiesDir, name, "expected.yaml"))
	return err == nil
}

func knownMisses(t *testing.T) map[string]bool {
	out := map[string]bool{}
	f, err := os.Open(filepath.Join(storiesDir, "misses.txt"))
	if os.IsNotExist(err) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			out[line] = true
		}
	}
	return out
}

// runJSON runs one claimdiff command line in process and decodes its JSON.
func runJSON(t *testing.T, into any, args ...string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	// A fixed day keeps acknowledgements' expiry from changing the outputs.
	ios.Getenv = func(k string) string {
		if k == "CLAIMDIFF_TODAY" {
			return "2026-11-22"
		}
		return ""
	}
	// check exits 2 on an invalid assertion, and still prints its verdicts.
	runWith(ios, args)
	if err := json.Unmarshal(out.Bytes(), into); err != nil {
		t.Fatalf("claimdiff %s: %v\n%s", strings.Join(args, " "), err, errOut)
	}
}

// judgeStory returns each way the story's outputs differ from its
// expectations, one line each, in a stable order.
func judgeStory(t *testing.T, dir string) []string {
	raw, err := os.ReadFile(filepath.Join(dir, "expected.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var exp storyExpectation
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&exp); err != nil {
		t.Fatalf("%s/expected.yaml: %v", dir, err)
	}
	ledger := loadStory(t, dir)

	var disputed struct {
		Disputes []disputeOut `json:"disputes"`
	}
	runJSON(t, &disputed, "disputed", "-f", ledgerOf(dir), "--format", "json")
	var misses []string
	found := map[string]bool{}
	for i := range exp.Disputes {
		e := &exp.Disputes[i]
		d := findDispute(disputed.Disputes, e.Topic, e.Context, e.Moment)
		where := e.Topic + where(e.Context, e.Moment)
		if d == nil {
			misses = append(misses, fmt.Sprintf("%s: not disputed; expected a dispute", where))
			continue
		}
		found[disputeKey(d.Topic, d.Context, d.Moment)] = true
		for _, k := range e.Kinds {
			if !slices.Contains(d.Kinds, k) {
				misses = append(misses, fmt.Sprintf("%s: kind %s missing (got %s)", where, k, strings.Join(d.Kinds, ", ")))
			}
		}
		// A desk that calls a dispute low (a slip, a lone early guess) does
		// not want it raised; medium and high are the least it would sign.
		switch {
		case e.Severity == "low" && d.Severity != "low":
			misses = append(misses, fmt.Sprintf("%s: severity %s, expected low", where, d.Severity))
		case e.Severity != "" && severityRank(d.Severity) < severityRank(e.Severity):
			misses = append(misses, fmt.Sprintf("%s: severity %s, expected at least %s", where, d.Severity, e.Severity))
		}
		topic := ledger.Topic(e.Topic)
		for _, side := range e.Sides {
			p := findSide(d.Positions, side.Value, topic)
			if p == nil {
				misses = append(misses, fmt.Sprintf("%s: no side headed by %s (sides: %s)", where, side.Value, headsOf(d.Positions)))
				continue
			}
			if side.Origins != nil && !sameSet(p.OriginIDs, side.Origins) {
				misses = append(misses, fmt.Sprintf("%s: side %s has origins [%s], expected [%s]", where,
					side.Value, strings.Join(sorted(p.OriginIDs), " "), strings.Join(sorted(side.Origins), " ")))
			}
		}
		for _, claim := range e.Vague {
			if !slices.ContainsFunc(d.Vague, func(v vagueOut) bool { return v.Claim == claim }) {
				misses = append(misses, fmt.Sprintf("%s: %s is not vague", where, claim))
			}
		}
		misses = append(misses, judgeLikely(where, e.Likely, d, topic)...)
	}
	for _, d := range disputed.Disputes {
		if !found[disputeKey(d.Topic, d.Context, d.Moment)] && slices.Contains(exp.Undisputed, d.Topic) {
			misses = append(misses, fmt.Sprintf("%s: disputed, expected undisputed (sides: %s)",
				d.Topic+where(d.Context, d.Moment), headsOf(d.Positions)))
		}
	}
	misses = append(misses, judgeRevisions(t, dir, exp, ledger)...)
	misses = append(misses, judgeVerdicts(t, dir, exp)...)
	return misses
}

type disputeOut struct {
	Topic     string        `json:"topic"`
	Context   string        `json:"context"`
	Moment    string        `json:"as_of"`
	Kinds     []string      `json:"kinds"`
	Severity  string        `json:"severity"`
	Positions []positionOut `json:"positions"`
	Vague     []vagueOut    `json:"vague"`
	Likely    *struct {
		Value     string `json:"value"`
		Estimate  bool   `json:"estimate"`
		TooLittle bool   `json:"too_little_evidence"`
	} `json:"likely"`
}

type positionOut struct {
	Value     string   `json:"value"`
	Common    string   `json:"common"`
	Denies    bool     `json:"denies"`
	OriginIDs []string `json:"origin_ids"`
}

type vagueOut struct {
	Claim string `json:"claim"`
}

type revisionOut struct {
	Topic  string `json:"topic"`
	Origin string `json:"origin"`
	From   string `json:"from"`
	To     string `json:"to"`
}

type verdictOut struct {
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Asserted string `json:"asserted"`
	Verdict  string `json:"verdict"`
	Message  string `json:"message"`
}

func where(context, moment string) string {
	s := ""
	if context != "" {
		s += " [" + context + "]"
	}
	if moment != "" {
		s += " @" + moment
	}
	return s
}

func disputeKey(topic, context, moment string) string {
	return topic + "\x00" + context + "\x00" + moment
}

// findDispute finds the dispute on topic; an expectation that names no
// context or moment matches the topic's only dispute, or its first.
func findDispute(ds []disputeOut, topic, context, moment string) *disputeOut {
	for i := range ds {
		d := &ds[i]
		if d.Topic == topic && (context == "" || sameContext(d.Context, context)) && (moment == "" || d.Moment == moment) {
			return d
		}
	}
	return nil
}

// sameContext compares two contexts as sets of key=value pairs, however
// they are separated: the README writes "until=close,year=2013", JSON
// "until=close; year=2013".
func sameContext(a, b string) bool {
	pairs := func(s string) []string {
		out := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
		for i := range out {
			out[i] = strings.TrimSpace(out[i])
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(pairs(a), pairs(b))
}

func severityRank(s string) int { return slices.Index([]string{"low", "medium", "high"}, s) }

func headsOf(ps []positionOut) string {
	var out []string
	for _, p := range ps {
		v := p.Value
		if p.Denies {
			v = "not " + v
		}
		out = append(out, v)
	}
	return strings.Join(out, " | ")
}

// findSide finds the position headed by want, read as the topic's type: a
// denial is written "not VALUE".
func findSide(ps []positionOut, want string, topic *claims.Topic) *positionOut {
	denies := false
	if rest, ok := strings.CutPrefix(want, "not "); ok {
		denies, want = true, rest
	}
	for i := range ps {
		// The common set stands in for a heading a parser cannot read
		// alone, such as a date without its year.
		if ps[i].Denies == denies && (sameValue(ps[i].Value, want, topic) || sameValue(ps[i].Common, want, topic)) {
			return &ps[i]
		}
	}
	return nil
}

// sameValue reports whether two values as written read as the same value
// of the topic: for numbers, sets that meet once the topic's tolerance
// widens them and whose nominal figures agree.
func sameValue(got, want string, topic *claims.Topic) bool {
	if strings.EqualFold(strings.TrimSpace(got), strings.TrimSpace(want)) {
		return true
	}
	if topic == nil {
		return false
	}
	g, err1 := value.Parse(got, topic.Spec)
	w, err2 := value.Parse(want, topic.Spec)
	if err1 != nil || err2 != nil {
		return false
	}
	return value.Same(g, w) || value.Meets(g, w) && value.Meets(w, g) && g.Atom == w.Atom && nominalClose(g, w)
}

func nominalClose(a, b value.Value) bool {
	if a.Nominal != a.Nominal || b.Nominal != b.Nominal { // NaN: ranges, bounds
		return a.Lo == b.Lo && a.Hi == b.Hi
	}
	return value.Meets(a, b)
}

func judgeLikely(where, want string, d *disputeOut, topic *claims.Topic) []string {
	switch {
	case want == "":
		return nil
	case want == "unknown":
		if d.Likely != nil && d.Likely.Estimate && !d.Likely.TooLittle {
			return []string{fmt.Sprintf("%s: the estimate names %s, expected too little evidence to say", where, d.Likely.Value)}
		}
		return nil
	case d.Likely == nil || d.Likely.TooLittle:
		return []string{fmt.Sprintf("%s: no likely value, expected %s", where, want)}
	case !sameValue(d.Likely.Value, want, topic):
		return []string{fmt.Sprintf("%s: likely %s, expected %s", where, d.Likely.Value, want)}
	}
	return nil
}

func judgeRevisions(t *testing.T, dir string, exp storyExpectation, ledger *claims.Ledger) []string {
	if len(exp.Revisions) == 0 {
		return nil
	}
	var list struct {
		Revisions []revisionOut `json:"revisions"`
	}
	runJSON(t, &list, "list", "-f", ledgerOf(dir), "--history", "--format", "json")
	var misses []string
	for _, r := range exp.Revisions {
		topic := ledger.Topic(r.Topic)
		if !slices.ContainsFunc(list.Revisions, func(g revisionOut) bool {
			return g.Topic == r.Topic && g.Origin == r.Source && sameStated(g.From, r.From, topic) && sameStated(g.To, r.To, topic)
		}) {
			misses = append(misses, fmt.Sprintf("%s: no revision by %s from %s to %s", r.Topic, r.Source, r.From, r.To))
		}
	}
	return misses
}

// sameStated is sameValue for a revision's ends, which may be denials:
// the engine writes "not 420,000", the expectations "not 420000".
func sameStated(got, want string, topic *claims.Topic) bool {
	g, gDenies := strings.CutPrefix(strings.TrimSpace(got), "not ")
	w, wDenies := strings.CutPrefix(strings.TrimSpace(want), "not ")
	return gDenies == wDenies && sameValue(g, w, topic)
}

func judgeVerdicts(t *testing.T, dir string, exp storyExpectation) []string {
	if len(exp.Verdicts) == 0 {
		return nil
	}
	var check struct {
		Results []verdictOut `json:"results"`
	}
	draft := filepath.Join(dir, "draft.md")
	runJSON(t, &check, "check", "-f", ledgerOf(dir), draft, "--format", "json")
	links := draftLinks(t, draft)
	var misses []string
	for _, v := range exp.Verdicts {
		i := slices.IndexFunc(check.Results, func(r verdictOut) bool {
			return slices.Contains(links[v.Link], [2]int{r.Line, r.Column})
		})
		if i < 0 {
			misses = append(misses, fmt.Sprintf("draft: no link %q", v.Link))
			continue
		}
		r := check.Results[i]
		if r.Verdict != v.Verdict {
			misses = append(misses, fmt.Sprintf("draft: %q is %s, expected %s", v.Link, r.Verdict, v.Verdict))
		}
		for _, name := range v.Names {
			if !strings.Contains(r.Message, name) {
				misses = append(misses, fmt.Sprintf("draft: %q does not name %s", v.Link, name))
			}
		}
	}
	return misses
}

var linkRE = regexp.MustCompile(`\[([^\]]+)\]\(claim:`)

// draftLinks finds where each link's text stands in a draft, as check
// places its verdicts: the line and the column of the "[" (in runes, or in
// bytes, whichever check counts).
func draftLinks(t *testing.T, path string) map[string][][2]int {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][][2]int{}
	for n, line := range strings.Split(string(raw), "\n") {
		for _, m := range linkRE.FindAllStringSubmatchIndex(line, -1) {
			text := line[m[2]:m[3]]
			out[text] = append(out[text], [2]int{n + 1, m[0] + 1}, [2]int{n + 1, utf8.RuneCountInString(line[:m[0]]) + 1})
		}
	}
	return out
}

func loadStory(t *testing.T, dir string) *claims.Ledger {
	files, err := load.Find(".", []string{ledgerOf(dir)})
	if err != nil {
		t.Fatal(err)
	}
	l, err := load.Load(files, load.Options{})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return l
}

// ledgerOf is a story's ledger: its claims.yaml, not the directory, which
// also holds expected.yaml.
func ledgerOf(dir string) string { return filepath.Join(dir, "claims.yaml") }

func sameSet(a, b []string) bool { return slices.Equal(sorted(a), sorted(b)) }

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return slices.Compact(out)
}
