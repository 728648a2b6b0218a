package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

func TestCheckQuotes(t *testing.T) {
	a := loadCheckLedger(t, "2025-12-01")
	tests := []struct {
		claim   string
		status  QuoteStatus
		text    string // the source whose text holds the best passage
		message string
		passage string
	}{
		{claim: "city-hall/cost", status: QuoteMatched, text: "city-hall", passage: "The repair is budgeted at $12 million"},
		// Close to the text, but a figure was changed.
		{claim: "gazette/cost", status: QuoteMismatch, text: "river-gazette",
			message: "similarity 0.94, but the passage does not say 14.2", passage: "The city puts the cost at $12.4 million"},
		{claim: "radio-north/cost", status: QuoteUnchecked, message: "no source on the chain radio-north has an archived text"},
		// Matched across a line break of the archive.
		{claim: "city-hall/reopening", status: QuoteMatched, text: "city-hall", passage: "the city expects the bridge to\nreopen on 1 March 2026"},
		// Found in the text of a source on the chain, not the origin's.
		{claim: "okafor/reopening", status: QuoteMatched, text: "river-gazette", passage: "realistically take until June"},
		// Tampered beyond the threshold.
		{claim: "city-hall/lanes", status: QuoteMismatch, text: "city-hall",
			message: "the quote is not in texts/city-notice.txt (city-hall): the closest passage has similarity 0.78, below 0.90",
			passage: "works, “two lanes of the Harbour Road\ndetour will stay open around the"},
		{claim: "city-official/lanes", status: QuoteClose, text: "river-gazette", message: "similarity 0.93"},
		// Quote marks, case, white space and dashes do not matter.
		{claim: "city-hall/tolls", status: QuoteMatched, text: "city-hall"},
		{claim: "okafor/months", status: QuoteMatched, text: "river-gazette",
			passage: "We were lucky to catch it – another winter and we'd be talking about a\ncollapse"},
	}
	got := map[string]QuoteResult{}
	for _, q := range Quotes(a.Ledger, DefaultQuoteThreshold) {
		got[q.Claim] = q
	}
	if len(got) != len(tests) {
		t.Errorf("got %d quote results, want %d", len(got), len(tests))
	}
	for _, tt := range tests {
		q, ok := got[tt.claim]
		if !ok {
			t.Errorf("%s: no result", tt.claim)
			continue
		}
		if q.Status != tt.status || q.TextSource != tt.text || !strings.Contains(q.Message, tt.message) ||
			tt.passage != "" && q.Passage != tt.passage {
			t.Errorf("%s: got %s in %q: %s\npassage %q", tt.claim, q.Status, q.TextSource, q.Message, q.Passage)
		}
		if wantFail := tt.status == QuoteMismatch; q.Fails != wantFail {
			t.Errorf("%s: Fails = %v", tt.claim, q.Fails)
		}
		if q.Pos.File != checkLedger || q.Pos.Line == 0 {
			t.Errorf("%s: position %s", tt.claim, q.Pos)
		}
	}
	// A stricter threshold fails the close quote.
	for _, q := range Quotes(a.Ledger, 0.95) {
		if q.Claim == "city-official/lanes" && (q.Status != QuoteMismatch || !strings.Contains(q.Message, "similarity 0.93, below 0.95")) {
			t.Errorf("threshold 0.95: %s: %s", q.Status, q.Message)
		}
	}
}

// A text that cannot be read when quotes are checked is an input error,
// not a pass and not a mismatch.
func TestCheckQuotesUnreadable(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "texts"), 0o755); err != nil {
		t.Fatal(err)
	}
	ledger := filepath.Join(dir, "ledger.yaml")
	text := filepath.Join(dir, "texts", "a.txt")
	write(t, ledger, `ledger: 1
sources:
  a: {name: A, kind: outlet, text: texts/a.txt}
claims:
  - {topic: t, value: 1, source: a, quote: one thing}
`)
	write(t, text, "one thing, said once")
	l, err := load.Load(load.Paths([]string{ledger}), load.Options{})
	if err != nil || diag.HasErrors(l.Problems, false) {
		t.Fatalf("load: %v %v", err, l.Problems)
	}
	if q := Quotes(l, DefaultQuoteThreshold); len(q) != 1 || q[0].Status != QuoteMatched {
		t.Fatalf("before removal: %+v", q)
	}
	if err := os.Remove(text); err != nil {
		t.Fatal(err)
	}
	q := Quotes(l, DefaultQuoteThreshold)
	if len(q) != 1 || q[0].Status != QuoteUnreadable || !q[0].Fails ||
		q[0].Message != `cannot read the archived text of a: text file "texts/a.txt" does not exist` {
		t.Errorf("after removal: %+v", q)
	}
}

