package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/claims/value"
	"github.com/claimdiff/claimdiff/internal/diag"
	"github.com/claimdiff/claimdiff/internal/gen"
)

// The resolve benchmark (issue 16): how often resolve finds the truth,
// beside plain majority vote and today's best-supported position, on
// the Book data set and on generated ledgers with sources of known
// accuracy and known copiers; and how its time and memory compare with
// disputed's on the 1M-claim generated ledger.
//
//	go run ./internal/bench resolve                       # everything
//	go run ./internal/bench resolve -speed 0 -sizes 10000 # precision only, quick
//	go run ./internal/bench resolve -md                   # Markdown for BENCHMARKS.md

type resolveConfig struct {
	book   string
	flight string
	sizes  string
	speed  int
	runs   int
	out    string
	md     bool
}

func resolveCmd(args []string) error {
	fs := flag.NewFlagSet("resolve", flag.ContinueOnError)
	var cfg resolveConfig
	fs.StringVar(&cfg.book, "book", filepath.Join("..", "shared", "data", "book"), "directory of the Book data set (book.tsv, gold.tsv); \"\" skips it")
	fs.StringVar(&cfg.flight, "flight", filepath.Join("..", "shared", "data", "flight"), "directory of the flight days (ledger.yaml, claims-*.csv[.gz], gold.tsv); \"\" skips it")
	fs.StringVar(&cfg.sizes, "sizes", "10000,100000,1000000", "claim counts of the generated fusion ledgers, comma-separated; \"\" skips them")
	fs.IntVar(&cfg.speed, "speed", 1_000_000, "claims in the generated ledger on which resolve is timed against disputed; 0 skips it")
	fs.IntVar(&cfg.runs, "runs", 3, "runs of each command when timing; the best (least time, least CPU) counts")
	fs.StringVar(&cfg.out, "out", filepath.Join(os.TempDir(), "claimdiff-bench"), "directory for generated ledgers and binaries")
	fs.BoolVar(&cfg.md, "md", false, "print the results as Markdown, for BENCHMARKS.md")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("resolve: unexpected arguments %q", fs.Args())
	}
	var sizes []int
	if cfg.sizes != "" {
		var err error
		if sizes, err = (config{sizes: cfg.sizes}).parseSizes(); err != nil {
			return err
		}
	}
	// Timing comes first: a child's peak memory, as getrusage reports it,
	// starts from this process's size when it was started, and the
	// precision runs below load ledgers here.
	var speed []speedRow
	if cfg.speed > 0 {
		var err error
		if speed, err = resolveSpeed(cfg); err != nil {
			return err
		}
	}
	var rows []precisionRow
	if cfg.book != "" {
		for _, normalise := range []bool{false, true} {
			row, err := bookPrecision(cfg.book, normalise)
			if err != nil {
				return err
			}
			rows = append(rows, row)
		}
	}
	if cfg.flight != "" {
		row, err := flightPrecision(cfg.flight)
		if err != nil {
			return err
		}
		rows = append(rows, row)
	}
	for _, n := range sizes {
		row, err := fusionPrecision(n)
		if err != nil {
			return err
		}
		rows = append(rows, row)
	}
	if cfg.md {
		return resolveMarkdown(os.Stdout, cfg, rows, speed)
	}
	return resolveText(os.Stdout, rows, speed)
}

// precisionRow is one data set: how many of its known answers each
// method found.
type precisionRow struct {
	data   string
	claims int
	judged int // answers known
	// right counts correct answers by method.
	resolve, majority, best int
	note                    string
	seconds                 float64 // resolve's own time
	// calib holds resolve's confidence in each judged answer and whether
	// it was right; rounds and converged how its estimate ended.
	calib     []scored
	rounds    int
	converged bool
}

// methodAnswers are what the three methods chose for each topic (no
// context or moment in these ledgers): resolve's and majority's value
// as written, and the best-supported position's.
type methodAnswers struct {
	resolve, majority, best map[string]value.Value
	raw                     map[string][3]string
	conf                    map[string]float64 // resolve's confidence by topic
	res                     *resolve.Result
	seconds                 float64
}

