package value

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimdiff/claimdiff/claims/value/internal/lex"
)

// increaseWords follow a figure that adds to an earlier one: "500 more",
// "hundreds more", "1.5 million additional".
var increaseWords = []string{"more", "additional", "extra"}

// countWords end a figure written in words: "hundreds more", "1.5
// million more".
var countWords = []string{"dozen", "dozens", "scores", "hundred", "hundreds", "thousand", "thousands",
	"million", "millions", "billion", "billions", "trillion", "bn", "m", "k"}

// IncreaseWord reports whether w, the word after a figure, makes the
// figure an increase on another ("500 more", "hundreds additional"),
// which is no count; extract proposes none for it.
func IncreaseWord(w string) bool { return slices.Contains(increaseWords, strings.ToLower(w)) }

// increase reports whether s, as lex.Clean leaves it (lower case, single
// spaces), gives a figure as an increase on another ("500 more died"):
// read as a count, "500 more" was 500, the word taken for a unit. "500 or
// more" is a bound, and "more than 500" names the count.
func increase(s string) bool {
	prev := ""
	for w := range strings.SplitSeq(s, " ") {
		if IncreaseWord(w) {
			p := strings.TrimLeft(prev, "$€£¥~≈")
			if p != "" && lex.IsDigit(p[0]) || slices.Contains(countWords, p) {
				return true
			}
		}
		prev = w
	}
	return false
}

// increaseError refuses a figure given as an increase.
func increaseError(raw string) error {
	return fmt.Errorf("%s is an increase on another figure, not a count: "+
		"write the total the source gives, or give the increase a topic of its own", lex.Quote(raw))
}
