package claims

import (
	"os"
	"sync/atomic"
)

// progress counts bytes of the ledger's files as they are read, so a long
// load can show how far it has come. A nil *progress counts nothing.
type progress struct {
	total  int64
	sizes  map[string]int64
	done   atomic.Int64
	report func(done, total int64)
}

func newProgress(files []string, report func(done, total int64)) *progress {
	p := &progress{report: report, sizes: make(map[string]int64, len(files))}
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			p.sizes[f] = st.Size()
			p.total += st.Size()
		}
	}
	return p
}

func (p *progress) add(n int64) {
	if p != nil {
		p.report(p.done.Add(n), p.total)
	}
}

// fileDone counts the rest of a file once it is read, whatever its parts
// reported on the way.
func (p *progress) fileDone(name string, reported int64) {
	if p == nil {
		return
	}
	p.report(p.done.Add(p.sizes[name]-reported), p.total)
}
