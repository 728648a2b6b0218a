package load

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// warningLedger writes a ledger with one source and the given claims, each
// "topic" or "topic=value", so tests can say only what matters to them.
func warningLedger(topics []string, claims ...string) string {
	var b strings.Builder
	b.WriteString("ledger: 1\nsources:\n  ap: {name: AP, kind: wire}\n")
	if len(topics) > 0 {
		b.WriteString("topics:\n")
		for _, t := range topics {
			fmt.Fprintf(&b, "  %s: {type: text}\n", t)
		}
	}
	b.WriteString("claims:\n")
	for _, c := range claims {
		topic, val, ok := strings.Cut(c, "=")
		if !ok {
			val = "x"
		}
		fmt.Fprintf(&b, "  - {topic: %s, value: %s, source: ap, date: 2025-11-20}\n", topic, val)
	}
	return b.String()
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name   string
		ledger string
		want   []string
	}{
		{
			name:   "a topic used once next to an established one",
			ledger: warningLedger(nil, "plan.army-cap", "plan.army-cap", "plan.army-cab"),
			want:   []string{`likely-typo: topic "plan.army-cab" is used once and is close to "plan.army-cap"`},
		},
		{
			name:   "a declared topic is established with no claims",
			ledger: warningLedger([]string{"plan.army-cap"}, "plan.amry-cap"),
			want:   []string{`likely-typo: topic "plan.amry-cap" is used once and is close to "plan.army-cap"`},
		},
		{
			name:   "a missing letter and an extra one",
			ledger: warningLedger([]string{"kupiansk", "ceasefire"}, "kupiansk.x", "kupinsk", "ceaseffire"),
			want: []string{
				`likely-typo: topic "kupinsk" is used once and is close to "kupiansk"`,
				`likely-typo: topic "ceaseffire" is used once and is close to "ceasefire"`,
			},
		},
		{
			name:   "the closest wins, then the first alphabetically",
			ledger: warningLedger([]string{"topic-ab", "topic-ac", "topic-a"}, "topic-ax"),
			want:   []string{`likely-typo: topic "topic-ax" is used once and is close to "topic-a"`},
		},
		{
			name:   "ties go to the first alphabetically",
			ledger: warningLedger([]string{"topic-ac", "topic-ab"}, "topic-ad"),
			want:   []string{`likely-typo: topic "topic-ad" is used once and is close to "topic-ab"`},
		},
		{
			name:   "two topics used once are not typos of each other",
			ledger: warningLedger(nil, "topic-a", "topic-b"),
		},
		{
			name:   "far apart topics are not typos",
			ledger: warningLedger([]string{"plan.army-cap"}, "plan.g8"),
		},
		{
			name:   "a declared topic is never a suspect",
			ledger: warningLedger([]string{"plan.army-cap", "plan.army-cab"}, "ceasefire"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Bytes("w.yaml", []byte(tt.ledger))
			if len(l.Problems) > 0 {
				t.Fatalf("the ledger has problems: %v", problemList(l.Problems))
			}
			var got []string
			for _, p := range Warnings(l) {
				if p.Code == "likely-typo" {
					got = append(got, p.Code+": "+p.Message)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// The typo search must not grow with the square of the topics: a quarter
// of a million established topics and a handful of suspects is a normal
// merged feed. This checks the answer at that size, not the time.
func TestWarningsManyTopics(t *testing.T) {
	var topics []string
	for i := range 50_000 {
		topics = append(topics, fmt.Sprintf("topic-%d", i))
	}
	l := Bytes("w.yaml", []byte(warningLedger(topics, "topic-1x", "topic-49999", "topic-49999", "other")))
	var got []string
	for _, p := range Warnings(l) {
		got = append(got, p.Code+": "+p.Message)
	}
	want := []string{`likely-typo: topic "topic-1x" is used once and is close to "topic-1"`}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Claims are counted on every core; what each found must add up as if one
// had counted them all, with each topic's first use the earliest.
func TestWarningsAcrossChunks(t *testing.T) {
	t.Parallel()
	// Warnings counts in chunks of at least 4,096 claims, so even the small
	// size spans two, with the typo in the second.
	n, at := sized(9_000, 20_000), sized(6_000, 15_000)
	var claims []string
	for i := range n {
		claims = append(claims, fmt.Sprintf("common-%d", i%3))
	}
	claims[at] = "common-1x" // used once, far into the claims
	ledger := warningLedger(nil, claims...) + "  - {topic: common-2, value: x, source: wire, date: 2025-11-21}\n" +
		"  - {topic: common-0, value: y, source: ap}\n"
	ledger = strings.Replace(ledger, "sources:\n", "sources:\n  wire: {name: Wire, kind: wire}\n  idle: {name: Idle, kind: wire}\n", 1)
	l := Bytes("w.yaml", []byte(ledger))
	var got []string
	for _, p := range Warnings(l) {
		got = append(got, fmt.Sprintf("%d %s: %s", p.Pos.Line, p.Code, p.Message))
	}
	typo := l.Claims[at].Pos.Line
	want := []string{
		fmt.Sprintf("%d no-date: claim %q has no date", l.Claims[n+1].Pos.Line, l.Claims[n+1].ID),
		`4 unused-source: source "idle" is not cited by any claim`,
		fmt.Sprintf(`%d likely-typo: topic "common-1x" is used once and is close to "common-1"`, typo),
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
