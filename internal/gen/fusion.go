package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// FusionOptions shape a ledger for measuring truth discovery: every
// topic has a known true value, every source a known accuracy, and some
// sources copy others, so that how often a method finds the truth can be
// measured at any size.
type FusionOptions struct {
	// Claims is about how many claims to make.
	Claims int
	// Sources defaults to 40, about the number of sites in a month of
	// flight-status data; Topics to Claims/10, so that each topic has
	// about ten claims.
	Sources, Topics int
	// Copiers is how many sources copy (default a quarter of them). They
	// split evenly among Originals sources (default 3), the least
	// accurate independent ones, so that a copied source's mistakes gain
	// a following, as a popular but careless site's do.
	Copiers, Originals int
	// CopyRate is the share of its original's values a copier copies
	// (default 0.8); it claims the rest itself, with accuracy 0.7.
	CopyRate float64
	// MinAccuracy and MaxAccuracy bound the independent sources'
	// accuracy, drawn evenly between them (default 0.4 and 0.95). The
	// originals get the lowest. With these defaults, majority vote finds
	// the truth about as often as it did on the flight-status data of
	// issue 16 (85%).
	MinAccuracy, MaxAccuracy float64
	// WrongValues is how many wrong values each topic has (default 4); a
	// source that errs picks one of them at random, so independent
	// mistakes sometimes coincide.
	WrongValues int
	Seed        uint64
}

func (o *FusionOptions) defaults() {
	if o.Sources <= 0 {
		o.Sources = 40
	}
	if o.Topics <= 0 {
		o.Topics = max(o.Claims/10, 1)
	}
	if o.Copiers <= 0 {
		o.Copiers = o.Sources / 4
	}
	if o.Originals <= 0 {
		o.Originals = 3
	}
	o.Copiers = min(o.Copiers, o.Sources-o.Originals)
	o.Originals = min(o.Originals, o.Sources-o.Copiers)
	if o.CopyRate == 0 {
		o.CopyRate = 0.8
	}
	if o.MinAccuracy == 0 {
		o.MinAccuracy = 0.4
	}
	if o.MaxAccuracy == 0 {
		o.MaxAccuracy = 0.95
	}
	if o.WrongValues <= 0 {
		o.WrongValues = 4
	}
}

// FusionSource is what a fusion ledger's source is, in truth.
type FusionSource struct {
	ID string
	// Accuracy is the chance that a value it claims itself is right.
	Accuracy float64
	// CopiesFrom is the source it copies, "" for an independent one.
	CopiesFrom string
}

// Fusion is a generated fusion ledger's truth: the true value of each
// topic ("topic-N") and what each source is.
type Fusion struct {
	Options FusionOptions
	Truth   []int
	Sources []FusionSource
	claims  []fusionClaim
}

type fusionClaim struct {
	topic, source int32
	value         int
}

// NewFusion makes the ledger o describes; the same options always make
// the same ledger.
func NewFusion(o FusionOptions) *Fusion {
	o.defaults()
	rng := rand.New(rand.NewPCG(o.Seed, 0x66757369))
	f := &Fusion{Options: o, Truth: make([]int, o.Topics)}
	for t := range f.Truth {
		f.Truth[t] = 1000 + rng.IntN(1_000_000)
	}
	independent := o.Sources - o.Copiers
	for s := range o.Sources {
		src := FusionSource{ID: fmt.Sprintf("site-%d", s)}
		switch {
		case s < o.Originals:
			// The originals: the least accurate.
			src.Accuracy = o.MinAccuracy + (o.MaxAccuracy-o.MinAccuracy)*0.1*rng.Float64()
		case s < independent:
			src.Accuracy = o.MinAccuracy + (o.MaxAccuracy-o.MinAccuracy)*rng.Float64()
		default:
			src.Accuracy = 0.7
			src.CopiesFrom = fmt.Sprintf("site-%d", (s-independent)%o.Originals)
		}
		f.Sources = append(f.Sources, src)
	}
	// Each independent source covers a topic by chance, as often as
	// makes the claims asked for; a copier covers what its original
	// covers.
	cover := 0.5
	if o.Claims > 0 {
		cover = min(1, float64(o.Claims)/float64(o.Topics*o.Sources))
	}
	own := func(t, s int) int {
		if rng.Float64() < f.Sources[s].Accuracy {
			return f.Truth[t]
		}
		return wrongValue(f.Truth[t], 1+rng.IntN(o.WrongValues))
	}
	said := make([]int, independent)
	for t := range o.Topics {
		for s := range independent {
			said[s] = -1
			if rng.Float64() < cover {
				said[s] = own(t, s)
				f.claims = append(f.claims, fusionClaim{int32(t), int32(s), said[s]})
			}
		}
		for s := independent; s < o.Sources; s++ {
			from := (s - independent) % o.Originals
			if said[from] < 0 {
				continue
			}
			v := said[from]
			if rng.Float64() >= o.CopyRate {
				v = own(t, s)
			}
			f.claims = append(f.claims, fusionClaim{int32(t), int32(s), v})
		}
	}
	return f
}

// wrongValue is the k-th wrong value of a topic whose truth is v: far
// enough off that no tolerance joins them.
func wrongValue(v, k int) int { return v + v*k*15/100 + 7*k }

// Claims is the number of claims made.
func (f *Fusion) Claims() int { return len(f.claims) }

// YAML writes the ledger: sources, topics (numbers with a 1% tolerance)
// and one claim per source and topic, values written in the forms
// people use.
func (f *Fusion) YAML(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, "ledger: 1\ntitle: generated fusion ledger of %d claims\nsources:\n", len(f.claims))
	for _, s := range f.Sources {
		fmt.Fprintf(bw, "  %s:\n    name: Site %s\n    kind: outlet\n", s.ID, s.ID[len("site-"):])
	}
	bw.WriteString("topics:\n")
	for t := range f.Truth {
		fmt.Fprintf(bw, "  topic-%d:\n    type: number\n    tolerance: 1%%\n", t)
	}
	bw.WriteString("claims:\n")
	for n, c := range f.claims {
		v := formatNumber(c.value, n)
		if strings.Contains(v, ",") {
			v = `"` + v + `"`
		}
		fmt.Fprintf(bw, "  - id: c%d\n    topic: topic-%d\n    value: %s\n    source: site-%d\n", n, c.topic, v, c.source)
	}
	return bw.Flush()
}
