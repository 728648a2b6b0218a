package yamlnode

import (
	"fmt"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Decode is dec.Decode(n) with a panic inside the YAML parser turned into
// an error: a crafted file must never crash claimdiff. The error reads as
// yaml.v3's own do, so ErrorLine takes it apart the same way.
func Decode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		switch p := recover().(type) {
		case nil:
		case error:
			// A runtime error, say, stays one to errors.As.
			err = fmt.Errorf("yaml: the YAML parser failed on this file (%w)", p)
		default:
			err = fmt.Errorf("yaml: the YAML parser failed on this file (%v)", p)
		}
	}()
	return dec.Decode(n)
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// ErrorLine pulls the line (1 when it names none; yaml.v3 gives no
// column) out of a yaml.v3 error, and the message without it.
func ErrorLine(err error) (line int, msg string) {
	msg = err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	return max(line, 1), msg
}
