package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/claimdiff/claimdiff/claims"
	"github.com/claimdiff/claimdiff/claims/bulk"
	"github.com/claimdiff/claimdiff/claims/bulk/parquetexport"
	"github.com/claimdiff/claimdiff/claims/example"
	"github.com/claimdiff/claimdiff/claims/load"
	"github.com/claimdiff/claimdiff/claims/resolve"
	"github.com/claimdiff/claimdiff/internal/gen"
)

// claimsN sizes the generated ledger of the differential test: 100k in
// CI, 1M for the benchmark (go test -run TestPipelineGivesCLIAnswers -ledger-claims 1000000).
var claimsN = flag.Int("ledger-claims", 100_000, "claims in the generated ledger of TestPipelineGivesCLIAnswers")

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

const testDay = "2026-11-29"

// ledgerFiles writes a YAML ledger as a head and claim shards, as a
// pipeline's input is: the head is the YAML without its claims, and the
// claims are in n shards, JSON Lines and Parquet in turn.
func ledgerFiles(t testing.TB, dir string, yaml []byte, n int) (headPath string, shards []string) {
	t.Helper()
	l, err := load.Load([]load.File{{Name: "ledger.yaml", Data: yaml}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := refuse(l.Problems); err != nil {
		t.Fatal(err)
	}
	// The head is the YAML less its claims: section.
	var head []byte
	inClaims := false
	for _, line := range bytes.SplitAfter(yaml, []byte("\n")) {
		if len(line) > 0 && line[0] != ' ' && line[0] != '-' && line[0] != '#' && line[0] != '\n' {
			inClaims = bytes.HasPrefix(line, []byte("claims:"))
		}
		if !inClaims {
			head = append(head, line...)
		}
	}
	headPath = filepath.Join(dir, "head.yaml")
	if err := os.WriteFile(headPath, head, 0o644); err != nil {
		t.Fatal(err)
	}
	// Shards alternate between JSON Lines and Parquet, as feeds come.
	a := claims.Analyze(l, claims.Options{})
	per := (len(l.Claims) + n - 1) / n
	for i := 0; i*per < len(l.Claims); i++ {
		from, to := i*per, min((i+1)*per, len(l.Claims))
		var buf bytes.Buffer
		name := fmt.Sprintf("claims-%d.jsonl", i)
		if i%2 == 1 {
			name = fmt.Sprintf("claims-%d.parquet", i)
			idx := make([]int, 0, to-from)
			for j := from; j < to; j++ {
				idx = append(idx, j)
			}
			if err := parquetexport.Write(&buf, a, idx); err != nil {
				t.Fatal(err)
			}
		} else if err := bulk.WriteJSONL(&buf, l.Claims[from:to]); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, p)
	}
	return headPath, shards
}

// runPipeline runs the pipeline under prism and returns its counters.
func runPipeline(t testing.TB, c Config) map[string]int64 {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	Build(s, c)
	res, err := prism.Execute(context.Background(), p)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	counters := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		counters[c.Name()] += c.Result()
	}
	return counters
}

// cli runs the claimdiff CLI built from the module beside this one.
func cli(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "CLAIMDIFF_TODAY="+testDay, "NO_COLOR=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("claimdiff %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "claimdiff")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/claimdiff")
	cmd.Dir = filepath.Join("..", "..") // the CLI's own module, with its own go.sum
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the CLI: %v\n%s", err, out)
	}
	return bin
}

// canonical re-encodes JSON objects with sorted keys, so that two
// writers' records compare as sets.
func canonical(t *testing.T, objs []json.RawMessage) []string {
	t.Helper()
	out := make([]string, len(objs))
	for i, o := range objs {
		var v any
		if err := json.Unmarshal(o, &v); err != nil {
			t.Fatalf("%v: %s", err, o)
		}
		b, _ := json.Marshal(v)
		out[i] = string(b)
	}
	slices.Sort(out)
	return out
}

func linesOf(t *testing.T, glob string) []json.RawMessage {
	t.Helper()
	files, _ := filepath.Glob(glob)
	if len(files) == 0 {
		t.Fatalf("the pipeline wrote no %s", glob)
	}
	var out []json.RawMessage
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
			if len(l) > 0 {
				out = append(out, l)
			}
		}
	}
	return out
}

