package safetext

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// hostile are payloads every function must survive; they seed the fuzzers.
var hostile = []string{
	"</td><script>alert(1)</script>",
	"javascript:alert(1)",
	"a|b\nc",
	"=HYPERLINK(\"http://x\")",
	"\x1b[31mred\x1b[0m",
	"\x1b]8;;http://evil\x07link\x1b]8;;\x07",
	"\x1b]0;title\x07",
	"\u202Eevil",
	"::error::pwned",
	"x ##[group]y",
	"\x9b31m",
	"\u009b31m",
	"\x00",
	"\xff",
	"  ::warning file=x::y\r\n##[endgroup]",
	"\x1b[0m::error::x",
	"\x1bP1$r\x1b\\after",
	"###[",
	"- item\n1. one\n===",
	"\u0090dcs\u009cafter",
	"Rustem Umerov — “Ukraine’s army” 600,000",
	"cc @octocat @org/team see https://evil.example www.evil.example",
}

type transform struct {
	name string
	fn   func(string) string
}

func TestTransforms(t *testing.T) {
	tests := []struct {
		fn   transform
		in   string
		want string
	}{
		// Terminal: plain and markup text passes untouched.
		{term, "</td><script>alert(1)</script>", "</td><script>alert(1)</script>"},
		{term, "javascript:alert(1)", "javascript:alert(1)"},
		{term, "a|b\nc", "a|b\nc"},
		{term, "tab\tok", "tab\tok"},
		{term, "Ÿ ok", "Ÿ ok"},
		{term, "=HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://x\")"},
		// Terminal: escape sequences go whole.
		{term, "\x1b[31mred\x1b[0m", "red"},
		{term, "\x1b]8;;http://evil\x07link\x1b]8;;\x07", "link"},
		{term, "\x1b]0;title\x07", ""},
		{term, "\x1b]52;c;ZXZpbA==\x1b\\", ""},
		{term, "\x1bP1$r\x1b\\after", "after"},
		{term, "\x1b7saved\x1b8", "saved"},
		{term, "\x1b(Bx", "x"},
		{term, "\x1b", ""},
		{term, "\x1b\x1b[1mx", "x"},
		{term, "unterminated \x1b]0;title", "unterminated "},
		{term, "\x1b]0;a\x1b[31mb", "b"},
		{term, "\u009b31m", ""},
		{term, "\u0090dcs\u009cafter", "after"},
		{term, "\u0085nel", "nel"},
		// Terminal: stray bytes are invalid UTF-8, not 8-bit controls.
		{term, "\x9b31m", "\uFFFD31m"},
		{term, "\x9f rest", "\uFFFD rest"},
		{term, "\xff", "\uFFFD"},
		{term, "\x00", ""},
		{term, "del\x7f", "del"},
		{term, "ok\r\nline", "ok\nline"},
		{term, "\u202Eevil", "evil"},
		{term, "\u2066iso\u2069 \u200e\u200f\u061c", "iso "},
		{term, "\ufffe\uffff", ""},
		// Terminal: workflow commands are defused.
		{term, "::error::pwned", ": :error::pwned"},
		{term, "  ::warning file=x::y", "  : :warning file=x::y"},
		{term, "a\n\t::set-output name=x::y", "a\n\t: :set-output name=x::y"},
		{term, "\x1b[0m::error::x", ": :error::x"},
		{term, "a ::not-at-start", "a ::not-at-start"},
		{term, "x ##[group]y", "x # #[group]y"},
		{term, "###[", "## #["},
		{term, "#\x00#[", "# #["},

		{line, "a|b\nc", "a|b c"},
		{line, "a\r\n\tb", "a b"},
		{line, "a\r\x00\nb", "a b"},
		{line, "x\n::error::y", "x ::error::y"},
		{line, "\n::error::y", " : :error::y"},
		{line, "para\u2028sep", "para sep"},
		{line, "\x1b[31mred\x1b[0m", "red"},
		{line, "plain", "plain"},

		{clean, "::error::x", "::error::x"},
		{clean, "x ##[y", "x ##[y"},
		{clean, "\x1b[31mred", "red"},
		{clean, "\u202Eevil\xff", "evil\uFFFD"},
		{clean, "a\r\nb", "a\nb"},
		{clean, "\ufffe", ""},

		{mdCell, "</td><script>alert(1)</script>", `\</td\>\<script\>alert(1)\</script\>`},
		{mdCell, "a|b\nc", `a\|b c`},
		{mdCell, "[x](javascript:alert(1))", `\[x\](javascript:alert(1))`},
		{mdCell, "![img](http://x)", "!\\[img\\](http\u200b://x)"},
		{mdCell, "ping @octocat and @org/team-a", "ping @\u200boctocat and @\u200borg/team-a"},
		{mdCell, "mail me@example.org", "mail me@\u200bexample.org"},
		{mdCell, "see https://evil.example/x or WWW.evil.example", "see https\u200b://evil.example/x or WWW\u200b.evil.example"},
		{mdCell, "a lone @ and awww.x stay", "a lone @ and awww.x stay"},
		{mdCell, "- item", `\- item`},
		{mdCell, "1. one", `1\. one`},
		{mdCell, "**b** _i_ `c`", "\\*\\*b\\*\\* \\_i\\_ \\`c\\`"},
		{mdCell, "# h", `\# h`},
		{mdCell, `a\b`, `a\\b`},
		{mdCell, "AT&T ~~s~~", `AT\&T \~\~s\~\~`},
		{mdCell, "plain 600,000", "plain 600,000"},
		{mdCell, "::error::x", ": :error::x"},
		{mdCell, "x ##[group]", `x \# \#\[group\]`},
		{mdCell, "=HYPERLINK(1)", `\=HYPERLINK(1)`},
		{mdCell, "\x1b[31mred", "red"},

		{mdText, "para one\n\n- item\n# head\n===\n  + x\n10) y", "para one\n\n\\- item\n\\# head\n\\===\n  \\+ x\n10\\) y"},
		{mdText, "a|b\nc", "a\\|b\nc"},
		{mdText, "</details>", `\</details\>`},

		{csv, "=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{csv, "+1", "'+1"},
		{csv, "-5", "'-5"},
		{csv, "@SUM(A1)", "'@SUM(A1)"},
		{csv, "\tx", "'\tx"},
		{csv, "\r=x", "'=x"},
		{csv, "  =1", "'  =1"},
		{csv, "＝1", "'＝1"},
		{csv, "\x1b[31m=1", "'=1"},
		{csv, "a=b", "a=b"},
		{csv, "plain", "plain"},
		{csv, "", ""},

		{ghData, "100%\nnext", "100%25%0Anext"},
		{ghData, "a\r\nb", "a%0Ab"},
		{ghData, "::error::pwned", ": :error::pwned"},
		{ghData, "x\n::error::pwned", "x%0A: :error::pwned"},
		{ghData, "x ##[group]y", "x # #[group]y"},
		{ghData, "\x1b[31mred", "red"},
		{ghData, "a, b: c", "a, b: c"},

		{ghProp, "a:b,c", "a%3Ab%2Cc"},
		{ghProp, "ledger/plan.yaml", "ledger/plan.yaml"},
		{ghProp, "::error::x", "%3A %3Aerror%3A%3Ax"},
		{ghProp, "50%\n", "50%25%0A"},
	}
	for _, tt := range tests {
		t.Run(tt.fn.name+"/"+tt.in, func(t *testing.T) {
			if got := tt.fn.fn(tt.in); got != tt.want {
				t.Errorf("%s(%q) = %q, want %q", tt.fn.name, tt.in, got, tt.want)
			}
		})
	}
}

var (
	term   = transform{"Terminal", Terminal}
	line   = transform{"Line", Line}
	clean  = transform{"Clean", Clean}
	mdCell = transform{"MarkdownCell", MarkdownCell}
	mdText = transform{"MarkdownText", MarkdownText}
	csv    = transform{"CSVCell", CSVCell}
	ghData = transform{"GitHubData", GitHubData}
	ghProp = transform{"GitHubProperty", GitHubProperty}
)

// TestNoAllocationWhenSafe holds the fast path to its promise: most ledger
// text is plain, and reports print a great deal of it.
func TestNoAllocationWhenSafe(t *testing.T) {
	const plain = "Senior US official (unnamed) says 600 000 troops – “about 19 percent” of Ukraine’s army"
	for _, tf := range []transform{term, line, clean, mdCell, mdText, csv, ghData, ghProp} {
		allocs := testing.AllocsPerRun(100, func() {
			if tf.fn(plain) != plain {
				t.Fatalf("%s changed safe text", tf.name)
			}
		})
		if allocs != 0 {
			t.Errorf("%s allocated %v times on safe text", tf.name, allocs)
		}
	}
}

// assertSafe checks what every output promises: valid UTF-8 without
// control characters other than those allowed, without ESC and bidi
// controls, and, unless it is Clean's, without workflow commands.
func assertSafe(t *testing.T, name, in, out string, allowed string, commands bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("%s(%q) = %q: invalid UTF-8", name, in, out)
	}
	for _, r := range out {
		bad := (r < 0x20 && !strings.ContainsRune(allowed, r)) || (r >= 0x7f && r <= 0x9f) ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
			r == 0x200e || r == 0x200f || r == 0x061c || r == 0xfffe || r == 0xffff
		if bad {
			t.Fatalf("%s(%q) = %q: contains %U", name, in, out, r)
		}
	}
	if !commands {
		return
	}
	if strings.Contains(out, "##[") {
		t.Fatalf("%s(%q) = %q: contains ##[", name, in, out)
	}
	for l := range strings.SplitSeq(out, "\n") {
		if strings.HasPrefix(strings.TrimLeftFunc(l, unicode.IsSpace), "::") {
			t.Fatalf("%s(%q) = %q: a line starts with ::", name, in, out)
		}
	}
}

