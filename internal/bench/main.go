// Command bench measures claimdiff at scale on ledgers it generates itself.
// See BENCHMARKS.md for how to run it and what it found.
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/claimdiff/claimdiff/internal/gen"
)

func main() {
	if len(os.Args) == 3 && os.Args[1] == "gen" {
		n, err := strconv.Atoi(os.Args[2])
		if err == nil {
			err = gen.YAML(os.Stdout, gen.Options{Claims: n, Seed: 1})
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(2)
		}
		return
	}
	fmt.Fprintln(os.Stderr, "usage: go run ./internal/bench gen N > ledger.yaml")
	os.Exit(2)
}