func sameSet(t *testing.T, what string, pipeline, cli []string) {
	t.Helper()
	if len(cli) == 0 {
		t.Fatalf("the CLI found no %s: nothing to compare", what)
	}
	if slices.Equal(pipeline, cli) {
		t.Logf("%s: %d, the same", what, len(cli))
		return
	}
	for _, x := range cli {
		if _, found := slices.BinarySearch(pipeline, x); !found {
			t.Errorf("%s: the CLI has, the pipeline not:\n%s", what, x)
			break
		}
	}
	for _, x := range pipeline {
		if _, found := slices.BinarySearch(cli, x); !found {
			t.Errorf("%s: the pipeline has, the CLI not:\n%s", what, x)
			break
		}
	}
	t.Fatalf("%s: pipeline %d, CLI %d", what, len(pipeline), len(cli))
}

// TestPipelineGivesCLIAnswers runs the pipeline under prism and the CLI
// on the same ledgers: the example, and a generated fusion ledger with
// copying sources. Disputes and likely values must be the same sets of
// records, and every source's accuracy equal to the CLI engine's within
// 1e-9.
func TestPipelineGivesCLIAnswers(t *testing.T) {
	bin := buildCLI(t)
	var fusion bytes.Buffer
	if err := gen.NewFusion(gen.FusionOptions{Claims: *claimsN, Seed: 20}).YAML(&fusion); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		yaml   []byte
		shards int
	}{
		{"example", example.YAML, 2},
		{"fusion", fusion.Bytes(), 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			ledger := filepath.Join(dir, "ledger.yaml")
			if err := os.WriteFile(ledger, tc.yaml, 0o644); err != nil {
				t.Fatal(err)
			}
			headPath, shards := ledgerFiles(t, dir, tc.yaml, tc.shards)
			out := filepath.Join(dir, "out")
			day, _ := time.Parse(time.DateOnly, testDay)
			runPipeline(t, Config{Head: headPath, Claims: shards, Out: out, Shards: 3, Today: day})

			var disputed struct{ Disputes []json.RawMessage }
			if err := json.Unmarshal(cli(t, bin, "disputed", "--format", "json", "-f", ledger), &disputed); err != nil {
				t.Fatal(err)
			}
			sameSet(t, "disputes", canonical(t, linesOf(t, filepath.Join(out, "disputes-*"))), canonical(t, disputed.Disputes))

			var values []json.RawMessage
			for _, l := range bytes.Split(bytes.TrimSpace(cli(t, bin, "resolve", "--format", "jsonl", "-f", ledger)), []byte("\n")) {
				values = append(values, l)
			}
			sameSet(t, "likely values", canonical(t, linesOf(t, filepath.Join(out, "values-*"))), canonical(t, values))

			var resolved struct{ Sources []json.RawMessage }
			if err := json.Unmarshal(cli(t, bin, "resolve", "--format", "json", "-f", ledger), &resolved); err != nil {
				t.Fatal(err)
			}
			sameSet(t, "sources", canonical(t, linesOf(t, filepath.Join(out, "sources-*"))), canonical(t, resolved.Sources))

			// Accuracies at full precision: the CLI prints them rounded,
			// so the engine the CLI runs is asked directly.
			stateJSON, err := os.ReadFile(filepath.Join(out, "state.json"))
			if err != nil {
				t.Fatal(err)
			}
			state, err := decodeState(stateJSON)
			if err != nil {
				t.Fatal(err)
			}
			l, err := load.Load([]load.File{{Name: ledger}}, load.Options{})
			if err != nil {
				t.Fatal(err)
			}
			r := resolve.Run(claims.Analyze(l, claims.Options{Today: day}), resolve.Options{})
			if state.Rounds != r.Iterations || state.Converged != r.Converged {
				t.Errorf("pipeline: %d rounds, converged %v; CLI: %d, %v", state.Rounds, state.Converged, r.Iterations, r.Converged)
			}
			worst := 0.0
			for _, src := range r.Sources {
				worst = max(worst, math.Abs(state.Accuracy[src.ID]-src.Accuracy))
			}
			if worst > 1e-9 {
				t.Errorf("accuracies differ by up to %g", worst)
			}
			t.Logf("%d sources, accuracies within %g, %d rounds", len(r.Sources), worst, r.Iterations)
		})
	}
}
