package editor

import (
	"runtime"
	"testing"
)

func TestCommandPrefersVisualThenEditor(t *testing.T) {
	fallback := "vi"
	if runtime.GOOS == "windows" {
		fallback = "notepad"
	}
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"VISUAL": "code --wait", "EDITOR": "nano"}, "code --wait"},
		{map[string]string{"VISUAL": "  ", "EDITOR": " nano "}, "nano"},
		{map[string]string{}, fallback},
	}
	for _, tt := range tests {
		if got := Command(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("Command(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}
