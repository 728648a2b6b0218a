package report

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/internal/iostreams"
)

// The browser tests open the HTML report in the system's headless
// Chromium through chromedp. They skip when no Chromium is installed;
// .ci/run installs one, so they run in CI.

// findChromium returns the system's Chromium or Chrome, or "".
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// shared is the one headless Chromium the browser tests share, started by
// the first of them: starting one costs more CPU than most tests do, and a
// fresh tab per test (its own page, emulation and events) isolates them as
// well as a fresh browser did.
var shared struct {
	once   sync.Once
	ctx    context.Context // a browser context; NewContext(ctx) opens a tab
	cancel context.CancelFunc
	err    error
}

// TestMain closes the shared browser after the last test, so that no
// Chromium outlives the run.
func TestMain(m *testing.M) {
	iostreams.PaceTests() // as the command runs (see iostreams)
	code := m.Run()
	if shared.cancel != nil {
		shared.cancel()
	}
	os.Exit(code)
}

// startBrowser starts the shared Chromium, with a fresh profile (the
// allocator's own temporary directory) and nothing that talks to the
// network on its own.
func startBrowser(path string) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-software-rasterizer", true),
		chromedp.Flag("disable-features", "Translate,site-per-process,MediaRouter,OptimizationHints"),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.WindowSize(1280, 1000),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	shared.ctx = bctx
	shared.cancel = func() { bcancel(); acancel() }
	shared.err = chromedp.Do(bctx) // starts the browser
}

// browser opens a tab of the shared headless Chromium for one test and
// returns it, with a watch that records the tab's every problem.
func browser(t *testing.T) (context.Context, *watch) {
	t.Helper()
	path := findChromium()
	if path == "" {
		t.Skip("chromium not found; install it to run the browser test")
	}
	shared.once.Do(func() { startBrowser(path) })
	if shared.err != nil {
		t.Fatalf("start chromium: %v", shared.err)
	}
	tctx, tcancel := chromedp.NewContext(shared.ctx)
	t.Cleanup(tcancel)
	// A generous bound so that a wedged browser fails the test instead of
	// hanging it; nothing asserts on time.
	ctx, cancel := context.WithTimeout(tctx, 90*time.Second)
	t.Cleanup(cancel)

	w := &watch{}
	if err := chromedp.Listen(ctx, w.event); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	// An alert blocks the page, so it is dismissed from another goroutine
	// (after being recorded by w.event).
	dialogs := chromedp.Events(ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			_, _ = chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return ctx, w
}

// watch records what must never happen on a report page: a JavaScript
// dialog (the usual proof of injected script), an uncaught exception, a
// console or log error (a Content-Security-Policy violation is one), and
// any request that leaves the file.
type watch struct {
	mu       sync.Mutex
	problems []string
}

func (w *watch) event(ev any) {
	var p string
	switch ev := ev.(type) {
	case *cdppage.EventJavascriptDialogOpening:
		p = "dialog opened: " + ev.Message
	case *runtime.EventExceptionThrown:
		p = "exception: " + ev.ExceptionDetails.Text
		if e := ev.ExceptionDetails.Exception; e != nil {
			p += " " + e.Description
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			p = fmt.Sprintf("console.%s called", ev.Type)
		}
	case *cdplog.EventEntryAdded:
		if ev.Entry != nil && ev.Entry.Level == cdplog.EntryLevelError {
			p = "log: " + ev.Entry.Text
		}
	case *network.EventRequestWillBeSent:
		if ev.Request != nil && !strings.HasPrefix(ev.Request.URL, "file://") {
			p = "request: " + ev.Request.URL
		}
	}
	if p != "" {
		w.mu.Lock()
		w.problems = append(w.problems, p)
		w.mu.Unlock()
	}
}

func (w *watch) check(t *testing.T) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.problems {
		t.Errorf("page: %s", p)
	}
}

// writeHTML writes r as HTML into a temporary directory and returns its
// file:// URL.
func writeHTML(t *testing.T, r *Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
}

func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// visibleCards counts the dispute cards a reader can see.
var visibleCards = chromedp.Evaluate[int](`Array.from(document.querySelectorAll("article.dispute")).filter(e => e.offsetParent !== null).length`)

