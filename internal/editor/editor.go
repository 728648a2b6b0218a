// Package editor finds the user's text editor and runs it on a file, as
// git does: $VISUAL, else $EDITOR, through the shell.
package editor

import (
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"strings"
)

// Command is the user's editor, read with getenv: $VISUAL, else
// $EDITOR, else vi (notepad on Windows).
func Command(getenv func(string) string) string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(getenv(v)); e != "" {
			return e
		}
	}
	if runtime.GOOS == "windows" {
		return "notepad"
	}
	return "vi"
}

// Run runs editor on path with the given streams and waits for it. The
// command goes through the shell, as git runs $EDITOR, so "code --wait"
// works.
func Run(in io.Reader, out, errOut io.Writer, editor, path string) error {
	var cmd *exec.Cmd
	if runtime.GOOS == "windows" {
		parts := strings.Fields(editor)
		cmd = exec.Command(parts[0], append(parts[1:], path)...)
	} else {
		cmd = exec.Command("sh", "-c", editor+` "$@"`, editor, path)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = in, out, errOut
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("the editor %q failed: %w", editor, err)
	}
	return nil
}
