package main

import "github.com/apache/beam/sdks/v2/go/pkg/beam"

// Counters of what crosses each shuffle, for the scaling figures in
// BENCHMARKS.md: a stage's shuffle is about its records' bytes.
var (
	// Claims read from the shards, and their bytes as records on their
	// way to their group (the first shuffle).
	claimsRead  = beam.NewCounter("claimdiff", "claims")
	claimBytes  = beam.NewCounter("claimdiff", "claim_bytes")
	idBytes     = beam.NewCounter("claimdiff", "id_bytes")
	partsMade   = beam.NewCounter("claimdiff", "parts")
	partBytes   = beam.NewCounter("claimdiff", "part_bytes")
	evidenceOut = beam.NewCounter("claimdiff", "evidence")
	evidenceB   = beam.NewCounter("claimdiff", "evidence_bytes")
	copyOut     = beam.NewCounter("claimdiff", "copy")
	copyBytes   = beam.NewCounter("claimdiff", "copy_bytes")
	disputesOut = beam.NewCounter("claimdiff", "disputes")
	valuesOut   = beam.NewCounter("claimdiff", "values")
)
