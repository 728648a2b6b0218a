package load

import (
	"strings"
	"sync"
	"testing"

	"github.com/claimdiff/claimdiff/claims/value"
)

const headYAML = `ledger: 1
sources:
  wire: {name: Wire}
  paper: {name: Paper, via: wire}
topics:
  t.count: {type: number}
  t.open: {question: "Left untyped: each part infers it"}
disputes:
  t.count: {status: acknowledged, reason: checking}
claims:
  - {topic: t.count, value: "99", source: wire}
`

// TestHeadParts: parts loaded against one head, at once on many
// goroutines, each see the head's sources, topics and disputes, type an
// untyped topic from their own claims without touching the head's, and
// report only their own problems.
func TestHeadParts(t *testing.T) {
	h, err := LoadHead([]File{{Name: "head.yaml", Data: []byte(headYAML)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Problems) > 0 {
		t.Fatalf("head: %v", h.Problems[0].Error())
	}
	if n := len(h.Ledger().Claims); n != 0 {
		t.Fatalf("the head kept %d claims; a head's claims belong in the parts", n)
	}
	parts := []string{
		`{"id": "a", "topic": "t.count", "value": "5", "source": "paper"}` + "\n" +
			`{"id": "b", "topic": "t.open", "value": "12", "source": "wire"}`,
		`{"id": "c", "topic": "t.open", "value": "a sunny day", "source": "wire"}`,
		`{"id": "d", "topic": "t.count", "value": "many", "source": "wire"}`,
		`{"id": "e", "topic": "t.count", "value": "7", "source": "nobody"}`,
	}
	var wg sync.WaitGroup
	got := make([]string, len(parts))
	for i, p := range parts {
		wg.Go(func() {
			l, err := h.Part([]File{{Name: "part.jsonl", Data: []byte(p)}})
			if err != nil {
				got[i] = "error: " + err.Error()
				return
			}
			var b strings.Builder
			for _, c := range l.Claims {
				b.WriteString(c.ID + ":" + string(c.TopicRef.Spec.Type) + " ")
			}
			if s := l.Statuses["t.count"]; s != nil {
				b.WriteString("status:" + s.Status + " ")
			}
			for _, pr := range l.Problems {
				b.WriteString(pr.Code + " ")
			}
			got[i] = strings.TrimSpace(b.String())
		})
	}
	wg.Wait()
	want := []string{
		"a:number b:number status:acknowledged",
		"c:text",
		"d:number status:acknowledged bad-value",
		"e:number status:acknowledged unknown-source",
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("part %d: %q, want %q", i, got[i], want[i])
		}
	}
	if typ := h.Ledger().Topics["t.open"].Spec.Type; typ != "" {
		t.Errorf("a part typed the head's topic t.open as %q", typ)
	}
	if typ := value.Type("number"); h.Ledger().Topics["t.count"].Spec.Type != typ {
		t.Errorf("the head's t.count lost its type")
	}
}

// TestHeadPartRefusesYAML: a part holds claims in bulk files only.
func TestHeadPartRefusesYAML(t *testing.T) {
	h, err := LoadHead([]File{{Name: "head.yaml", Data: []byte(headYAML)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Part([]File{{Name: "more.yaml", Data: []byte("ledger: 1\n")}}); err == nil || !strings.Contains(err.Error(), "bulk file") {
		t.Fatalf("error %v, want a bulk file", err)
	}
}
