// Package gen writes synthetic ledgers of any size, shaped like a month of
// merged OSINT feeds, for benchmarks and scale tests. The same seed always
// gives the same ledger.
package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// Options shape a generated ledger.
type Options struct {
	Claims int
	// Topics defaults to a quarter of the claims, Sources to 200.
	Topics, Sources int
	// DisputedShare is the share of topics given a contradicting claim;
	// 0.06 by default.
	DisputedShare float64
	Seed          uint64
}

func (o *Options) defaults() {
	if o.Topics <= 0 {
		o.Topics = max(o.Claims/4, 1)
	}
	if o.Sources <= 0 {
		o.Sources = 200
	}
	if o.DisputedShare == 0 {
		o.DisputedShare = 0.06
	}
}

var kinds = []string{"outlet", "wire", "official", "person", "government"}

// YAML writes a ledger with the given options: sources, topics with types
// and tolerance, then claims each with id, topic, value, source, date and
// quote. Numbers agree within tolerance except on disputed topics, where
// one source claims a value well off the others.
func YAML(w io.Writer, o Options) error {
	o.defaults()
	bw := bufio.NewWriterSize(w, 1<<16)
	writeHead(bw, o)
	bw.WriteString("claims:\n")
	each(o, func(c claim) {
		v := c.value
		if strings.Contains(v, ",") {
			v = `"` + v + `"`
		}
		fmt.Fprintf(bw, "  - id: c%d\n    topic: topic-%d\n    value: %s\n    source: src-%d\n    date: %s\n    quote: %s\n",
			c.n, c.topic, v, c.source, c.date, c.quote)
	})
	return bw.Flush()
}

// Head writes the YAML part of a ledger whose claims are in a bulk file:
// the format version, sources and topics, as YAML does, but no claims.
func Head(w io.Writer, o Options) error {
	o.defaults()
	bw := bufio.NewWriterSize(w, 1<<16)
	writeHead(bw, o)
	return bw.Flush()
}

// CSV writes the claims YAML would write, as a CSV claim file.
func CSV(w io.Writer, o Options) error {
	o.defaults()
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("id,topic,value,source,date,quote\n")
	each(o, func(c claim) {
		v := c.value
		if strings.Contains(v, ",") {
			v = `"` + v + `"`
		}
		fmt.Fprintf(bw, "c%d,topic-%d,%s,src-%d,%s,%s\n", c.n, c.topic, v, c.source, c.date, c.quote)
	})
	return bw.Flush()
}

// JSONL writes the claims YAML would write, as a JSON Lines claim file.
func JSONL(w io.Writer, o Options) error {
	o.defaults()
	bw := bufio.NewWriterSize(w, 1<<16)
	each(o, func(c claim) {
		fmt.Fprintf(bw, `{"id": "c%d", "topic": "topic-%d", "value": "%s", "source": "src-%d", "date": "%s", "quote": "%s"}`+"\n",
			c.n, c.topic, c.value, c.source, c.date, c.quote)
	})
	return bw.Flush()
}

func writeHead(bw *bufio.Writer, o Options) {
	fmt.Fprintf(bw, "ledger: 1\ntitle: generated ledger of %d claims\nsources:\n", o.Claims)
	for s := range o.Sources {
		fmt.Fprintf(bw, "  src-%d:\n    name: Source %d\n    kind: %s\n", s, s, kinds[s%len(kinds)])
		if s%7 == 3 {
			fmt.Fprintf(bw, "    via: src-%d\n", s-1)
		}
	}
	bw.WriteString("topics:\n")
	for t := range o.Topics {
		fmt.Fprintf(bw, "  topic-%d:\n    type: number\n    tolerance: 1%%\n", t)
	}
}

// Disputed returns how many topics a ledger made with o holds in dispute:
// the ones each makes disputed, which claimdiff must find.
func Disputed(o Options) int {
	o.defaults()
	n := 0
	for t := range o.Topics {
		if float64(t%1000) < o.DisputedShare*1000 && o.Claims >= o.Topics {
			n++
		}
	}
	return n
}

// claim is one generated claim, whatever format it is written in. Its
// texts need no quoting in any format but the comma in a grouped value.
type claim struct {
	n, topic, source int
	value, date      string
	quote            string
}

// each makes the claims in order; the same options always make the same
// claims.
func each(o Options, fn func(claim)) {
	rng := rand.New(rand.NewPCG(o.Seed, 0x636c61696d64))
	base := make([]int, o.Topics)
	for t := range base {
		base[t] = 1000 + rng.IntN(1_000_000)
	}
	for c := range o.Claims {
		t := c % o.Topics
		v := base[t]
		// The last claim of a disputed topic is far from the rest.
		disputed := float64(t%1000) < o.DisputedShare*1000 && c+o.Topics >= o.Claims
		if disputed {
			v = v*3/2 + 7
		}
		src := rng.IntN(o.Sources)
		month, day := 1+c%12, 1+c%28
		if disputed {
			// Dated last, so no revision by its own origin hides it.
			month, day = 12, 31
		}
		fn(claim{n: c, topic: t, source: src, value: formatNumber(v, c),
			date:  fmt.Sprintf("2025-%02d-%02d", month, day),
			quote: fmt.Sprintf("Source %d puts it at %d", src, v)})
	}
}

// formatNumber writes the same number in the forms people use.
func formatNumber(v, salt int) string {
	switch salt % 3 {
	case 0:
		return fmt.Sprint(v)
	case 1:
		return grouped(v)
	}
	return fmt.Sprintf("about %d", v)
}

// grouped writes v with thousands separators: 1,263,544.
func grouped(v int) string {
	if v < 1000 {
		return fmt.Sprint(v)
	}
	return grouped(v/1000) + fmt.Sprintf(",%03d", v%1000)
}
