package figure

// EndTree finds, among sets in date order, the first at or after a place
// that conflicts with a given set: one that ends below it or starts above
// it. Each node keeps the lowest end and the highest start under it.
type EndTree struct {
	n            int
	lowEnd, high []end
}

// end is one end of a set; open ends sort inside closed ones at the same
// value (an open end at 5 ends below a closed one at 5).
type end struct {
	at   float64
	open bool
}

func NewEndTree(sets []Interval) *EndTree {
	t := &EndTree{n: len(sets), lowEnd: make([]end, 4*len(sets)), high: make([]end, 4*len(sets))}
	t.build(1, 0, len(sets), sets)
	return t
}

func (t *EndTree) build(node, lo, hi int, sets []Interval) {
	if hi-lo == 1 {
		t.lowEnd[node] = end{sets[lo].Hi, sets[lo].HiOpen}
		t.high[node] = end{sets[lo].Lo, sets[lo].LoOpen}
		return
	}
	mid := (lo + hi) / 2
	t.build(2*node, lo, mid, sets)
	t.build(2*node+1, mid, hi, sets)
	a, b := t.lowEnd[2*node], t.lowEnd[2*node+1]
	if b.at < a.at || b.at == a.at && b.open {
		a = b
	}
	t.lowEnd[node] = a
	a, b = t.high[2*node], t.high[2*node+1]
	if b.at > a.at || b.at == a.at && b.open {
		a = b
	}
	t.high[node] = a
}

// conflicts reports whether some set under node conflicts with s.
func (t *EndTree) conflicts(node int, s Interval) bool {
	e, b := t.lowEnd[node], t.high[node]
	return e.at < s.Lo || e.at == s.Lo && (e.open || s.LoOpen) ||
		b.at > s.Hi || b.at == s.Hi && (b.open || s.HiOpen)
}

// First returns the first index at or after from whose set conflicts with
// s, or -1.
func (t *EndTree) First(from int, s Interval) int {
	if t.n == 0 {
		return -1
	}
	return t.find(1, 0, t.n, from, s)
}

func (t *EndTree) find(node, lo, hi, from int, s Interval) int {
	if hi <= from || !t.conflicts(node, s) {
		return -1
	}
	if hi-lo == 1 {
		return lo
	}
	mid := (lo + hi) / 2
	if q := t.find(2*node, lo, mid, from, s); q >= 0 {
		return q
	}
	return t.find(2*node+1, mid, hi, from, s)
}
