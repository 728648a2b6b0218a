package load

import (
	"fmt"
	"strings"
	"testing"
)

// parseRange reads a value written the same way once, for claims whose
// reading cannot differ; the table it keeps must never show. A value
// without a year reads near each claim's own day, a source that declares
// its zone reads its times in it, every claim gets its own lint warning,
// and a feed of distinct figures, where the table is dropped, reads the
// same.
func TestParseRangeRemembersOnlyWhatReadsTheSame(t *testing.T) {
	head := `ledger: 1
sources:
  a: {name: A, kind: outlet}
  b: {name: B, kind: outlet}
  z: {name: Z, kind: outlet, zone: "+03:00"}
topics:
  dep:
    type: datetime
    zone: "-05:00"
    changes: true
  count:
    type: number
`
	var csv strings.Builder
	csv.WriteString("id,topic,value,source,date\n")
	row := func(id, topic, val, src, date string) {
		fmt.Fprintf(&csv, "%s,%s,%s,%s,%s\n", id, topic, val, src, date)
	}
	days := []string{"2011-12-02", "2012-12-03"}
	repeats := func(set string) {
		for k := range 3 {
			for d, day := range days {
				for _, src := range []string{"a", "b", "z"} {
					row(fmt.Sprintf("t%s%d-%d-%s", set, k, d, src), "dep", "Dec 02 2:13 PM", src, day)
					row(fmt.Sprintf("c%s%d-%d-%s", set, k, d, src), "count", "1.234", src, day)
				}
			}
		}
	}
	// The repeats before the distinct figures are read with the table;
	// those after, in a chunk that dropped it after its trial, without.
	repeats("x")
	const distinct = 9000
	for i := range distinct {
		row(fmt.Sprintf("n%d", i), "count", fmt.Sprint(1000+i), "a", "2011-12-02")
	}
	repeats("y")
	l, err := Load([]File{{Name: "head.yaml", Data: []byte(head)}, {Name: "claims.csv", Data: []byte(csv.String())}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ambiguous := 0
	for _, p := range l.Problems {
		if p.Code == "ambiguous-number" {
			ambiguous++
		}
	}
	if want := 2 * 3 * len(days) * 3; ambiguous != want {
		t.Errorf("%d ambiguous-number warnings, want one per claim of 1.234: %d", ambiguous, want)
	}
	at := map[string]float64{}
	for i := range l.Claims {
		c := &l.Claims[i]
		switch {
		case c.Topic == "count" && strings.HasPrefix(c.ID, "n"):
			var want float64
			fmt.Sscan(c.Value.Raw, &want)
			if c.Value.Nominal != want {
				t.Fatalf("%s read %q as %v", c.ID, c.Value.Raw, c.Value.Nominal)
			}
		case c.Topic == "dep":
			at[c.ID] = c.Value.Nominal
		}
	}
	for _, set := range []string{"x", "y"} {
		for k := range 3 {
			name := func(d int, src string) string { return fmt.Sprintf("t%s%d-%d-%s", set, k, d, src) }
			a0, a1, b0, z0 := at[name(0, "a")], at[name(1, "a")], at[name(0, "b")], at[name(0, "z")]
			if a0 != b0 {
				t.Errorf("two sources with no zone of their own read the same time apart: %v, %v", a0, b0)
			}
			if a1-a0 < 360*86400 {
				t.Errorf("a time without a year read near the wrong day: %v, then %v a year on", a0, a1)
			}
			if a0-z0 != 8*3600 {
				t.Errorf("2:13 PM at the source's +03:00 is %v s before 2:13 PM at the topic's -05:00, want %v", a0-z0, 8*3600)
			}
		}
	}
}