func addSeeds(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
}

func FuzzTerminal(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		out := Terminal(s)
		assertSafe(t, "Terminal", s, out, "\n\t", true)
		if again := Terminal(out); again != out {
			t.Fatalf("Terminal not idempotent: %q -> %q -> %q", s, out, again)
		}
		if c := Clean(s); Clean(c) != c {
			t.Fatalf("Clean not idempotent on %q", s)
		} else {
			assertSafe(t, "Clean", s, c, "\n\t", false)
		}
	})
}

func FuzzLine(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		out := Line(s)
		assertSafe(t, "Line", s, out, "", true)
		if again := Line(out); again != out {
			t.Fatalf("Line not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}

// unescapeMarkdown undoes backslash escapes and drops the zero-width
// spaces that break mentions and autolinks, so the fuzzers can check that
// escaping loses nothing a reader should see.
func unescapeMarkdown(s string) string {
	s = strings.ReplaceAll(s, zeroWidthSpace, "")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mentionOrAutolink finds what GitHub would turn into a mention or a link
// by itself: "@" then a name, a scheme's "://", or "www." at a word's start.
var mentionOrAutolink = regexp.MustCompile(`@[A-Za-z0-9_-]|[A-Za-z0-9]://|(?i:(?:^|[^A-Za-z0-9_-])www\.)`)

func FuzzMarkdown(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		cell := MarkdownCell(s)
		assertSafe(t, "MarkdownCell", s, cell, "", true)
		if got, want := unescapeMarkdown(cell), strings.ReplaceAll(Line(s), zeroWidthSpace, ""); got != want {
			t.Fatalf("MarkdownCell(%q) = %q reads as %q, want %q", s, cell, got, want)
		}
		text := MarkdownText(s)
		assertSafe(t, "MarkdownText", s, text, "\n\t", true)
		if got, want := unescapeMarkdown(text), strings.ReplaceAll(Terminal(s), zeroWidthSpace, ""); got != want {
			t.Fatalf("MarkdownText(%q) = %q reads as %q, want %q", s, text, got, want)
		}
		for _, out := range []string{cell, text} {
			if m := mentionOrAutolink.FindString(out); m != "" {
				t.Fatalf("markdown output %q keeps the mention or autolink %q", out, m)
			}
			// Every markup character must be escaped: count the
			// backslashes before it.
			for i := 0; i < len(out); i++ {
				if strings.IndexByte(markdownSpecial, out[i]) < 0 {
					continue
				}
				n := 0
				for j := i - 1; j >= 0 && out[j] == '\\'; j-- {
					n++
				}
				if out[i] != '\\' && n%2 == 0 {
					t.Fatalf("markdown output %q has unescaped %q at %d", out, out[i], i)
				}
			}
		}
	})
}

func FuzzCSVCell(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		out := CSVCell(s)
		assertSafe(t, "CSVCell", s, out, "\n\t", true)
		if term := Terminal(s); out != term && out != "'"+term {
			t.Fatalf("CSVCell(%q) = %q: more than a quote added to %q", s, out, term)
		}
		if startsFormula(out) {
			t.Fatalf("CSVCell(%q) = %q still starts a formula", s, out)
		}
	})
}

