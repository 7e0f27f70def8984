package main

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// jarProgram is a Pulumi program packaged as a JAR: what the real host's jar executor runs.
type jarProgram struct {
	java string // the java executable found on PATH
	jar  string // runtime.options.binary, cleaned; relative paths resolve against the program directory
}

// runArgs are the arguments that run the program: `java -jar <binary>`.
func (p jarProgram) runArgs() []string { return []string{"-jar", p.jar} }

// packagesArgs are the arguments that make the Java SDK print the Pulumi packages found on the JAR's classpath
// as a JSON array.
func (p jarProgram) packagesArgs() []string {
	return []string{"-cp", p.jar, "com.pulumi.bootstrap.internal.Main", "packages"}
}

// optionsError marks a malformed runtime option; callers report it as "parsing options: ...", as the real host does.
type optionsError struct{ err error }

func (e optionsError) Error() string { return e.err.Error() }
func (e optionsError) Unwrap() error { return e.err }

// jarFromInfo picks the executor for a program the way the real host does, restricted to the jar executor:
// runtime.options.binary must name a `.jar` (case-insensitive) and `java` must be on PATH.
func jarFromInfo(info *pulumirpc.ProgramInfo, attachDebugger bool) (jarProgram, error) {
	var binary string
	if info != nil {
		options := info.GetOptions().AsMap()
		if v, ok := options["binary"]; ok {
			s, ok := v.(string)
			if !ok {
				return jarProgram{}, optionsError{errors.New("binary option must be a string")}
			}
			binary = s
		}
		if v, ok := options["use-executor"]; ok {
			if _, ok := v.(string); !ok {
				return jarProgram{}, optionsError{errors.New("use-executor option must be a string")}
			}
			// Only the Maven and Gradle executors honour use-executor; the jar executor ignores it.
		}
	}

	if attachDebugger {
		// The real host debugs only through `mvnDebug` (the Maven executor), which a JAR program does not use.
		return jarProgram{}, errors.New("failed to configure executor.  For debugging only the maven executor " +
			"is supported, and mvnDebug must be installed")
	}

	if binary == "" || strings.ToLower(filepath.Ext(binary)) != ".jar" {
		return jarProgram{}, fmt.Errorf("failed to configure executor: this stand-in for pulumi-language-java "+
			"only runs a prebuilt JAR (runtime.options.binary ending in .jar), got binary %q", binary)
	}

	java, err := exec.LookPath("java")
	if err != nil {
		return jarProgram{}, err
	}
	return jarProgram{java: java, jar: filepath.Clean(binary)}, nil
}

// runCommand runs cmd and words its failure the way the real host does; the CLI shows this text after
// "an unhandled error occurred: ".
func runCommand(cmd *exec.Cmd) error {
	commandStr := strings.Join(cmd.Args, " ")
	err := cmd.Run()
	if err == nil {
		return nil
	}
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		if status, ok := exitErr.Sys().(syscall.WaitStatus); ok {
			return fmt.Errorf("'%v' exited with non-zero exit code: %d", commandStr, status.ExitStatus())
		}
		return fmt.Errorf("'%v' exited unexpectedly: %w", commandStr, exitErr)
	}
	return fmt.Errorf("Problem executing '%v': %w", commandStr, err) //nolint:staticcheck // the real host's wording
}