// TestHTMLInBrowser opens the example's report, checks that the dispute
// cards show, filters by severity, searches, and takes a screenshot (kept
// when CLAIMDIFF_SCREENSHOT names a file, to look at).
func TestHTMLInBrowser(t *testing.T) {
	t.Parallel()
	ctx, w := browser(t)
	l := load.Bytes("example/claims.yaml", example.YAML)
	r := Build(claims.Analyze(l, claims.Options{Today: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)}))
	if len(r.Disputes) < 3 {
		t.Fatalf("the example has %d disputes; the test needs a few", len(r.Disputes))
	}
	// Filter to one severity and one status, and count by hand.
	want := 0
	for _, d := range r.Disputes {
		if d.Severity == claims.SeverityHigh && d.Status == "open" {
			want++
		}
	}

	// The form is hidden until the script shows it, so this also checks
	// that the script ran under the page's Content-Security-Policy.
	do(t, ctx, chromedp.Navigate(writeHTML(t, r)), chromedp.WaitVisible(chromedp.ID("filters")))
	if title := run(t, ctx, chromedp.Title()); title != "Contradiction report: "+r.Ledger.Title {
		t.Errorf("title = %q", title)
	}
	total := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("article.dispute").length`))
	if shown := run(t, ctx, visibleCards); total != len(r.Disputes) || shown != total {
		t.Errorf("%d cards, %d visible; want %d, all visible", total, shown, len(r.Disputes))
	}
	if got, want := run(t, ctx, chromedp.Text(chromedp.ID("shown"))), fmt.Sprintf("all %d disputes", total); got != want {
		t.Errorf("count reads %q, want %q", got, want)
	}
	if got := run(t, ctx, chromedp.Text(chromedp.CSS("article.dispute h3"))); strings.TrimSpace(got) != r.Disputes[0].Topic {
		t.Errorf("first card is %q, want %q", got, r.Disputes[0].Topic)
	}
	// The style applied too (the CSP admits it by hash as well).
	if !run(t, ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector("article.dispute")).borderRadius !== "0px"`)) {
		t.Errorf("the page's style did not apply")
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#matrix .cell").length`)); n == 0 {
		t.Errorf("the matrix has no cells")
	}

	for _, off := range []string{`input[name="severity"][value="medium"]`, `input[name="severity"][value="low"]`,
		`input[name="status"][value="acknowledged"]`, `input[name="status"][value="resolved"]`, `input[name="status"][value="dismissed"]`} {
		do(t, ctx, chromedp.Click(chromedp.CSS(off)))
	}
	if got := run(t, ctx, visibleCards); got != want {
		t.Errorf("%d cards visible for high and open, want %d", got, want)
	}
	if off := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#matrix .col.off").length`)); off != total-want {
		t.Errorf("%d matrix columns dimmed, want %d", off, total-want)
	}

	do(t, ctx, chromedp.SendKeys(chromedp.ID("q"), "army-cap"))
	if got := run(t, ctx, visibleCards); got != 1 {
		t.Errorf("%d cards visible after searching army-cap, want 1", got)
	}
	do(t, ctx, chromedp.SendKeys(chromedp.ID("q"), " no-such-words"))
	if got := run(t, ctx, visibleCards); got != 0 {
		t.Errorf("%d cards visible for a search that matches nothing, want 0", got)
	}
	if !run(t, ctx, chromedp.Evaluate[bool](`!document.getElementById("none-shown").hidden`)) {
		t.Errorf("no message says nothing matches")
	}

	do(t, ctx, chromedp.Click(chromedp.CSS(`button[type="reset"]`)))
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS("article.dispute:last-of-type")))
	if got := run(t, ctx, visibleCards); got != total {
		t.Errorf("%d cards visible after Show all, want %d", got, total)
	}

	// The filter bar sticks to the top of the window; scroll up so that a
	// full-page screenshot shows it in its place. The full page is taken
	// only to be kept or in CI (it costs most of a second); otherwise the
	// window's view shows as well that the page paints.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	screenshot := chromedp.CaptureScreenshot()
	if os.Getenv("CLAIMDIFF_SCREENSHOT") != "" || os.Getenv("CLAIMDIFF_FULL_TESTS") != "" {
		screenshot = chromedp.FullScreenshot(90)
	}
	shot := run(t, ctx, screenshot)
	if len(shot) == 0 {
		t.Errorf("empty screenshot")
	}
	if out := os.Getenv("CLAIMDIFF_SCREENSHOT"); out != "" {
		if err := os.WriteFile(out, shot, 0o644); err != nil {
			t.Error(err)
		}
	}

	// Print: no controls, and each position's claims table expanded.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	printed := run(t, ctx, chromedp.Evaluate[[]string](`[getComputedStyle(document.getElementById("filters")).display,
		getComputedStyle(document.querySelector("details.claims > table")).display]`))
	if len(printed) != 2 || printed[0] != "none" || printed[1] != "table" {
		t.Errorf("printed filters and claims tables display as %v, want [none table]", printed)
	}
	w.check(t)
}

// TestHostileHTMLInBrowser opens the hostile ledger's report: no script
// from the data may run, no link may lead anywhere but http(s), and the
// hostile text must show as text.
func TestHostileHTMLInBrowser(t *testing.T) {
	t.Parallel()
	ctx, w := browser(t)
	r := hostileReport(t)
	do(t, ctx, chromedp.Navigate(writeHTML(t, r)), chromedp.WaitVisible(chromedp.ID("filters")))
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("article.dispute").length`)); n != len(r.Disputes) {
		t.Errorf("%d cards, want %d", n, len(r.Disputes))
	}
	counts := run(t, ctx, chromedp.Evaluate[[]int](`[document.scripts.length, document.images.length,
		Array.from(document.querySelectorAll("[href], [src]")).filter(a => !/^(#|https?:)/i.test(a.getAttribute("href") || a.getAttribute("src"))).length]`))
	if len(counts) != 3 || counts[0] != 1 || counts[1] != 0 || counts[2] != 0 {
		t.Errorf("scripts, images, non-http links = %v; want [1 0 0]", counts)
	}
	text := run(t, ctx, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"</blockquote><script>alert('quote')</script>", "=HYPERLINK("} {
		if !strings.Contains(text, want) {
			t.Errorf("hostile text %q is not shown as text", want)
		}
	}
	w.check(t)
}

