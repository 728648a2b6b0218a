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

// fileStart returns the count before a file, so fileDone can make it up to
// the whole file whatever the parts reported.
func (p *progress) fileStart() int64 {
	if p == nil {
		return 0
	}
	return p.done.Load()
}

func (p *progress) fileDone(name string, before int64) {
	if p == nil {
		return
	}
	p.done.Store(before + p.sizes[name])
	p.report(p.done.Load(), p.total)
}