// answers runs the three methods on a loaded ledger.
func answers(l *claims.Ledger) methodAnswers {
	a := claims.Analyze(l, claims.Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	m := methodAnswers{resolve: map[string]value.Value{}, majority: map[string]value.Value{}, best: map[string]value.Value{},
		raw: map[string][3]string{}, conf: map[string]float64{}}
	start := time.Now()
	m.res = resolve.Run(a, resolve.Options{})
	m.seconds = time.Since(start).Seconds()
	maj := resolve.Run(a, resolve.Options{Method: resolve.Majority})
	pick := func(r *resolve.Result, into map[string]value.Value, slot int) {
		for _, v := range r.Values {
			if len(v.Claims) == 0 {
				continue
			}
			// The candidate's own claims come first among its backers
			// only by id; find one that wrote the value as shown.
			rep := v.Claims[0]
			for _, i := range v.Claims {
				if strings.Join(strings.Fields(l.Claims[i].Value.Raw), " ") == v.Value && !l.Claims[i].Value.Negated {
					rep = i
					break
				}
			}
			into[v.Topic] = a.Value(rep)
			raw := m.raw[v.Topic]
			raw[slot] = v.Value
			m.raw[v.Topic] = raw
		}
	}
	pick(m.res, m.resolve, 0)
	for _, v := range m.res.Values {
		m.conf[v.Topic] = v.Confidence
	}
	pick(maj, m.majority, 1)
	// Today's best-supported position: the first position of a dispute;
	// on a topic without one, every claim agrees, so any will do.
	for _, d := range a.Disputes {
		if d.Context != "" || d.Moment != "" {
			continue
		}
		p := &d.Positions[0]
		m.best[d.Topic] = a.Value(p.Members()[0])
		raw := m.raw[d.Topic]
		raw[2] = p.Value
		m.raw[d.Topic] = raw
	}
	for i := range l.Claims {
		c := &l.Claims[i]
		if _, ok := m.best[c.Topic]; !ok && a.Comparable(i) && !c.Value.Negated {
			if _, sup := a.Superseded[i]; !sup {
				m.best[c.Topic] = a.Value(i)
				raw := m.raw[c.Topic]
				raw[2] = c.Value.Raw
				m.raw[c.Topic] = raw
			}
		}
	}
	return m
}

// bookPrecision loads the Book data set as a ledger, one topic per ISBN
// (ISBN-10 written as ISBN-13, as gold.tsv has them), one source per
// store, and scores the three methods on the gold books. With normalise,
// every author list is first written in one form by the benchmark's own
// reading of names; without, claimdiff reads the lists as the stores
// wrote them, as names when claimdiff has that type and as text until
// then.
func bookPrecision(dir string, normalise bool) (precisionRow, error) {
	typ := "text"
	if t, ok := value.ParseType("names"); ok {
		typ = string(t)
	}
	row := precisionRow{data: "Book, author lists as written (" + typ + ")"}
	if normalise {
		row.data = "Book, author lists in one form (text)"
		typ = "text"
	}
	book, err := os.ReadFile(filepath.Join(dir, "book.tsv"))
	if err != nil {
		return row, fmt.Errorf("the Book data set: %w (give -book DIR, or -book \"\" to skip it)", err)
	}
	goldData, err := os.ReadFile(filepath.Join(dir, "gold.tsv"))
	if err != nil {
		return row, err
	}
	gold := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(goldData)), "\n") {
		isbn, authors, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t")
		if ok {
			gold["isbn-"+isbn13(strings.TrimSpace(isbn))] = authors
		}
	}
	var head, jsonl bytes.Buffer
	ids := map[string]string{} // store name -> source id
	taken := map[string]bool{}
	topics := map[string]bool{}
	var topicOrder, idOrder []string
	enc := json.NewEncoder(&jsonl)
	enc.SetEscapeHTML(false)
	for _, line := range strings.Split(string(book), "\n") {
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(f) < 4 {
			continue
		}
		store, isbn, authors := f[0], isbn13(strings.TrimSpace(f[1])), strings.TrimSpace(f[3])
		if normalise {
			authors = normalisedList(authors)
		}
		if authors == "" || isbn == "" {
			continue // no value: nothing a ledger can hold
		}
		id, ok := ids[store]
		if !ok {
			id = sourceID(store, taken)
			ids[store] = id
			idOrder = append(idOrder, id)
		}
		topic := "isbn-" + isbn
		if !topics[topic] {
			topics[topic] = true
			topicOrder = append(topicOrder, topic)
		}
		if err := enc.Encode(map[string]string{"topic": topic, "value": authors, "source": id}); err != nil {
			return row, err
		}
		row.claims++
	}
	// Some stores write "0" for an author list they do not have: as a
	// desk would, the ledger says so, and those claims claim nothing.
	head.WriteString("ledger: 1\ntitle: Book\nno_value: [\"0\"]\nsources:\n")
	names := map[string]string{}
	for store, id := range ids {
		names[id] = store
	}
	for _, id := range idOrder {
		q, _ := json.Marshal(names[id])
		fmt.Fprintf(&head, "  %s:\n    name: %s\n    kind: outlet\n", id, q)
	}
	head.WriteString("topics:\n")
	for _, t := range topicOrder {
		fmt.Fprintf(&head, "  %s:\n    type: %s\n", t, typ)
	}
	l, err := load.Load([]load.File{{Name: "book/head.yaml", Data: head.Bytes()}, {Name: "book/claims.jsonl", Data: jsonl.Bytes()}},
		load.Options{MaxFileBytes: 1 << 30})
	if err != nil {
		return row, err
	}
	// Rows whose author list is no list of names (a conference title, a
	// publisher) are left out, as resolve --skip-invalid leaves them.
	skipped := load.SkipUnread(l)
	if err := loadErrors(l); err != nil {
		return row, fmt.Errorf("the Book ledger: %w", err)
	}
	row.claims -= skipped.Claims
	m := answers(l)
	row.seconds = m.seconds
	row.rounds, row.converged = m.res.Iterations, m.res.Converged
	// The ceiling: gold books for which some store names the right
	// people at all.
	reachable := map[string]bool{}
	for i := range l.Claims {
		c := &l.Claims[i]
		if truth, ok := gold[c.Topic]; ok && samePeople(c.Value.Raw, truth) {
			reachable[c.Topic] = true
		}
	}
	for topic, truth := range gold {
		if _, ok := topics[topic]; !ok {
			continue
		}
		row.judged++
		raw := m.raw[topic]
		for slot, n := range []*int{&row.resolve, &row.majority, &row.best} {
			if samePeople(raw[slot], truth) {
				(*n)++
			}
		}
		row.calib = append(row.calib, scored{m.conf[topic], samePeople(raw[0], truth)})
	}
	row.note = fmt.Sprintf("%d stores, %d books; scored on the %d gold books by last names; for %d of them some store names the right people",
		len(ids), len(topics), row.judged, len(reachable))
	return row, nil
}

