package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

// fakeJava puts a `java` shell script first on PATH and returns its path. The script records its arguments and
// the PULUMI_* environment in dir/calls and dir/env, prints packagesOut for the `packages` command and exits
// with runExit for `-jar`.
func fakeJava(t *testing.T, packagesOut string, runExit int) (javaPath, dir string) {
	t.Helper()
	// Start from an environment without PULUMI_* variables, so the recorded ones are the host's alone.
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "PULUMI_") {
			t.Setenv(k, "") // restores the value after the test
			_ = os.Unsetenv(k)
		}
	}
	dir = t.TempDir()
	bin := filepath.Join(dir, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	script := `#!/bin/sh
echo "$PWD $*" >> "` + dir + `/calls"
env | grep '^PULUMI_' | sort > "` + dir + `/env"
case "$1" in
  -cp) printf '%s\n' '` + packagesOut + `' ;;
  -jar) echo "program output"; echo "program error" >&2; exit ` + strconv.Itoa(runExit) + ` ;;
esac
`
	javaPath = filepath.Join(bin, "java")
	if err := os.WriteFile(javaPath, []byte(script), 0o755); err != nil { //nolint:gosec // test executable
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return javaPath, dir
}

func info(t *testing.T, dir string, options map[string]any) *pulumirpc.ProgramInfo {
	t.Helper()
	opts, err := structpb.NewStruct(options)
	if err != nil {
		t.Fatal(err)
	}
	return &pulumirpc.ProgramInfo{RootDirectory: dir, ProgramDirectory: dir, EntryPoint: ".", Options: opts}
}

func TestGetRequiredPackages(t *testing.T) {
	_, dir := fakeJava(t,
		`[{"resource":true,"name":"aws","version":"6.83.0"},{"resource":false,"name":"x"},`+
			`{"resource":true,"name":"terraform-provider","version":"0.8.0","parameterization":`+
			`{"name":"tf","version":"1.0.0","value":"AQI="}}]`, 0)
	h := newHost("127.0.0.1:1", "")
	resp, err := h.GetRequiredPackages(context.Background(), &pulumirpc.GetRequiredPackagesRequest{
		Info: info(t, dir, map[string]any{"binary": "target/app.jar"}),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Packages) != 2 {
		t.Fatalf("want 2 resource packages, got %v", resp.Packages)
	}
	aws := resp.Packages[0]
	if aws.Kind != "resource" || aws.Name != "aws" || aws.Version != "6.83.0" || aws.Parameterization != nil {
		t.Errorf("unexpected aws package: %v", aws)
	}
	p := resp.Packages[1].Parameterization
	if p == nil || p.Name != "tf" || p.Version != "1.0.0" || string(p.Value) != "\x01\x02" {
		t.Errorf("unexpected parameterization: %v", p)
	}
	calls, _ := os.ReadFile(filepath.Join(dir, "calls"))
	if want := dir + " -cp target/app.jar com.pulumi.bootstrap.internal.Main packages\n"; string(calls) != want {
		t.Errorf("calls = %q, want %q", calls, want)
	}
}

func TestGetRequiredPackagesIsAdvisory(t *testing.T) {
	_, dir := fakeJava(t, "not json", 0)
	resp, err := newHost("", "").GetRequiredPackages(context.Background(), &pulumirpc.GetRequiredPackagesRequest{
		Info: info(t, dir, map[string]any{"binary": "app.jar"}),
	})
	if err != nil || len(resp.Packages) != 0 {
		t.Fatalf("want no packages and no error, got %v, %v", resp, err)
	}
}

func TestOptionErrors(t *testing.T) {
	_, dir := fakeJava(t, "[]", 0)
	h := newHost("", "")
	_, err := h.GetRequiredPackages(context.Background(), &pulumirpc.GetRequiredPackagesRequest{
		Info: info(t, dir, map[string]any{"binary": 3.0}),
	})
	if err == nil || err.Error() != "parsing options: binary option must be a string" {
		t.Errorf("unexpected error: %v", err)
	}
	_, err = h.Run(context.Background(), &pulumirpc.RunRequest{Info: info(t, dir, map[string]any{})})
	if err == nil || !strings.Contains(err.Error(), "only runs a prebuilt JAR") {
		t.Errorf("unexpected error: %v", err)
	}
}

func TestRun(t *testing.T) {
	_, dir := fakeJava(t, "[]", 0)
	h := newHost("127.0.0.1:4000", "")
	req := &pulumirpc.RunRequest{
		MonitorAddress: "127.0.0.1:5000",
		Project:        "proj",
		Stack:          "dev",
		Organization:   "organization",
		Pwd:            dir,
		Config:         map[string]string{"proj:b": "<2>", "proj:a": "1"},
		DryRun:         true,
		Parallel:       16,
		Info:           info(t, dir, map[string]any{"binary": "./target/../app.jar"}),
	}
	resp, err := h.Run(context.Background(), req)
	if err != nil || resp.Error != "" || resp.Bail {
		t.Fatalf("want success, got %v, %v", resp, err)
	}
	env, _ := os.ReadFile(filepath.Join(dir, "env"))
	want := strings.Join([]string{
		`PULUMI_CONFIG={"proj:a":"1","proj:b":"\u003c2\u003e"}`,
		`PULUMI_CONFIG_SECRET_KEYS=[]`,
		`PULUMI_DRY_RUN=true`,
		`PULUMI_ENGINE=127.0.0.1:4000`,
		`PULUMI_MONITOR=127.0.0.1:5000`,
		`PULUMI_ORGANIZATION=organization`,
		`PULUMI_PARALLEL=16`,
		`PULUMI_PROJECT=proj`,
		`PULUMI_PWD=` + dir,
		`PULUMI_ROOT_DIRECTORY=` + dir,
		`PULUMI_STACK=dev`,
	}, "\n") + "\n"
	if string(env) != want {
		t.Errorf("env =\n%s\nwant\n%s", env, want)
	}
	calls, _ := os.ReadFile(filepath.Join(dir, "calls"))
	if string(calls) != dir+" -jar app.jar\n" {
		t.Errorf("calls = %q", calls)
	}

	// A failing program: the error names the command and exit code, as the real host words it.
	java2, dir2 := fakeJava(t, "[]", 7)
	req.Info = info(t, dir2, map[string]any{"binary": "app.jar"})
	req.ConfigSecretKeys = []string{"proj:a"}
	req.DryRun = false
	resp, err = h.Run(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if want := "'" + java2 + " -jar app.jar' exited with non-zero exit code: 7"; resp.Error != want {
		t.Errorf("error = %q, want %q", resp.Error, want)
	}
	env, _ = os.ReadFile(filepath.Join(dir2, "env"))
	for _, line := range []string{`PULUMI_CONFIG_SECRET_KEYS=["proj:a"]`, `PULUMI_DRY_RUN=false`} {
		if !strings.Contains(string(env), line+"\n") {
			t.Errorf("env lacks %s:\n%s", line, env)
		}
	}
}

func TestInstallDependenciesAndPluginInfo(t *testing.T) {
	_, dir := fakeJava(t, "[]", 0)
	h := newHost("", "")
	if err := h.InstallDependencies(&pulumirpc.InstallDependenciesRequest{
		Info: info(t, dir, map[string]any{"binary": "app.jar"}),
	}, nil); err != nil {
		t.Fatal(err)
	}
	pi, err := h.GetPluginInfo(context.Background(), nil)
	if err != nil || pi.Version != "v1.36.1" {
		t.Fatalf("plugin info %v, %v", pi, err)
	}
}
