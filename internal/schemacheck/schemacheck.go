// Package schemacheck validates JSON documents against the JSON Schemas
// of the tools that read claimdiff's CI formats (SARIF's, reviewdog's,
// GitLab's), so that tests check output as its consumer will.
//
// It implements the subset of drafts 04 and 07 those schemas use: local
// $ref, type, properties, additionalProperties, required, items, enum,
// minItems, uniqueItems, minimum, maximum, pattern, anyOf, oneOf, and the
// formats uri and uri-reference. Any other keyword is an error, so that a
// schema using more cannot pass unchecked.
package schemacheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"strings"
)

// Schema is a parsed JSON Schema.
type Schema struct{ root map[string]any }

// Load reads a schema file.
func Load(path string) (*Schema, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var root map[string]any
	if err := decode(b, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Schema{root: root}, nil
}

// Validate checks one JSON document and returns every violation found.
func (s *Schema) Validate(doc []byte) []string {
	var v any
	if err := decode(doc, &v); err != nil {
		return []string{err.Error()}
	}
	var errs []string
	s.check(s.root, v, "$", &errs)
	return errs
}

func decode(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	return d.Decode(v)
}

// ignored are keywords that annotate and do not constrain.
var ignored = map[string]bool{"$schema": true, "id": true, "$id": true, "title": true,
	"description": true, "default": true, "definitions": true, "examples": true}

func (s *Schema) check(sch map[string]any, v any, at string, errs *[]string) {
	fail := func(format string, args ...any) {
		*errs = append(*errs, at+": "+fmt.Sprintf(format, args...))
	}
	if ref, ok := sch["$ref"].(string); ok {
		target, err := s.resolve(ref)
		if err != nil {
			fail("%v", err)
			return
		}
		s.check(target, v, at, errs)
	}
	obj, _ := v.(map[string]any)
	for k, kv := range sch {
		switch k {
		case "$ref":
		case "type":
			if !typeMatches(kv, v) {
				fail("is %s, want type %v", kind(v), kv)
			}
		case "properties":
			for name, ps := range kv.(map[string]any) {
				if pv, ok := obj[name]; ok {
					s.check(ps.(map[string]any), pv, at+"."+name, errs)
				}
			}
		case "additionalProperties":
			if obj == nil {
				continue
			}
			props, _ := sch["properties"].(map[string]any)
			for name, pv := range obj {
				if _, known := props[name]; known {
					continue
				}
				switch ap := kv.(type) {
				case bool:
					if !ap {
						fail("property %q is not allowed", name)
					}
				case map[string]any:
					s.check(ap, pv, at+"."+name, errs)
				}
			}
		case "required":
			if obj == nil {
				continue
			}
			for _, name := range kv.([]any) {
				if _, ok := obj[name.(string)]; !ok {
					fail("required property %q is missing", name)
				}
			}
		case "items":
			if arr, ok := v.([]any); ok {
				for i, item := range arr {
					s.check(kv.(map[string]any), item, fmt.Sprintf("%s[%d]", at, i), errs)
				}
			}
		case "minItems":
			if arr, ok := v.([]any); ok && float64(len(arr)) < num(kv) {
				fail("has %d items, want at least %v", len(arr), kv)
			}
		case "uniqueItems":
			if arr, ok := v.([]any); ok && kv == true {
				for i := range arr {
					for j := i + 1; j < len(arr); j++ {
						if reflect.DeepEqual(arr[i], arr[j]) {
							fail("items %d and %d are equal", i, j)
						}
					}
				}
			}
		case "minimum", "maximum":
			if n, ok := v.(json.Number); ok {
				f, _ := n.Float64()
				if k == "minimum" && f < num(kv) || k == "maximum" && f > num(kv) {
					fail("%v is beyond %s %v", n, k, kv)
				}
			}
		case "enum":
			if !contains(kv.([]any), v) {
				fail("%v is not one of %v", v, kv)
			}
		case "pattern":
			if str, ok := v.(string); ok && !regexp.MustCompile(kv.(string)).MatchString(str) {
				fail("%q does not match %s", str, kv)
			}
		case "format":
			if str, ok := v.(string); ok {
				if err := checkFormat(kv.(string), str); err != nil {
					fail("%v", err)
				}
			}
		case "anyOf", "oneOf":
			n := 0
			for _, alt := range kv.([]any) {
				var sub []string
				s.check(alt.(map[string]any), v, at, &sub)
				if len(sub) == 0 {
					n++
				}
			}
			if n == 0 || k == "oneOf" && n > 1 {
				fail("matches %d of the %s alternatives", n, k)
			}
		default:
			if !ignored[k] {
				fail("schemacheck does not know the keyword %q", k)
			}
		}
	}
}

func (s *Schema) resolve(ref string) (map[string]any, error) {
	if !strings.HasPrefix(ref, "#/") {
		return nil, fmt.Errorf("$ref %q is not local", ref)
	}
	var node any = s.root
	for _, part := range strings.Split(ref[2:], "/") {
		m, ok := node.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("$ref %q does not resolve", ref)
		}
		node = m[strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")]
	}
	m, ok := node.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("$ref %q does not resolve", ref)
	}
	return m, nil
}

func typeMatches(want any, v any) bool {
	if list, ok := want.([]any); ok {
		for _, t := range list {
			if typeMatches(t, v) {
				return true
			}
		}
		return false
	}
	got := kind(v)
	return got == want || want == "number" && got == "integer"
}

func kind(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if _, err := v.Int64(); err == nil {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	}
	return "object"
}

func num(v any) float64 {
	f, _ := v.(json.Number).Float64()
	return f
}

func contains(list []any, v any) bool {
	for _, x := range list {
		if reflect.DeepEqual(x, v) {
			return true
		}
	}
	return false
}

func checkFormat(format, s string) error {
	switch format {
	case "uri", "uri-reference":
		u, err := url.Parse(s)
		if err != nil {
			return err
		}
		if format == "uri" && u.Scheme == "" {
			return fmt.Errorf("%q is not an absolute URI", s)
		}
	}
	return nil
}

// walk lists keywords the schema uses that check does not know.
func (s *Schema) walk(n any, errs *[]string) {
	switch n := n.(type) {
	case map[string]any:
		for k, v := range n {
			if !known[k] && !ignored[k] {
				*errs = append(*errs, k)
			}
			switch k {
			case "properties", "definitions":
				for _, sub := range v.(map[string]any) {
					s.walk(sub, errs)
				}
			case "enum", "required", "default", "examples":
			default:
				s.walk(v, errs)
			}
		}
	case []any:
		for _, x := range n {
			s.walk(x, errs)
		}
	}
}

var known = map[string]bool{"$ref": true, "type": true, "properties": true, "additionalProperties": true,
	"required": true, "items": true, "minItems": true, "uniqueItems": true, "minimum": true, "maximum": true,
	"enum": true, "pattern": true, "format": true, "anyOf": true, "oneOf": true}