// isbn13 writes an ISBN-10 as the ISBN-13 it is; anything else as it is.
func isbn13(s string) string {
	if len(s) != 10 {
		return s
	}
	d := "978" + s[:9]
	sum := 0
	for i, c := range d {
		if c < '0' || c > '9' {
			return s
		}
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += w * int(c-'0')
	}
	return d + strconv.Itoa((10-sum%10)%10)
}

// sourceID makes a ledger id of a store's name: "Powell's  Books" is
// "powell-s-books".
func sourceID(name string, taken map[string]bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	id := strings.TrimLeft(b.String(), "._")
	if id == "" {
		id = "store"
	}
	base := id
	for n := 2; taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	taken[id] = true
	return id
}

func loadErrors(l *claims.Ledger) error {
	for _, p := range l.Problems {
		if p.Severity == diag.Error {
			return fmt.Errorf("%s", p.Error())
		}
	}
	return nil
}

// fusionPrecision generates a fusion ledger of about n claims and scores
// the three methods on every topic, whose truth the generator knows.
func fusionPrecision(n int) (precisionRow, error) {
	return fusionPrecisionWith(gen.FusionOptions{Claims: n, Seed: 1})
}

func fusionPrecisionWith(o gen.FusionOptions) (precisionRow, error) {
	n := o.Claims
	f := gen.NewFusion(o)
	row := precisionRow{data: fmt.Sprintf("generated, %s claims", count(n)), claims: f.Claims()}
	var buf bytes.Buffer
	if err := f.YAML(&buf); err != nil {
		return row, err
	}
	l, err := load.Load([]load.File{{Name: "fusion.yaml", Data: buf.Bytes()}}, load.Options{MaxFileBytes: 1 << 30})
	if err != nil {
		return row, err
	}
	if err := loadErrors(l); err != nil {
		return row, fmt.Errorf("the fusion ledger: %w", err)
	}
	m := answers(l)
	row.seconds = m.seconds
	row.rounds, row.converged = m.res.Iterations, m.res.Converged
	for t, truth := range f.Truth {
		topic := fmt.Sprintf("topic-%d", t)
		if _, ok := m.raw[topic]; !ok {
			continue
		}
		row.judged++
		tv, _ := value.Parse(strconv.Itoa(truth), value.Spec{Type: value.Number})
		for _, x := range []struct {
			n   *int
			got map[string]value.Value
		}{{&row.resolve, m.resolve}, {&row.majority, m.majority}, {&row.best, m.best}} {
			if v, ok := x.got[topic]; ok && value.Meets(v, tv) {
				(*x.n)++
			}
		}
		v, ok := m.resolve[topic]
		row.calib = append(row.calib, scored{m.conf[topic], ok && value.Meets(v, tv)})
	}
	// How well copying was found: pairs that share a copied feed are the
	// copier and its original, and two copiers of one original.
	feed := map[string]string{}
	copiers := 0
	for _, s := range f.Sources {
		if s.CopiesFrom != "" {
			feed[s.ID] = s.CopiesFrom
			copiers++
		} else {
			feed[s.ID] = s.ID
		}
	}
	found, wrong := 0, 0
	var accErr float64
	for _, s := range f.Sources {
		est := m.res.Source(s.ID)
		if est == nil {
			continue
		}
		if s.CopiesFrom == "" {
			accErr += math.Abs(est.Accuracy - s.Accuracy)
		}
		for _, c := range est.Copies {
			if c.From < s.ID {
				continue // each pair once
			}
			if feed[c.From] == feed[s.ID] {
				found++
			} else {
				wrong++
			}
		}
	}
	truePairs := 0
	for _, a := range f.Sources {
		for _, b := range f.Sources {
			if a.ID < b.ID && feed[a.ID] == feed[b.ID] {
				truePairs++
			}
		}
	}
	indep := len(f.Sources) - copiers
	row.note = fmt.Sprintf("%d sites, %d of them copying %d; copying found for %d of %d dependent pairs, %d independent pairs flagged; "+
		"independent sites' accuracy off by %.3f on average", len(f.Sources), copiers, f.Options.Originals, found, truePairs, wrong, accErr/float64(indep))
	return row, nil
}

