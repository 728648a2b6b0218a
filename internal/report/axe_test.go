package report

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/diag"
)

// axeViolation is what the test keeps of one axe-core rule that failed:
// enough to find the element and the fix.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Count   int    `json:"count"`
	Target  string `json:"target"`
	Summary string `json:"summary"`
}

// runAxe is the page-side call: every rule axe-core runs by default (WCAG
// 2.x A and AA plus its best practices), reduced to one line per rule.
const runAxe = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", count: v.nodes.length,
	target: v.nodes.length ? v.nodes[0].target.join(" ") : "",
	summary: v.nodes.length ? (v.nodes[0].failureSummary || "") : ""})))`

// TestHTMLAccessibilityInBrowser runs axe-core, vendored in testdata/axe
// so that the test needs no network, on the example's report and on a
// story's, in the light and the dark colour scheme with every claims
// table open (by default the story in light only, both pages in both
// schemes under CLAIMDIFF_FULL_TESTS=1), and fails on every violation it
// reports.
func TestHTMLAccessibilityInBrowser(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../../testdata/axe/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	today := claims.Options{Today: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)}
	story, err := load.Load(load.Paths([]string{"../../testdata/stories/rana-plaza/claims.yaml"}), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diag.HasErrors(story.Problems, false) {
		t.Fatalf("the story does not load: %v", story.Problems)
	}
	reports := []struct {
		name string
		r    *Report
	}{
		{"example", Build(claims.Analyze(load.Bytes("example/claims.yaml", example.YAML), today))},
		{"rana-plaza", Build(claims.Analyze(story, today))},
	}

	// The default run checks the story in light, the page with the most of
	// the report's parts: each axe pass costs some 3 s of Chromium's CPU,
	// a tenth of the suite's. CI checks both pages in both schemes.
	full := os.Getenv("CLAIMDIFF_FULL_TESTS") != ""
	for _, rep := range reports {
		if len(rep.r.Disputes) == 0 {
			t.Fatalf("%s has no disputes; the test needs the cards and the matrix", rep.name)
		}
		// Each report in a tab of its own, side by side: axe's run is
		// most of the test's time, and Chromium runs tabs in parallel.
		t.Run(rep.name, func(t *testing.T) {
			t.Parallel()
			if rep.name == "example" && !full {
				t.Skip("checked under CLAIMDIFF_FULL_TESTS=1, as in CI")
			}
			ctx, w := browser(t)
			// One page per report, axe injected once, both schemes checked on
			// it: a scheme is a media feature the page answers in place, and
			// a navigation and axe's 550 KB script cost a second each.
			u, loaded := writeHTML(t, rep.r), false
			for _, scheme := range []string{"light", "dark"} {
				if scheme == "dark" && !full {
					continue
				}
				t.Run(scheme, func(t *testing.T) {
					if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
						Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
						t.Fatal(err)
					}
					if !loaded {
						do(t, ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.ID("filters")))
						// Injected through the DevTools protocol, which the page's
						// Content-Security-Policy does not govern.
						do(t, ctx, chromedp.Evaluate[chromedp.Void](string(src)))
						// Open every claims table, so that what a reader expands is
						// checked too.
						if n := run(t, ctx, chromedp.Evaluate[int](`(() => { const ds = document.querySelectorAll("details"); ds.forEach(d => d.open = true); return ds.length; })()`)); n == 0 {
							t.Errorf("no details to open; the claims tables go unchecked")
						}
						loaded = true
					}
					if got := run(t, ctx, chromedp.Evaluate[bool](`matchMedia("(prefers-color-scheme: `+scheme+`)").matches`)); !got {
						t.Fatalf("the page does not see the %s scheme", scheme)
					}
					vs := run(t, ctx, chromedp.Evaluate[[]axeViolation](runAxe, chromedp.EvalAwaitPromise))
					for _, v := range vs {
						t.Errorf("axe %s (%s) ×%d, first at %s: %s", v.ID, v.Impact, v.Count, v.Target,
							strings.ReplaceAll(v.Summary, "\n", " "))
					}
				})
			}
			w.check(t)
		})
	}
}