// The built-in example has no archived texts: every quote is unchecked.
func TestCheckQuotesExample(t *testing.T) {
	l := load.Bytes("example.yaml", example.YAML)
	for _, q := range Quotes(l, DefaultQuoteThreshold) {
		if q.Status != QuoteUnchecked || q.Fails {
			t.Fatalf("%s: %s", q.Claim, q.Status)
		}
	}
}

func TestFigures(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"$12,400.5 and 3 lanes", []string{"12400.5", "3"}},
		{"in 2025, 600,000 troops.", []string{"2025", "600000"}},
		{"no numbers, none", nil},
		{"1.2.3 and 4,", []string{"1.2.3", "4"}},
	}
	for _, tt := range tests {
		if got := figures(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("figures(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if m := missingFigures("3 and 3 lanes", "3 lanes and 4"); !slices.Equal(m, []string{"3"}) {
		t.Errorf("missingFigures counts repeats: %q", m)
	}
}

func TestFormatSimilarity(t *testing.T) {
	for in, want := range map[float64]string{0.899: "0.89", 0.9: "0.90", 1: "1.00", 0.93181: "0.93", 0: "0.00"} {
		if got := FormatSimilarity(in); got != want {
			t.Errorf("FormatSimilarity(%v) = %q, want %q", in, got, want)
		}
	}
}

// Thousands of quotes against megabytes of archived text: each text is
// indexed once and each lookup costs about the quote's length. The
// benchmark shows the cost; go test's timeout bounds the test.
func TestCheckQuotesScale(t *testing.T) {
	l := scaleLedger(t, 2000, 2<<20)
	qs := Quotes(l, DefaultQuoteThreshold)
	var matched, mismatched int
	for _, q := range qs {
		switch q.Status {
		case QuoteMatched:
			matched++
		case QuoteMismatch:
			mismatched++
		}
	}
	if matched != 1000 || mismatched != 1000 {
		t.Errorf("matched %d, mismatched %d; want 1000 each", matched, mismatched)
	}
}

func BenchmarkCheckQuotes(b *testing.B) {
	l := scaleLedger(b, 2000, 2<<20)
	b.ResetTimer()
	for range b.N {
		Quotes(l, DefaultQuoteThreshold)
	}
}

// scaleLedger makes a ledger of n quotes, half of them verbatim and half
// invented, over two archived texts of about size bytes each.
func scaleLedger(tb testing.TB, n, size int) *claims.Ledger {
	tb.Helper()
	dir := tb.TempDir()
	var text strings.Builder
	for i := 0; text.Len() < size; i++ {
		fmt.Fprintf(&text, "Sentence %d says that the harbour moved %d boxes on day %d of the strike. ", i, i*7, i%365)
	}
	var y strings.Builder
	y.WriteString("ledger: 1\nsources:\n")
	for s := range 2 {
		fmt.Fprintf(&y, "  s%d: {name: S%d, kind: outlet, text: t%d.txt}\n", s, s, s)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("t%d.txt", s)), []byte(text.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	y.WriteString("claims:\n")
	for i := range n {
		quote := fmt.Sprintf("Sentence %d says that the harbour moved %d boxes", i*3, i*21)
		if i%2 == 1 {
			quote = fmt.Sprintf("nobody ever wrote quote number %d in any archive at all", i)
		}
		fmt.Fprintf(&y, "  - {id: q%d, topic: t, value: %d, source: s%d, quote: %q}\n", i, i, i%2, quote)
	}
	ledger := filepath.Join(dir, "ledger.yaml")
	write(tb, ledger, y.String())
	l, err := load.Load(load.Paths([]string{ledger}), load.Options{})
	if err != nil || diag.HasErrors(l.Problems, false) {
		tb.Fatalf("load: %v %v", err, l.Problems)
	}
	return l
}

func write(tb testing.TB, path, data string) {
	tb.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}
