package load

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

func newProgress(files []File, report func(done, total int64)) *progress {
	p := &progress{report: report, sizes: make(map[string]int64, len(files))}
	for _, f := range files {
		size := int64(len(f.Data))
		if f.Data == nil {
			if st, err := os.Stat(f.Name); err == nil {
				size = st.Size()
			}
		}
		p.sizes[f.Name] = size
		p.total += size
	}
	return p
}

func (p *progress) add(n int64) {
	if p != nil {
		p.report(p.done.Add(n), p.total)
	}
}

// fileProgress counts one file's bytes toward the load's, so that what
// its readers reported on the way and the rest counted when it is done add
// up to the file's size, whichever goroutines read it.
type fileProgress struct {
	p        *progress
	size     int64
	reported atomic.Int64
}

// file starts counting one file; nil when nobody listens.
func (p *progress) file(name string) *fileProgress {
	if p == nil {
		return nil
	}
	return &fileProgress{p: p, size: p.sizes[name]}
}

func (f *fileProgress) add(n int64) {
	if f != nil {
		f.reported.Add(n)
		f.p.add(n)
	}
}

// done counts the rest of the file once it is read.
func (f *fileProgress) done() {
	if f != nil {
		f.p.add(max(f.size-f.reported.Swap(f.size), 0))
	}
}
