package cijson

import (
	"bytes"
	"strings"
	"testing"
)

func TestFingerprintIgnoresLines(t *testing.T) {
	a := Finding{Code: "refuted", Level: "error", File: "a.yaml", Line: 3, Subject: []string{"t"}}
	b := a
	b.Line, b.Col = 9, 4
	if Fingerprints([]Finding{a})[0] != Fingerprints([]Finding{b})[0] {
		t.Error("the line changed the fingerprint")
	}
	c := a
	c.Subject = []string{"u"}
	if Fingerprints([]Finding{a})[0] == Fingerprints([]Finding{c})[0] {
		t.Error("the subject did not change the fingerprint")
	}
	fps := Fingerprints([]Finding{a, b})
	if fps[0] == fps[1] {
		t.Error("two findings about the same thing share a fingerprint")
	}
	if Fingerprint("ab", "c") == Fingerprint("a", "bc") {
		t.Error("parts run together")
	}
}

func TestWithoutPositions(t *testing.T) {
	for in, want := range map[string]string{
		"duplicate key (first at line 12)":      "duplicate key (first at line)",
		"claim a1 repeats lines 3 and 14":       "claim a1 repeats lines",
		"also at ledger/a.yaml:12:5, see there": "also at ledger/a.yaml, see there",
		"600,000 troops":                        "600,000 troops",
	} {
		if got := WithoutPositions(in); got != want {
			t.Errorf("WithoutPositions(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriters(t *testing.T) {
	fs := []Finding{
		{Code: "x", Level: "warning", Message: "m ##[set-output]", File: "./a.yaml", Line: 2, Col: 3},
		{Code: "y", Level: "note", Message: "no file"},
	}
	var b bytes.Buffer
	if err := WriteRDJSONL(&b, fs); err != nil {
		t.Fatal(err)
	}
	// The path is the repository's, as GitLab's and SARIF's are
	// ("internal/cijson/a.yaml" in a checkout, "a.yaml" outside one).
	var places Places
	where := places.Place("./a.yaml").Path
	if !strings.HasSuffix(where, "a.yaml") || strings.HasPrefix(where, ".") {
		t.Fatalf("./a.yaml placed at %q", where)
	}
	want := `{"message":"m #\u0023[set-output]","location":{"path":"` + where + `","range":{"start":{"line":2,"column":3}}},"severity":"WARNING","code":{"value":"x"},"source":{"name":"claimdiff"}}
{"message":"no file","severity":"INFO","code":{"value":"y"},"source":{"name":"claimdiff"}}
`
	if b.String() != want {
		t.Errorf("rdjsonl:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteGitLab(&b, nil); err != nil || b.String() != "[]\n" {
		t.Errorf("empty GitLab report = %q, %v", b.String(), err)
	}
	b.Reset()
	if err := WriteGitLab(&b, fs); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "no file") || !strings.Contains(b.String(), `"severity": "minor"`) {
		t.Errorf("GitLab report:\n%s", b.String())
	}
	if err := WriteGitLab(&b, []Finding{{Level: "fatal", File: "a"}}); err == nil {
		t.Error("an unknown level was accepted")
	}
}
