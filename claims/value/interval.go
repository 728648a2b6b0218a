package value

// An Interval is a numeric set: the numbers from Lo to Hi, each end
// open (left out) or closed. It is the one home of the rule for where
// two such sets overlap, which Meets, the positions of a topic and the
// resolver all use.
type Interval struct {
	Lo, Hi         float64
	LoOpen, HiOpen bool
}

// Ends is v's set as written: its Lo and Hi, open or not, unknown ends
// (NaN) left unknown.
func (v Value) Ends() Interval { return Interval{v.Lo, v.Hi, v.LoOpen, v.HiOpen} }

// And is the part of a that b shares: the later start and the earlier
// end, an open end winning a tie. Where an end of b is unknown (NaN), a's
// stays. Sets that do not meet give an Empty interval.
func (a Interval) And(b Interval) Interval {
	out := a
	if b.Lo > a.Lo || b.Lo == a.Lo && b.LoOpen {
		out.Lo, out.LoOpen = b.Lo, b.LoOpen
	}
	if b.Hi < a.Hi || b.Hi == a.Hi && b.HiOpen {
		out.Hi, out.HiOpen = b.Hi, b.HiOpen
	}
	return out
}

// Empty reports whether no number lies in a.
func (a Interval) Empty() bool {
	return a.Lo > a.Hi || a.Lo == a.Hi && (a.LoOpen || a.HiOpen)
}
