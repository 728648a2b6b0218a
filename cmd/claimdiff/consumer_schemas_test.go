package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimdiff/claimdiff/internal/iostreams"
	"github.com/claimdiff/claimdiff/internal/schemacheck"
)

// Every CI format that lint, check and report write, of the example, of
// the stories corpus and of a hostile ledger, is accepted by the tool
// that reads it: SARIF by the OASIS schema and code scanning's rules,
// rdjsonl by reviewdog's, GitLab's report by its Code Quality schema,
// JUnit by Jenkins' and Ant's XSDs (with xmllint, where installed).
func TestConsumersAcceptEveryCIFormat(t *testing.T) {
	t.Parallel()
	schemas := filepath.Join("..", "..", "testdata", "schemas")
	load := func(name string) *schemacheck.Schema {
		s, err := schemacheck.Load(filepath.Join(schemas, name))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	sarifSchema, rdf, gitlab := load("sarif-schema-2.1.0.json"), load("rdf-Diagnostic.json"), load("gitlab-codeclimate.json")
	xmllint, _ := exec.LookPath("xmllint")

	// The hostile ledger sits in a repository of its own, as a ledger that
	// code scanning reads does.
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	hostile := filepath.Join(repo, "news", "claims.yaml")
	if err := os.Mkdir(filepath.Dir(hostile), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, hostile, hostileLedger)
	ledgers := []string{filepath.Join("..", "..", "claims", "example", "claims.yaml"), hostile}
	stories, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "stories", "*", "claims.yaml"))
	if len(stories) == 0 {
		t.Fatal("no stories")
	}
	// Every story under CLAIMDIFF_FULL_TESTS; by default every fourth,
	// which still spans the corpus's shapes (400 command runs become 140).
	for i, story := range stories {
		if i%4 == 0 || fullTests() {
			ledgers = append(ledgers, story)
		}
	}

	// The JUnit files are validated together, by one xmllint per XSD after
	// the loop: loading the schema dominates each call, and xmllint names
	// every file that fails.
	xmlDir := t.TempDir()
	xmlFiles := map[string][]string{}

	commands := [][]string{
		{"lint"}, {"lint", "--strict"}, {"report"},
		{"check", "--claim", "plan.army-cap=600,000", "--claim", "t.num=600000", "--disputes", "new", "--quotes"},
	}
	for _, ledger := range ledgers {
		for _, cmd := range commands {
			for _, format := range []string{"sarif", "rdjsonl", "gitlab", "junit", "junit-ant"} {
				name := filepath.Base(filepath.Dir(ledger)) + "/" + strings.Join(cmd[:1], "") + "/" + format
				if len(cmd) > 1 && cmd[1] == "--strict" {
					name += "-strict"
				}
				t.Run(name, func(t *testing.T) {
					args := append(append([]string{}, cmd...), "-f", ledger, "--format", format)
					ios, _, out, errOut := iostreams.Test()
					if code := runWith(ios, args); code == 2 {
						t.Fatalf("exit 2: %s", errOut.String())
					}
					b := out.Bytes()
					switch format {
					case "sarif":
						expectValid(t, sarifSchema, b)
						var log struct {
							Runs []struct {
								Results []struct {
									Locations []struct {
										PhysicalLocation struct {
											ArtifactLocation struct{ URI string }
										}
									}
								}
							}
						}
						if err := json.Unmarshal(b, &log); err != nil {
							t.Fatal(err)
						}
						for i, r := range log.Runs[0].Results {
							if len(r.Locations) == 0 {
								t.Errorf("result %d has no location; code scanning refuses the file", i)
								continue
							}
							uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI
							if strings.HasPrefix(uri, "file:") || strings.HasPrefix(uri, "/") || slices.Contains(strings.Split(uri, "/"), "..") {
								t.Errorf("result %d: uri %q is not relative to the repository", i, uri)
							}
						}
					case "rdjsonl":
						for _, line := range bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n")) {
							if len(line) > 0 {
								expectValid(t, rdf, line)
							}
						}
					case "gitlab":
						var issues []json.RawMessage
						if err := json.Unmarshal(b, &issues); err != nil {
							t.Fatalf("not a JSON array: %v", err)
						}
						for _, is := range issues {
							expectValid(t, gitlab, is)
						}
					default:
						if xmllint == "" {
							t.Skip("xmllint not installed; internal/junit checks the XSDs' structure")
						}
						xsd := "jenkins-junit-10.xsd"
						if format == "junit-ant" {
							xsd = "ant-JUnit.xsd"
						}
						f := filepath.Join(xmlDir, strings.ReplaceAll(name, "/", "_")+".xml")
						if err := os.WriteFile(f, b, 0o644); err != nil {
							t.Fatal(err)
						}
						xmlFiles[xsd] = append(xmlFiles[xsd], f)
					}
				})
			}
		}
	}
	for xsd, files := range xmlFiles {
		args := append([]string{"--noout", "--schema", filepath.Join(schemas, xsd)}, files...)
		if msg, err := exec.Command(xmllint, args...).CombinedOutput(); err != nil {
			t.Errorf("xmllint --schema %s: %v\n%s", xsd, err, msg)
		}
	}
	if xmllint != "" && len(xmlFiles) != 2 {
		t.Errorf("JUnit files for %d XSDs, want 2", len(xmlFiles))
	}
}

func expectValid(t *testing.T, s *schemacheck.Schema, doc []byte) {
	t.Helper()
	if errs := s.Validate(doc); len(errs) > 0 {
		if len(errs) > 5 {
			errs = errs[:5]
		}
		t.Errorf("fails its consumer's schema:\n%s", strings.Join(errs, "\n"))
	}
}
