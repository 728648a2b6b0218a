// Command claimdiff compares claims that sources make about a story: it
// finds which agree, which contradict, and how much independent support
// each side has.
package main

import "os"

func main() {
	os.Exit(run())
}
