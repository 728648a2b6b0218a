package diag

import "testing"

// A list keeps a file's first MaxPerFile problems and counts the rest, by
// severity, in its too-many problem; Count counts them all.
func TestListCountsWhatItHides(t *testing.T) {
	var l List
	for i := range 250 {
		p := Errorf(Pos{File: "f", Line: i + 1, Col: 1}, "bad-value", "bad")
		if i%5 == 0 {
			p.Severity = Warning
		}
		l.Add(p)
	}
	if len(l.Problems) != MaxPerFile+1 || l.Problems[MaxPerFile].Code != "too-many" {
		t.Fatalf("%d problems, last %q", len(l.Problems), l.Problems[len(l.Problems)-1].Code)
	}
	if e, w := Count(l.Problems); e != 200 || w != 50 {
		t.Errorf("Count = %d errors, %d warnings; want 200, 50", e, w)
	}
	// Folding a list with a too-many problem into another keeps its count.
	tm := TooMany(l.Problems[50], l.Problems[51:])
	if got := tm.HiddenErrors + tm.HiddenWarnings; got != 200 {
		t.Errorf("TooMany stands for %d problems, want 200", got)
	}
	if tm.Message != "200 more problems in this file are not shown" {
		t.Errorf("message %q", tm.Message)
	}
}

func TestPosAt(t *testing.T) {
	data := []byte("ab\ncé d\n")
	for _, tt := range []struct {
		off  int
		want string
	}{{0, "f:1:1"}, {2, "f:1:3"}, {3, "f:2:1"}, {6, "f:2:3"}, {99, "f:3:1"}} {
		if got := PosAt("f", data, tt.off).String(); got != tt.want {
			t.Errorf("PosAt(%d) = %s, want %s", tt.off, got, tt.want)
		}
	}
}

func TestPlain(t *testing.T) {
	for s, want := range map[string]bool{
		"quote": true, "as_of": true, "_x": true, "é": true, "a.b-c9": true,
		"": false, "9a": false, "-a": false, "a b": false, "root:x:0:0:root:/root:/bin/bash": false,
		"a\x1b[31m": false, "0123456789012345678901234567890123456789x": false,
	} {
		if got := Plain(s); got != want {
			t.Errorf("Plain(%q) = %v, want %v", s, got, want)
		}
	}
}

// The cap hides problems from the display only: a too-many problem that
// hides an error is an error, and taking the rows out of it gives back
// their counts by code and the other problems it held.
func TestTooManyKeepsWhatItHides(t *testing.T) {
	var l List
	warn := Warnf(Pos{File: "f", Line: 1}, "ambiguous-date", "w")
	for range MaxPerFile + 5 {
		l.Add(warn)
	}
	row := Errorf(Pos{File: "f", Line: 2}, "bad-value", "v")
	row.Row = true
	for range 40 {
		l.Add(row)
	}
	l.Add(Errorf(Pos{File: "f", Line: 3}, "unknown-source", "s"))
	tm := l.Problems[MaxPerFile]
	if tm.Code != "too-many" || tm.Severity != Error {
		t.Fatalf("cap problem %s %s, want an error too-many", tm.Code, tm.Severity)
	}
	if e, w := Count(l.Problems); e != 41 || w != MaxPerFile+5 {
		t.Fatalf("counted %d errors, %d warnings", e, w)
	}
	rows, shown := tm.TakeRows()
	if rows["bad-value"] != 40 || len(rows) != 1 {
		t.Errorf("rows %v, want bad-value 40", rows)
	}
	if len(shown) != 6 || shown[5].Code != "unknown-source" {
		t.Errorf("shown %d problems, want the 5 warnings and the unknown source", len(shown))
	}
	if tm.HiddenErrors != 0 || tm.HiddenWarnings != 0 || tm.Severity != Warning {
		t.Errorf("left %d errors, %d warnings, %s", tm.HiddenErrors, tm.HiddenWarnings, tm.Severity)
	}
}
