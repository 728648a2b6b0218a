package contrast

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bysource"
	"github.com/claimdiff/claimdiff/claims/diff"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/render"
)

// hostileDiff is a diff whose every piece of ledger text is s.
func hostileDiff(s string) *diff.Diff {
	return &diff.Diff{
		Claims: []diff.ClaimChange{
			{Kind: diff.Added, ID: s, Topic: s, Source: s, Context: s, Value: s},
			{Kind: diff.Changed, ID: s, From: s, Topic: s, Source: s, Value: s, OldValue: s,
				Fields: []diff.FieldChange{{Field: "value", Old: s, New: s}, {Field: "quote", Old: s, New: s}}},
			{Kind: diff.Reworded, ID: s, Topic: s, Source: s, Value: s, OldValue: s,
				Fields: []diff.FieldChange{{Field: "value", Old: s, New: s, Reworded: true}}},
		},
		Disputes: []diff.DisputeChange{
			{Kind: diff.Opened, Topic: s, Context: s, Moment: s, Kinds: []claims.Kind{claims.KindConflict},
				Severity: claims.SeverityHigh, Positions: []diff.PositionBrief{{Value: s, Origins: 1}, {Value: s, Origins: 2}},
				Claims: []string{s, s}},
			{Kind: diff.Changed, Topic: s, Details: []string{"new position " + s}, Kinds: []claims.Kind{claims.KindSelf}},
		},
	}
}

func side(label string) Side {
	return Side{Label: label, Ledger: load.Bytes("x.yaml", []byte("ledger: 1\n"))}
}

// unescapedPipes counts the | that end table cells: those not escaped by
// a backslash.
func unescapedPipes(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

// checkMarkdown is what no ledger text may do to a comment: add a column
// or a line to a table, open an HTML tag, a link or an image.
func checkMarkdown(t *testing.T, s, out string) {
	t.Helper()
	want := 0 // cell borders per row of the current table
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "| | dispute |"):
			want = 6
		case strings.HasPrefix(line, "| | claim |"):
			want = 7
		case !strings.HasPrefix(line, "|"):
			continue
		}
		if got := unescapedPipes(line); got != want {
			t.Fatalf("input %q: a table row has %d cell borders, want %d:\n%s", s, got, want, line)
		}
	}
	clean := strings.NewReplacer("<br>", "", "<details>", "", "</details>", "", "<summary>", "", "</summary>", "").Replace(out)
	for i := 0; i < len(clean); i++ {
		if (clean[i] == '<' || clean[i] == '[' || clean[i] == '`') && (i == 0 || clean[i-1] != '\\') {
			t.Fatalf("input %q: unescaped %q in:\n%s", s, clean[i], out)
		}
	}
}

func FuzzDiffMarkdown(f *testing.F) {
	for _, s := range []string{"plain", "a|b", "<script>x</script>", "[x](https://e.example)", "line\nbreak",
		"`code`", "\x1b[31mred", "- item", "\\|", "&amp;", "![img](x)", "\u202eevil"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		if err := DiffMarkdown(&b, side(s), side(s), hostileDiff(s)); err != nil {
			t.Fatal(err)
		}
		checkMarkdown(t, s, b.String())
	})
}

func FuzzDiffText(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[31mred", "a\nb", "::error::x", "\u202eevil", "\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		st := render.NewStyles(&b, false)
		if err := DiffText(&b, st, hostileDiff(s)); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(b.String(), "\x1b\r\u202e") {
			t.Fatalf("input %q: control text reached the terminal: %q", s, b.String())
		}
		// Each claim and dispute is one heading line plus indented lines.
		for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			if line != "" && line != "Disputes" && line != "Claims" && !strings.HasPrefix(line, "    ") &&
				!strings.ContainsAny(line[:1], "+-~=>") {
				t.Fatalf("input %q: stray line %q", s, line)
			}
		}
	})
}

func TestDiffJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := DiffJSON(&b, side("a"), side("b"), &diff.Diff{}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Claims, Disputes map[string]any
		ClaimChanges     []any `json:"claim_changes"`
		DisputeChanges   []any `json:"dispute_changes"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.ClaimChanges == nil || got.DisputeChanges == nil {
		t.Errorf("claim_changes and dispute_changes must be lists, never null:\n%s", b.String())
	}
	sections := map[string]map[string]any{"claims": got.Claims, "disputes": got.Disputes}
	for section, keys := range map[string][]string{
		"claims":   {"added", "removed", "changed", "reworded", "renamed"},
		"disputes": {"opened", "closed", "changed"},
	} {
		for _, k := range keys {
			if list, ok := sections[section][k].([]any); !ok || len(list) != 0 {
				t.Errorf("%s.%s = %#v, want an empty list (never null)", section, k, sections[section][k])
			}
		}
	}
}

func TestSummary(t *testing.T) {
	d := &diff.Diff{
		Claims:   []diff.ClaimChange{{Kind: diff.Added}, {Kind: diff.Added}, {Kind: diff.Reworded}},
		Disputes: []diff.DisputeChange{{Kind: diff.Opened}},
	}
	tests := []struct {
		d    *diff.Diff
		want string
	}{
		{&diff.Diff{}, "no changes"},
		{d, "1 dispute opened; 2 claims added, 1 reworded"},
		{&diff.Diff{Claims: d.Claims[2:]}, "1 claim reworded"},
	}
	for _, tt := range tests {
		if got := Summary(tt.d); got != tt.want {
			t.Errorf("Summary = %q, want %q", got, tt.want)
		}
	}
}

func TestCompareText(t *testing.T) {
	v := &bysource.Versus{
		A: []string{"reuters"}, B: []string{"axios", "ap"},
		Contradict: []bysource.TopicSides{{Topic: "cap", A: []bysource.SideClaim{{Source: "reuters", Value: "600k"}},
			B: []bysource.SideClaim{{Source: "axios", Value: "half of size", Resolved: "425,000"}, {Source: "ap", Value: "600,000"}}}},
		OnlyB: []bysource.TopicSides{{Topic: "points", Context: "draft=1", B: []bysource.SideClaim{{Source: "ap", Value: "28"}}}},
	}
	var b bytes.Buffer
	if err := CompareText(&b, render.NewStyles(&b, false), "reuters", "a*", v); err != nil {
		t.Fatal(err)
	}
	want := `Contradict  reuters  a*
  cap       600k     half of size (425,000) [axios], 600,000 [ap]

Only a*
  points [draft=1]  28 [ap]
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}