// speedRow is one command timed on the generated ledger.
type speedRow struct {
	command               string
	seconds, cpu, peakMiB float64
}

// resolveSpeed times disputed and resolve, both --format json, on the
// generated ledger that the main benchmark uses, as subprocesses.
func resolveSpeed(cfg resolveConfig) ([]speedRow, error) {
	bin, err := buildCLI("resolve", cfg.out)
	if err != nil {
		return nil, err
	}
	files, err := generate(cfg.out, cfg.speed)
	if err != nil {
		return nil, err
	}
	cmds := [][]string{
		{bin, "disputed", "--format", "json", "--no-estimate", "-f", files.yaml},
		{bin, "disputed", "--format", "json", "-f", files.yaml},
		{bin, "resolve", "--format", "json", "-f", files.yaml},
	}
	times := make([][]float64, len(cmds))
	cpus := make([][]float64, len(cmds))
	peaks := make([][]float64, len(cmds))
	for r := range cfg.runs {
		for i, argv := range cmds {
			logf("%s claims: %s, run %d of %d", count(cfg.speed), argv[1], r+1, cfg.runs)
			m, err := measure(argv)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", argv[1], err)
			}
			times[i] = append(times[i], m.seconds)
			cpus[i] = append(cpus[i], m.cpu)
			peaks[i] = append(peaks[i], m.peakMiB)
		}
	}
	var out []speedRow
	for i, argv := range cmds {
		words := argv[1:4]
		if argv[4] == "--no-estimate" {
			words = argv[1:5]
		}
		// The best run is the one the crowd on a shared machine
		// disturbed least.
		out = append(out, speedRow{command: "claimdiff " + strings.Join(words, " "), seconds: slices.Min(times[i]), cpu: slices.Min(cpus[i]), peakMiB: median(peaks[i])})
	}
	return out, nil
}

func (r precisionRow) roundsText() string {
	if r.converged {
		return fmt.Sprint(r.rounds)
	}
	return fmt.Sprintf("%d, not settled", r.rounds)
}

func pct(n, of int) string {
	if of < 0 || n < 0 {
		return "-"
	}
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
}

