package bulk

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on the machines
// claimdiff runs on (x86-64 and arm64 with 4 KiB base pages).
const hugePage = 2 << 20

// PreferHugePages asks Linux to back the whole 2 MiB pages inside the
// array behind s with huge pages. A million claims fill a third of a
// gigabyte at once; in 4 KiB pages that is 80,000 page faults, which on a
// virtual machine cost a third of a second of kernel time, as much as
// reading the claims. Go no longer asks for huge pages itself, and where
// the kernel offers them only on request (the common "madvise" setting)
// this request is the difference. It is only advice: the memory stays
// Go's, nothing is read or written, and an error changes nothing.
func PreferHugePages[T any](s []T) {
	s = s[:cap(s)]
	if len(s) == 0 {
		return
	}
	size := uintptr(len(s)) * unsafe.Sizeof(s[0])
	if size < 8*hugePage {
		return // small arrays fault in quickly enough
	}
	base := unsafe.Pointer(unsafe.SliceData(s))
	start := uintptr(base)
	lo := (start + hugePage - 1) &^ (hugePage - 1)
	hi := (start + size) &^ (hugePage - 1)
	if hi <= lo {
		return
	}
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(base, lo-start)), hi-lo), syscall.MADV_HUGEPAGE)
}
