package assert

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // Assertion.String()
		errs []string // problem messages, as file:line:col: message
	}{
		{
			name: "plain link",
			doc:  "The plan caps the army at [600,000 troops](claim:plan.army-cap).\n",
			want: []string{`d.md:1:27 plan.army-cap="600,000 troops"`},
		},
		{
			name: "position counts characters, not bytes",
			doc:  "Über « [28](claim:plan.points) »\n",
			want: []string{`d.md:1:8 plan.points="28"`},
		},
		{
			name: "several links, lines, markup in the text",
			doc:  "# Draft\n\nA *cap* of [**600,000**](claim:plan.army-cap) and\n[~850,000 `troops`](claim:ukraine.army-size \"title\").\n",
			want: []string{`d.md:3:12 plan.army-cap="600,000"`, `d.md:4:1 ukraine.army-size="~850,000 troops"`},
		},
		{
			name: "link text across lines, escapes and entities",
			doc:  "[about\n600\\,000&nbsp;troops](claim:plan.army-cap)\n",
			want: []string{`d.md:1:1 plan.army-cap="about 600,000 troops"`},
		},
		{
			name: "context and as_of",
			doc:  "[27 Nov](claim:plan.deadline?context=for=framework+agreement&context=draft=28-point) and [19%](<claim:russia.controlled-share?as_of=2025-11-20>)\n",
			want: []string{
				`d.md:1:1 plan.deadline="27 Nov" [draft=28-point; for=framework agreement]`,
				`d.md:1:90 russia.controlled-share="19%" as_of 2025-11-20`,
			},
		},
		{
			name: "code spans, fences, comments and images are skipped",
			doc: "`[1](claim:a)` and ``x ` [2](claim:b) ``\n\n```md\n[3](claim:c)\n```\n" +
				"> ~~~\n> [4](claim:d)\n> ~~~\n<!-- [5](claim:e)\n\n[6](claim:f) -->\n![7](claim:g) \\[8](claim:h) [9](claim:i)\n",
			want: []string{`d.md:12:29 i="9"`},
		},
		{
			name: "an unclosed code span is literal text",
			doc:  "a ` b [1](claim:x)\n",
			want: []string{`d.md:1:7 x="1"`},
		},
		{
			name: "other links are not assertions; a link inside a link wins",
			doc:  "[a](https://example.org) [b [c](claim:inner) d](claim:outer)\n",
			want: []string{`d.md:1:29 inner="c"`},
			errs: []string{"d.md:1:26: a claim link's text holds another link, so it is not a link; take the inner link out"},
		},
		{
			name: "malformed claim links are reported",
			doc:  "[a](claim: x) [b](claim:) [](claim:t) [c](claim:t?who=me) [d](claim:bad%id)\n",
			errs: []string{
				"d.md:1:1: malformed claim link; write [value](claim:TOPIC) with no spaces in the destination",
				"d.md:1:15: claim link names no topic; write [value](claim:TOPIC)",
				"d.md:1:27: claim link to t has no text; the link text is the value it asserts",
				`d.md:1:39: claim link to t: unknown parameter "who"; use context=KEY=VALUE, as_of=DATE or value=VALUE`,
				`d.md:1:59: claim link: "bad%id" is not a topic id (letters, digits and . _ / -, starting with a letter or digit)`,
			},
		},
		{
			name: "value= gives the value when prose cannot",
			doc:  "Tolls are [*not* waived](claim:bridge.tolls-waived?value=no).\n",
			want: []string{`d.md:1:11 bridge.tolls-waived="no"`},
		},
		{
			name: "the scheme is case-insensitive; a fragment is ignored",
			doc:  "[yes](CLAIM:umerov.approved-plan#note)\n",
			want: []string{`d.md:1:1 umerov.approved-plan="yes"`},
		},
		{
			name: "underscores inside words stay, emphasis goes",
			doc:  "[_G8_ or snake_case](claim:t)\n",
			want: []string{`d.md:1:1 t="G8 or snake_case"`},
		},
		{
			name: "no links",
			doc:  "Nothing to check here. [not a link] (claim:x)\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, ps := ParseMarkdown("d.md", []byte(tt.doc))
			var got, errs []string
			for _, a := range as {
				got = append(got, a.String())
			}
			for _, p := range ps {
				errs = append(errs, p.Error())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("assertions:\n got %q\nwant %q", got, tt.want)
			}
			if !slices.Equal(errs, tt.errs) {
				t.Errorf("problems:\n got %q\nwant %q", errs, tt.errs)
			}
		})
	}
}

// A document built to make a naive scanner quadratic reads quickly; the
// test fails by timing out, not by measuring time.
func TestParseMarkdownHostile(t *testing.T) {
	docs := map[string]string{
		"open brackets":    strings.Repeat("[", 200_000),
		"unclosed titles":  strings.Repeat("[x](claim:t (", 50_000),
		"backtick ladders": ladder(600),
		"nested claims":    strings.Repeat("[", 20_000) + "v" + strings.Repeat("](claim:t)", 20_000),
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			as, _ := ParseMarkdown("d.md", []byte(doc))
			if name == "nested claims" && len(as) != 1 {
				t.Errorf("nested claims: got %d assertions, want the innermost one", len(as))
			}
		})
	}
}

// ladder is backtick runs of every length up to n, none closed.
func ladder(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(strings.Repeat("`", i))
		b.WriteString(" x ")
	}
	return b.String()
}

func FuzzParseMarkdown(f *testing.F) {
	for _, s := range []string{
		"[600,000 troops](claim:plan.army-cap)",
		"`[1](claim:a)` [2](claim:b?context=k=v&as_of=2025-11-20)",
		"```\n[3](claim:c)\n```\n[4](<claim:d>)",
		"<!-- [5](claim:e) --> ![6](claim:f) [a [b](claim:g) c](claim:h)",
		"[\\]](claim:x \"t\")\n[x](claim:y\n)",
		"[é](claim:t)\r\n[~~x~~ _y_](claim:t)",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		as, ps := ParseMarkdown("f.md", data)
		lines := bytes.Split(data, []byte{'\n'})
		for _, a := range as {
			if !ValidTopic(a.Topic) {
				t.Fatalf("invalid topic %q", a.Topic)
			}
			if a.Value == "" || strings.ContainsAny(a.Value, "\n\r\t") || a.Value != strings.TrimSpace(a.Value) {
				t.Fatalf("value %q is empty or not folded", a.Value)
			}
			if a.Pos.File != "f.md" || a.Pos.Line < 1 || a.Pos.Line > len(lines) || a.Pos.Col < 1 {
				t.Fatalf("bad position %v", a.Pos)
			}
			// The position points at the link's opening bracket.
			line := lines[a.Pos.Line-1]
			if !utf8.Valid(line) {
				continue
			}
			r := []rune(string(line))
			if a.Pos.Col > len(r) || r[a.Pos.Col-1] != '[' {
				t.Fatalf("position %v of %s is not at a '['", a.Pos, a)
			}
		}
		for _, p := range ps {
			if p.Pos.Line < 1 || p.Pos.Line > len(lines) || p.Pos.Col < 1 || p.Message == "" {
				t.Fatalf("bad problem %v", p)
			}
		}
	})
}
