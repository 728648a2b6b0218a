package load

import "slices"

// sibling returns a builder for the bulk files, which load while b reads
// the YAML files. It shares b's progress; its ledger knows no topics, so
// its claims keep their own topic strings until finish looks them up.
func (b *builder) sibling() *builder {
	s := newBuilder(b.opts)
	s.progress = b.progress
	return s
}

// merge takes in what other read from its share of files, with the
// claims back in the order of files, exactly as one goroutine reading the
// files in order would have left them. Bulk files define no sources,
// topics or statuses, so claims and problems are all there is to take.
func (b *builder) merge(other *builder, files []File) {
	b.l.Files = make([]string, len(files))
	for i, f := range files {
		b.l.Files[i] = f.Name
	}
	b.l.Problems = append(b.l.Problems, other.l.Problems...)
	// Which group each file's claims are in, in file order.
	var spans []span
	mine, theirs := b.counts, other.counts
	for _, f := range files {
		if _, ok := bulkFormat(f.Name); ok {
			spans = append(spans, span{n: theirs[0], other: true})
			theirs = theirs[1:]
		} else {
			spans = append(spans, span{n: mine[0]})
			mine = mine[1:]
		}
	}
	b.l.Claims = interleave(b.l.Claims, other.l.Claims, spans)
	b.places = interleave(b.places, other.places, spans)
	b.counts = nil
}

// span is one file's run of claims, from b (other false) or from the
// sibling builder.
type span struct {
	n     int
	other bool
}

// interleave merges two lists of runs into one in the order spans give,
// reusing the longer list's memory: a million claims are moved within
// their own array rather than copied into a second one, which would
// double the peak. Runs are placed from the last to the first, so a run
// of the kept list only ever moves towards the end, over places already
// moved out of.
func interleave[T any](a, b []T, spans []span) []T {
	keepA := len(a) >= len(b)
	dst, src := a, b
	if !keepA {
		dst, src = b, a
	}
	if len(src) == 0 {
		return dst
	}
	total := len(a) + len(b)
	dst = slices.Grow(dst, len(src))[:total]
	// dEnd and sEnd are the ends of the runs not yet placed in each list.
	dEnd, sEnd, end := len(dst)-len(src), len(src), total
	for i := len(spans) - 1; i >= 0; i-- {
		s := spans[i]
		if s.n == 0 {
			continue
		}
		end -= s.n
		if s.other != keepA {
			dEnd -= s.n
			copy(dst[end:end+s.n], dst[dEnd:dEnd+s.n])
		} else {
			sEnd -= s.n
			copy(dst[end:end+s.n], src[sEnd:sEnd+s.n])
		}
	}
	return dst
}
