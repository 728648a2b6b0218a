package currency

import "testing"

func TestOf(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"usd", "USD"}, {"$", "USD"}, {"€", "EUR"}, {"euros", "EUR"}, {"RMB", "CNY"}, {"xyz", "XYZ"},
	} {
		if got, ok := Of(tt.in); !ok || got != tt.want {
			t.Errorf("Of(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, in := range []string{"", "dollars and cents", "us", "1usd"} {
		if got, ok := Of(in); ok {
			t.Errorf("Of(%q) = %q; want no currency", in, got)
		}
	}
}

func TestCut(t *testing.T) {
	if c, rest, ok := CutPrefix("s$5", ""); !ok || c.Code != "SGD" || rest != "5" {
		t.Errorf("CutPrefix(s$5) = %+v, %q, %v", c, rest, ok)
	}
	if c, rest, ok := CutPrefix("sgd 5", ""); !ok || c.Code != "SGD" || rest != "5" {
		t.Errorf("CutPrefix(sgd 5) = %+v, %q, %v", c, rest, ok)
	}
	if c, rest, ok := CutSuffix("euros in aid", ""); !ok || c.Code != "EUR" || rest != "in aid" {
		t.Errorf("CutSuffix(euros in aid) = %+v, %q, %v", c, rest, ok)
	}
	// A generic "$" stands for a topic's dollar; "¥" for yen or yuan.
	if !SameFamily("USD", "SGD") || !SameFamily("JPY", "CNY") || SameFamily("USD", "EUR") {
		t.Error("SameFamily: $ is every dollar, ¥ yen or yuan, and neither is the euro")
	}
}
