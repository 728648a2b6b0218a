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

// browser starts a headless Chromium for one test, with a fresh profile
// and nothing that talks to the network on its own, and returns a tab
// whose every problem is recorded in the returned watch.
func browser(t *testing.T) (context.Context, *watch) {
	t.Helper()
	path := findChromium()
	if path == "" {
		t.Skip("chromium not found; install it to run the browser test")
	}
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
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	// A generous bound so that a wedged browser fails the test instead of
	// hanging it; nothing asserts on time.
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)

	w := &watch{}
	if err := chromedp.Listen(bctx, w.event); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// An alert blocks the page, so it is dismissed from another goroutine
	// (after being recorded by w.event).
	dialogs := chromedp.Events(bctx, cdppage.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			_, _ = chromedp.Call(bctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return bctx, w
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
	// full-page screenshot shows it in its place.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	shot := run(t, ctx, chromedp.FullScreenshot(90))
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
