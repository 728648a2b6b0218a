package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/pflag"
)

// profiles are the hidden --cpuprofile and --memprofile: pprof files of
// one run, for finding where a month of claims spends its time. They are
// for developers, so they stay out of help and completion.
type profiles struct {
	cpuFile, memFile string
	cpu              *os.File
}

func (p *profiles) flags(fs *pflag.FlagSet) {
	fs.StringVar(&p.cpuFile, "cpuprofile", "", "write a CPU profile of the command to this file")
	fs.StringVar(&p.memFile, "memprofile", "", "write an allocation profile of the command to this file")
	_ = fs.MarkHidden("cpuprofile")
	_ = fs.MarkHidden("memprofile")
}

func (p *profiles) start() error {
	if p.cpuFile == "" || p.cpu != nil {
		return nil
	}
	f, err := os.Create(p.cpuFile)
	if err != nil {
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	p.cpu = f
	return nil
}

// stop ends the CPU profile and writes the allocation profile, if asked.
func (p *profiles) stop() error {
	if p.cpu != nil {
		pprof.StopCPUProfile()
		err := p.cpu.Close()
		p.cpu = nil
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
	}
	if p.memFile == "" {
		return nil
	}
	f, err := os.Create(p.memFile)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	runtime.GC()
	err = pprof.Lookup("allocs").WriteTo(f, 0)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	return nil
}
