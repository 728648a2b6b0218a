package value

import "math"

// RoundUnit is the place of x's last significant digit: 1,000,000 for 2
// million, 10,000 for 1.03 million, 1 for 795, 0.01 for 4.83. Zero has
// no digit to go by and counts as exact.
func RoundUnit(x float64) float64 {
	x = math.Abs(x)
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return 0
	}
	for p := math.Pow(10, math.Floor(math.Log10(x))); p >= 1e-9; p /= 10 {
		if r := x / p; math.Abs(r-math.Round(r)) < 1e-6 {
			return p
		}
	}
	return 0
}
