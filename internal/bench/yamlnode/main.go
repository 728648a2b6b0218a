// Command yamlnode is the yardstick of claimdiff's benchmark: it decodes a
// YAML file into a yaml.Node with plain go.yaml.in/yaml/v3, the least any
// YAML-reading Go program does, and prints how many nodes it holds.
//
//	go build -o yamlnode ./internal/bench/yamlnode && ./yamlnode ledger.yaml
package main

import (
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: yamlnode FILE")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "yamlnode:", err)
		os.Exit(2)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		fmt.Fprintln(os.Stderr, "yamlnode:", err)
		os.Exit(1)
	}
	fmt.Println(count(&doc), "nodes")
}

func count(n *yaml.Node) int {
	c := 1
	for _, k := range n.Content {
		c += count(k)
	}
	return c
}
