package main

import (
	"testing"
	"time"
)

func TestShiftDates(t *testing.T) {
	near := time.Date(2011, 12, 2, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		in   string
		days int
		want string
	}{
		{"12/02/2011 08:07 PM", 7, "12/09/2011 08:07 PM"},
		{"12/2/11 2:13 PM (-05:00)", 7, "12/9/11 2:13 PM (-05:00)"},
		{"12/2/11 2:13 PM (-05:00)", 30, "1/1/12 2:13 PM (-05:00)"},
		{"8:07 PMDec 02", 9, "8:07 PMDec 11"},
		{"1:55pDec 2", 3, "1:55pDec 5"},
		{"Dec 02 - Contact Airline", 29, "Dec 31 - Contact Airline"},
		{"Thu, Dec 2 8:07 PM   On Time", 3, "Sun, Dec 5 8:07 PM   On Time"},
		{"2011-12-02 12/01 11:55 PM", 3, "2011-12-05 12/04 11:55 PM"},
		{"12:10 PM  Fri 02-Dec-2011", 30, "12:10 PM  Sun 01-Jan-2012"},
		{"Fri., Dec.02, 2011 1:55 p.m.", 14, "Fri., Dec.16, 2011 1:55 p.m."},
		{"3:00P 12-02-11", 1, "3:00P 12-03-11"},
		{"2011-12-02 02:43PM EST", 30, "2012-01-01 02:43PM EST"},
		{"Term C - C44", 5, "Term C - C44"},
		{"Terminal 8", 5, "Terminal 8"},
		{"12/02/2011 08:07 PM", 0, "12/02/2011 08:07 PM"},
	} {
		if got := shiftDates(tt.in, tt.days, near); got != tt.want {
			t.Errorf("shiftDates(%q, %d) = %q, want %q", tt.in, tt.days, got, tt.want)
		}
	}
}