// box is an element's bounding box in CSS pixels.
type box struct{ Left, Top, Right, Bottom, Width float64 }

// TestHTMLLayoutInBrowser checks the page's layout at a phone's width and
// a desktop's, by the boxes the browser lays out, not by pixels: each
// "most often contradicted" count sits on the first line of its source's
// name however long the name; the matrix scrolls sideways inside its box,
// says so on a phone, and its column labels are neither cut off nor
// overlapping; each disputed topic's timeline is drawn within the window.
func TestHTMLLayoutInBrowser(t *testing.T) {
	t.Parallel()
	ctx, w := browser(t)
	l := load.Bytes("example/claims.yaml", example.YAML)
	r := Build(claims.Analyze(l, claims.Options{Today: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)}))
	if len(r.Summary.Contradicted) < 2 || len(r.Timelines) == 0 {
		t.Fatalf("the example has %d contradicted sources and %d timelines; the test needs more", len(r.Summary.Contradicted), len(r.Timelines))
	}
	r.Summary.Contradicted[0].Source.Name = "The Independent Commission of Inquiry into the Events of the Night of the Fourteenth"
	u := writeHTML(t, r)
	for _, width := range []int64{400, 1280} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 500}); err != nil {
				t.Fatal(err)
			}
			do(t, ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.ID("filters")))
			if vw := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.clientWidth`)); vw != int(width) {
				t.Fatalf("viewport is %d wide, want %d", vw, width)
			}
			// The page itself never scrolls sideways.
			if sw := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); sw > int(width) {
				t.Errorf("the page is %d wide in a %d window", sw, width)
			}

			// Each count is on its name's row: its box starts on the
			// name's first line, to the name's right.
			rows := run(t, ctx, chromedp.Evaluate[[][2]box](`Array.from(document.querySelectorAll(".contradicted li")).map(li => {
				const r = e => { const b = e.getBoundingClientRect(); return {Left: b.left, Top: b.top, Right: b.right, Bottom: b.bottom, Width: b.width}; };
				const name = li.querySelector(".src"), range = document.createRange();
				range.selectNodeContents(name);
				const first = range.getClientRects()[0];
				return [{Left: first.left, Top: first.top, Right: first.right, Bottom: first.bottom, Width: first.width}, r(li.querySelector("b"))];
			})`))
			if len(rows) != len(r.Summary.Contradicted) {
				t.Fatalf("%d contradicted rows, want %d", len(rows), len(r.Summary.Contradicted))
			}
			for i, row := range rows {
				name, count := row[0], row[1]
				if count.Top >= name.Bottom || count.Bottom <= name.Top {
					t.Errorf("row %d: the count (%v) is not on the name's first line (%v)", i+1, count, name)
				}
				if count.Left < name.Right {
					t.Errorf("row %d: the count (%v) overlaps the name (%v)", i+1, count, name)
				}
			}
			if lines := run(t, ctx, chromedp.Evaluate[int](`(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector(".contradicted .src")); return new Set(Array.from(r.getClientRects()).map(b => Math.round(b.top))).size; })()`)); width == 400 && lines < 2 {
				t.Errorf("the long name takes %d line at 400 px; the test means it to wrap", lines)
			}

			// The matrix: inside a box that scrolls sideways when it is
			// wider, with a cue on a phone; every column label inside
			// the picture and apart from its neighbours.
			m := run(t, ctx, chromedp.Evaluate[map[string]float64](`(() => {
				const s = document.querySelector(".matrix-scroll"), svg = document.getElementById("matrix");
				const cs = getComputedStyle(s), hint = document.querySelector(".scroll-hint");
				return {scrollW: s.scrollWidth, clientW: s.clientWidth, right: s.getBoundingClientRect().right,
					auto: cs.overflowX === "auto" || cs.overflowX === "scroll" ? 1 : 0,
					shadow: cs.backgroundImage.includes("gradient") ? 1 : 0,
					hint: hint.offsetParent !== null ? 1 : 0, svgW: svg.getBoundingClientRect().width};
			})()`))
			if m["auto"] != 1 || m["shadow"] != 1 {
				t.Errorf("the matrix box does not scroll with edge shadows: %v", m)
			}
			if m["right"] > float64(width) {
				t.Errorf("the matrix box ends at %v, past the %d window", m["right"], width)
			}
			if width == 400 {
				if m["scrollW"] <= m["clientW"] {
					t.Errorf("at 400 px the matrix (%v) fits its box (%v); the test means it to scroll", m["scrollW"], m["clientW"])
				}
				if m["hint"] != 1 {
					t.Errorf("no scroll hint shows at 400 px")
				}
				before := run(t, ctx, chromedp.Evaluate[float64](`(() => { const s = document.querySelector(".matrix-scroll"); s.scrollLeft = 10000; return s.scrollLeft; })()`))
				if before <= 0 {
					t.Errorf("the matrix box does not scroll")
				}
			} else if m["hint"] == 1 && m["scrollW"] <= m["clientW"] {
				t.Errorf("a scroll hint shows at %d px with nothing to scroll", width)
			}
			labels := run(t, ctx, chromedp.Evaluate[[]box](`(() => {
				const svg = document.getElementById("matrix").getBoundingClientRect();
				return Array.from(document.querySelectorAll("#matrix .collabel")).map(e => {
					const b = e.getBoundingClientRect();
					return {Left: b.left - svg.left, Top: b.top - svg.top, Right: b.right - svg.left, Bottom: b.bottom - svg.top, Width: svg.width};
				});
			})()`))
			if len(labels) == 0 {
				t.Fatal("the matrix has no column labels")
			}
			for i, b := range labels {
				if b.Left < 0 || b.Top < 0 || b.Right > b.Width {
					t.Errorf("column label %d (%v) is cut off by the picture", i+1, b)
				}
				// Labels lean at 45°, so neighbours are apart when each
				// starts further right and ends further up-right.
				if i > 0 && (b.Left-labels[i-1].Left < 12 || labels[i-1].Bottom-b.Bottom > 0.5) {
					t.Errorf("column labels %d and %d overlap: %v, %v", i, i+1, labels[i-1], b)
				}
			}

			// The timelines: one SVG per disputed topic, a mark per claim,
			// inside the window.
			tls := run(t, ctx, chromedp.Evaluate[[]box](`Array.from(document.querySelectorAll("svg.tl")).map(e => {
				const b = e.getBoundingClientRect();
				return {Left: b.left, Top: b.top, Right: b.right, Bottom: b.bottom, Width: e.querySelectorAll("circle.mark").length};
			})`))
			if len(tls) != len(r.Timelines) {
				t.Fatalf("%d timelines drawn, want %d", len(tls), len(r.Timelines))
			}
			for i, b := range tls {
				if b.Left < 0 || b.Right > float64(width) || b.Bottom <= b.Top {
					t.Errorf("timeline %d (%v) is not within the %d window", i+1, b, width)
				}
				if b.Width == 0 {
					t.Errorf("timeline %d has no marks", i+1)
				}
			}
			if out := os.Getenv("CLAIMDIFF_SCREENSHOT"); out != "" {
				shot := run(t, ctx, chromedp.FullScreenshot(90))
				_ = os.WriteFile(strings.TrimSuffix(out, ".jpg")+fmt.Sprintf("-%d.jpg", width), shot, 0o644)
			}
		})
	}
	w.check(t)
}
