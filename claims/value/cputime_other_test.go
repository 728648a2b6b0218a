//go:build !unix

package value

import "time"

// cpuTime is unknown here: BenchmarkParseFeed reports wall time alone.
func cpuTime() time.Duration { return -1 }
