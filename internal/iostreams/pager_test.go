package iostreams

import (
	"fmt"
	"os/exec"
	"testing"
)

func TestPagerOnlyOnATerminal(t *testing.T) {
	s, _, out, _ := Test()
	s.Pager = "tr a-z A-Z"
	if err := s.StartPager(); err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(s.Out, "plain")
	s.StopPager()
	if out.String() != "plain" {
		t.Errorf("a pipe went through the pager: %q", out.String())
	}
}

func TestPagerCarriesOutput(t *testing.T) {
	if _, err := exec.LookPath("tr"); err != nil {
		t.Skip("no tr")
	}
	s, _, out, _ := Test()
	s.OutTTY, s.Pager = true, "tr a-z A-Z"
	if err := s.StartPager(); err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(s.Out, "paged")
	s.StopPager()
	if out.String() != "PAGED" {
		t.Errorf("got %q through the pager", out.String())
	}
	if _, ok := s.Out.(quitWriter); ok {
		t.Error("Out not given back")
	}
}

func TestNoPager(t *testing.T) {
	for _, p := range []string{"", "cat", "  "} {
		s, _, out, _ := Test()
		s.OutTTY, s.Pager = true, p
		_ = s.StartPager()
		fmt.Fprint(s.Out, "x")
		s.StopPager()
		if out.String() != "x" {
			t.Errorf("pager %q: got %q", p, out.String())
		}
	}
}
