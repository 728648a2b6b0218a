package load

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// interleave must give what plain appending in span order gives, whichever
// list is longer and however the runs alternate.
func TestInterleave(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var spans []span
		var a, b, want []string
		for f := range rng.IntN(6) {
			s := span{n: rng.IntN(4), other: rng.IntN(2) == 0}
			if rng.IntN(4) == 0 {
				s.n = rng.IntN(40)
			}
			spans = append(spans, s)
			for i := range s.n {
				item := fmt.Sprintf("f%d.%d", f, i)
				want = append(want, item)
				if s.other {
					b = append(b, item)
				} else {
					a = append(a, item)
				}
			}
		}
		// Spare capacity must not matter either.
		if rng.IntN(2) == 0 {
			a = slices.Grow(a, rng.IntN(50))
		}
		got := interleave(a, b, spans)
		if !slices.Equal(got, want) && len(want)+len(got) > 0 {
			t.Fatalf("spans %v: got %v, want %v", spans, got, want)
		}
	}
}

// A ledger of YAML and bulk files in turn loads the YAML and the bulk
// files on two goroutines; its claims, ids and problems must come out in
// file order, as when the files are read one after another.
func TestLoadMixedOrder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.yaml": "ledger: 1\nsources:\n  ap: {name: AP, kind: wire}\n  tass: {name: TASS, kind: wire}\n" +
			"claims:\n  - {topic: t1, value: 1, source: ap}\n  - {topic: t2, value: 5, source: ap}\n",
		"b.csv":   "topic,value,source\nt1,2,ap\nt1,3,nobody\nt2,6,tass\n",
		"c.yaml":  "claims:\n  - {topic: t1, value: 4, source: tass}\n",
		"d.jsonl": `{"topic": "t1", "value": 5, "source": "ap"}` + "\n" + `{"topic": "t3", "value": "x", "source": "ap"}` + "\n",
		"e.tsv":   "topic\tvalue\tsource\n",
		"f.yaml":  "claims:\n  - {topic: t2, value: 7, source: nobody}\n",
	}
	var paths []string
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range files {
			if !yield(k) {
				return
			}
		}
	}) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	l, err := Load(Paths(paths), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range l.Claims {
		got = append(got, fmt.Sprintf("%s:%d %s=%s", filepath.Base(c.Pos.File), c.Pos.Line, c.ID, c.Value.Raw))
	}
	want := []string{
		"a.yaml:6 t1@ap=1", "a.yaml:7 t2@ap=5",
		"b.csv:2 t1@ap#2=2", "b.csv:3 t1@nobody=3", "b.csv:4 t2@tass=6",
		"c.yaml:2 t1@tass=4",
		"d.jsonl:1 t1@ap#3=5", "d.jsonl:2 t3@ap=x",
		"f.yaml:2 t2@nobody=7",
	}
	if !slices.Equal(got, want) {
		t.Errorf("claims:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !slices.Equal(l.Files, paths) {
		t.Errorf("files %v, want %v", l.Files, paths)
	}
	wantProblems := []string{
		`b.csv:3:6 unknown-source: claim cites source "nobody", which is not defined`,
		`f.yaml:2:35 unknown-source: claim cites source "nobody", which is not defined`,
	}
	if ps := problemList(l.Problems); !slices.Equal(ps, wantProblems) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(ps, "\n"), strings.Join(wantProblems, "\n"))
	}
	if got := strings.Join(l.TopicOrder, " "); got != "t1 t2 t3" {
		t.Errorf("topics in order %q, want t1 t2 t3", got)
	}
}

// Of two unreadable files, the error names the first, whichever goroutine
// met it.
func TestLoadMixedFirstError(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.yaml")
	if err := os.WriteFile(ok, []byte("ledger: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range [][]string{
		{filepath.Join(dir, "missing.csv"), ok, filepath.Join(dir, "missing.yaml")},
		{filepath.Join(dir, "missing.yaml"), ok, filepath.Join(dir, "missing.csv")},
	} {
		_, err := Load(Paths(tc), Options{})
		if err == nil || !strings.HasPrefix(err.Error(), tc[0]+":") {
			t.Errorf("Load(%v) = %v, want an error naming %s", tc, err, tc[0])
		}
	}
}

// Progress hears every byte of every file once, whichever goroutine reads
// it, and ends at the total.
func TestLoadProgress(t *testing.T) {
	dir := t.TempDir()
	var csvData strings.Builder
	csvData.WriteString("topic,value,source\n")
	for i := range 60_000 {
		fmt.Fprintf(&csvData, "topic-%d,%d,ap\n", i%500, i)
	}
	files := []string{filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.csv"), filepath.Join(dir, "c.yaml")}
	for i, data := range []string{
		"ledger: 1\nsources:\n  ap: {name: AP, kind: wire}\n",
		csvData.String(),
		"claims:\n  - {topic: t1, value: 1, source: ap}\n",
	} {
		if err := os.WriteFile(files[i], []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var total int64
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		total += st.Size()
	}
	var mu sync.Mutex
	var last, over int64
	l, err := Load(Paths(files), Options{Progress: func(done, all int64) {
		mu.Lock()
		defer mu.Unlock()
		if all != total || done > all {
			over = done
		}
		last = max(last, done)
	}})
	if err != nil || len(l.Claims) != 60_001 {
		t.Fatalf("%v, %d claims", err, len(l.Claims))
	}
	if over != 0 || last != total {
		t.Errorf("progress reached %d of %d (a report of %d was out of range)", last, total, over)
	}
}
