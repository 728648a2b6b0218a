package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/claims/value"
)

// flightPrecision loads the flight days (ledger.yaml and the days'
// claims-*.csv or claims-*.csv.gz) as one ledger, the values as the
// sites wrote them, and scores resolve and majority vote on the gold
// items that have a readable claim: a time right within a minute, in
// UTC; a gate equal once case, spaces and dashes are set aside. Rows
// claimdiff cannot read are left out, as --skip-invalid leaves them.
func flightPrecision(dir string) (precisionRow, error) {
	row := precisionRow{data: "flight, values as the sites wrote them"}
	head, err := os.ReadFile(filepath.Join(dir, "ledger.yaml"))
	if err != nil {
		return row, fmt.Errorf("the flight data set: %w (give -flight DIR, or -flight \"\" to skip it)", err)
	}
	files := []load.File{{Name: "flight/ledger.yaml", Data: head}}
	days, _ := filepath.Glob(filepath.Join(dir, "claims-*.csv*"))
	slices.Sort(days)
	seen := map[string]bool{}
	for _, path := range days {
		name := strings.TrimSuffix(filepath.Base(path), ".gz")
		if seen[name] || !strings.HasSuffix(name, ".csv") {
			continue
		}
		seen[name] = true
		data, err := readMaybeGzip(path)
		if err != nil {
			return row, err
		}
		files = append(files, load.File{Name: "flight/" + name, Data: data})
	}
	if len(files) == 1 {
		return row, fmt.Errorf("the flight data set: no claims-*.csv in %s", dir)
	}
	span := "1 day"
	if n := len(files) - 1; n > 1 {
		span = fmt.Sprintf("%d days", n)
	}
	row.data = "flight, " + span + ", values as the sites wrote them"
	goldData, err := os.ReadFile(filepath.Join(dir, "gold.tsv"))
	if err != nil {
		return row, err
	}
	l, err := load.Load(files, load.Options{MaxFileBytes: 1 << 30})
	if err != nil {
		return row, err
	}
	all := len(l.Claims)
	skipped := load.SkipUnread(l)
	if err := loadErrors(l); err != nil {
		return row, fmt.Errorf("the flight ledger: %w", err)
	}
	row.claims = all - skipped.Claims
	a := claims.Analyze(l, claims.Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	start := time.Now()
	res := resolve.Run(a, resolve.Options{})
	row.seconds = time.Since(start).Seconds()
	maj := resolve.Run(a, resolve.Options{Method: resolve.Majority})
	row.rounds, row.converged = res.Iterations, res.Converged

	items := 0
	type dayScore struct{ judged, resolve, majority int }
	byDay := map[string]*dayScore{}
	var dayOrder []string
	for _, line := range strings.Split(strings.TrimSpace(string(goldData)), "\n")[1:] {
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(f) < 4 {
			continue
		}
		items++
		topic, day, truth := f[0], f[1], f[3]
		t := l.Topics[topic]
		if t == nil {
			continue
		}
		rv, mv := res.Find(topic, "", day), maj.Find(topic, "", day)
		if len(rv) == 0 || len(mv) == 0 {
			continue
		}
		ds := byDay[day]
		if ds == nil {
			ds = &dayScore{}
			byDay[day] = ds
			dayOrder = append(dayOrder, day)
		}
		row.judged++
		ds.judged++
		ok := flightRight(a, t, rv[0], truth)
		if ok {
			row.resolve++
			ds.resolve++
		}
		row.calib = append(row.calib, scored{rv[0].Confidence, ok})
		if flightRight(a, t, mv[0], truth) {
			row.majority++
			ds.majority++
		}
	}
	slices.Sort(dayOrder)
	var dayText []string
	for _, d := range dayOrder {
		ds := byDay[d]
		dayText = append(dayText, fmt.Sprintf("%s %s (majority %s, %d items)", d, pct(ds.resolve, ds.judged), pct(ds.majority, ds.judged), ds.judged))
	}
	row.best = -1
	row.note = fmt.Sprintf("%d sources; %d of %d claims readable (the rest left out); scored on the %d of %d gold items with a readable claim; by day: %s",
		l.Sources.Len(), row.claims, all, row.judged, items, strings.Join(dayText, "; "))
	return row, nil
}

// flightRight says whether v is the gold value truth of topic t.
func flightRight(a *claims.Analysis, t *claims.Topic, v *resolve.Value, truth string) bool {
	if t.Spec.Type == value.Text {
		norm := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r == ' ' || r == '-' || r == '\t' {
					return -1
				}
				return r
			}, strings.ToLower(s))
		}
		return norm(v.Value) == norm(truth)
	}
	want, err := value.Parse(truth, t.Spec)
	if err != nil || v.Rep < 0 {
		return false
	}
	got := a.Value(v.Rep)
	return math.Abs(got.Nominal-want.Nominal) <= 60
}

func readMaybeGzip(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasSuffix(path, ".gz") {
		return data, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(io.LimitReader(zr, 1<<30))
}

// scored is one judged answer: its stated confidence and whether it was
// right.
type scored struct {
	conf float64
	ok   bool
}

// calibration is the expected calibration error over ten equal bins of
// confidence, and how often answers stated at 0.9 or more are right (and
// how many there are).
func calibration(s []scored) (ece, high float64, nHigh int) {
	var n, right [10]int
	var sum [10]float64
	highRight := 0
	for _, x := range s {
		b := min(int(x.conf*10), 9)
		n[b]++
		sum[b] += x.conf
		if x.ok {
			right[b]++
		}
		if x.conf >= 0.9 {
			nHigh++
			if x.ok {
				highRight++
			}
		}
	}
	for b := range n {
		if n[b] > 0 {
			ece += float64(n[b]) / float64(len(s)) * math.Abs(float64(right[b])/float64(n[b])-sum[b]/float64(n[b]))
		}
	}
	if nHigh > 0 {
		high = float64(highRight) / float64(nHigh)
	}
	return ece, high, nHigh
}