func resolveText(w io.Writer, rows []precisionRow, speed []speedRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "data\tclaims\tjudged\tresolve\tmajority vote\tbest-supported\tECE\tright at ≥0.9\trounds\tresolve s\tnote")
	for _, r := range rows {
		ece, high, nHigh := calibration(r.calib)
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%.3f\t%.1f%% of %d\t%s\t%.2f\t%s\n", r.data, count(r.claims), r.judged, pct(r.resolve, r.judged),
			pct(r.majority, r.judged), pct(r.best, r.judged), ece, 100*high, nHigh, r.roundsText(), r.seconds, r.note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(speed) == 3 {
		fmt.Fprintln(w)
		for _, s := range speed {
			fmt.Fprintf(w, "%-40s %6.2f s (CPU %.2f s) %6.0f MiB\n", s.command, s.seconds, s.cpu, s.peakMiB)
		}
		for _, t := range speedTargets(speed) {
			fmt.Fprintf(w, "%-4s  %s: %s\n", t.verdict, t.name, t.detail)
		}
	}
	return nil
}

func speedTargets(speed []speedRow) []target {
	n, d, r := speed[0], speed[1], speed[2]
	verdict := func(ok bool) string {
		if ok {
			return "pass"
		}
		return "FAIL"
	}
	ratio := func(x speedRow) (t, c float64, detail string) {
		t, c = x.seconds/n.seconds, x.cpu/n.cpu
		return t, c, fmt.Sprintf("%.2f s vs %.2f s: %.2f× (CPU time %.2f s vs %.2f s: %.2f×)", x.seconds, n.seconds, t, x.cpu, n.cpu, c)
	}
	// Both wall and CPU time must meet a target: on a shared machine
	// the wall time of a serial step hides behind the others' waits.
	tr, cr, rd := ratio(r)
	td, cd, dd := ratio(d)
	mr := r.peakMiB / n.peakMiB
	return []target{
		{"resolve time ≤ 1.5 × disputed --no-estimate", verdict(tr <= 1.5 && cr <= 1.5), rd},
		{"disputed time ≤ 1.5 × disputed --no-estimate", verdict(td <= 1.5 && cd <= 1.5), dd},
		{"resolve peak memory ≤ 1.5 × disputed --no-estimate", verdict(mr <= 1.5), fmt.Sprintf("%.0f MiB vs %.0f MiB: %.2f×", r.peakMiB, n.peakMiB, mr)},
	}
}

func resolveMarkdown(w io.Writer, cfg resolveConfig, rows []precisionRow, speed []speedRow) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Measured %s with:\n\n```sh\ngo run ./internal/bench resolve -sizes %s -speed %d -md\n```\n\n",
		time.Now().UTC().Format("2006-01-02"), cfg.sizes, cfg.speed)
	fmt.Fprintf(bw, "Machine: %s\n\n", machine(""))
	fmt.Fprintf(bw, "| data | claims | answers known | resolve | majority vote | best-supported position | ECE (10 bins) | right at ≥ 0.9 | rounds | resolve's own time |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		ece, high, nHigh := calibration(r.calib)
		fmt.Fprintf(bw, "| %s | %s | %d | %s | %s | %s | %.3f | %.1f%% of %d | %s | %.2f s |\n", r.data, count(r.claims), r.judged, pct(r.resolve, r.judged),
			pct(r.majority, r.judged), pct(r.best, r.judged), ece, 100*high, nHigh, r.roundsText(), r.seconds)
	}
	bw.WriteString("\n")
	for _, r := range rows {
		fmt.Fprintf(bw, "- %s: %s.\n", r.data, r.note)
	}
	if len(speed) == 3 {
		fmt.Fprintf(bw, "\n| command, %s claims (best of %d) | seconds | CPU seconds | peak MiB |\n|---|---|---|---|\n", count(cfg.speed), cfg.runs)
		for _, s := range speed {
			fmt.Fprintf(bw, "| `%s` | %.2f | %.2f | %.0f |\n", s.command, s.seconds, s.cpu, s.peakMiB)
		}
		fmt.Fprintf(bw, "\n| target | result | measured |\n| --- | --- | --- |\n")
		for _, t := range speedTargets(speed) {
			fmt.Fprintf(bw, "| %s | %s | %s |\n", t.name, t.verdict, t.detail)
		}
	}
	return bw.Flush()
}