func FuzzGitHub(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		data := GitHubData(s)
		assertSafe(t, "GitHubData", s, data, "\t", true)
		unescape := strings.NewReplacer("%25", "%", "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",")
		if got := unescape.Replace(data); got != Terminal(s) {
			t.Fatalf("GitHubData(%q) = %q decodes to %q", s, data, got)
		}
		prop := GitHubProperty(s)
		assertSafe(t, "GitHubProperty", s, prop, "\t", true)
		if strings.ContainsAny(prop, ":,") {
			t.Fatalf("GitHubProperty(%q) = %q keeps : or ,", s, prop)
		}
		if got := unescape.Replace(prop); got != Terminal(s) {
			t.Fatalf("GitHubProperty(%q) = %q decodes to %q", s, prop, got)
		}
	})
}

// "##[" never survives, and the JSON still decodes to the same string.
func TestJSONWorkflow(t *testing.T) {
	for _, s := range []string{"##[error]x", "###[x]", "a ##[##[ b", "#[ # [ ##", "plain"} {
		raw, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		out := JSONWorkflow(raw)
		if bytes.Contains(out, []byte("##[")) {
			t.Errorf("%q: %s still holds ##[", s, out)
		}
		var back string
		if err := json.Unmarshal(out, &back); err != nil || back != s {
			t.Errorf("%q: decodes to %q, %v", s, back, err)
		}
		x := XMLWorkflow([]byte("<a>" + s + "</a>"))
		if bytes.Contains(x, []byte("##[")) {
			t.Errorf("%q: %s still holds ##[", s, x)
		}
		var v struct {
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal(x, &v); err != nil || v.Text != s {
			t.Errorf("%q: XML decodes to %q, %v", s, v.Text, err)
		}
	}
}

// An HTML page keeps newlines: no line of it may start a workflow command,
// and "##[" never survives, yet the page reads as it did.
func TestHTMLWorkflow(t *testing.T) {
	for _, s := range []string{"<p>a\n  ::error::x</p>", "::warning::y\n\t::stop-commands::z", "<p>##[group]x</p>", "a::b\nplain", ""} {
		out := HTMLWorkflow([]byte(s))
		if bytes.Contains(out, []byte("##[")) {
			t.Errorf("%q: %q still holds ##[", s, out)
		}
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(strings.TrimLeftFunc(line, unicode.IsSpace), "::") {
				t.Errorf("%q: line %q starts a workflow command", s, line)
			}
		}
		back := strings.NewReplacer("&#58;", ":", "&#35;", "#").Replace(string(out))
		if back != s {
			t.Errorf("%q: reads as %q", s, back)
		}
	}
}

func TestASCII(t *testing.T) {
	for in, want := range map[string]bool{
		"":                                true,
		"plain":                           true,
		"eight by":                        true,
		"sixteen bytes ok":                true,
		"sixteen bytes é":                 false,
		"é":                               false,
		"long line of ascii then ü":       false,
		"\x7f\x00\x01 controls are ascii": true,
	} {
		if got := ASCII([]byte(in)); got != want {
			t.Errorf("ASCII(%q) = %v, want %v", in, got, want)
		}
	}
}
