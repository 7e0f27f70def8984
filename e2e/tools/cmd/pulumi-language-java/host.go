package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
)

// host implements pulumirpc.LanguageRuntimeServer for JAR programs. Methods it does not override answer
// Unimplemented, which the CLI tolerates where the real host does the same (GetRequiredPlugins, Cancel, Handshake).
type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	engineAddress string
	tracing       string
}

func newHost(engineAddress, tracing string) *host {
	return &host{engineAddress: engineAddress, tracing: tracing}
}

// program resolves the JAR program of a request, wording option errors as the real host does.
func program(info *pulumirpc.ProgramInfo, attachDebugger bool) (jarProgram, error) {
	p, err := jarFromInfo(info, attachDebugger)
	var optErr optionsError
	if errors.As(err, &optErr) {
		return p, fmt.Errorf("parsing options: %w", optErr.err)
	}
	return p, err
}

// GetRequiredPlugins is deprecated in favour of GetRequiredPackages; the real host answers Unimplemented too,
// which makes the CLI call GetRequiredPackages.
func (h *host) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return nil, status.Errorf(codes.Unimplemented, "method GetRequiredPlugins not implemented")
}

// GetRequiredPackages asks the Java SDK inside the JAR which Pulumi packages are on its classpath.
func (h *host) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	info := req.GetInfo()
	logging.V(5).Infof("GetRequiredPackages: programDirectory=%v", info.GetProgramDirectory())

	p, err := jarFromInfo(info, false)
	if err != nil {
		var optErr optionsError
		if errors.As(err, &optErr) {
			return nil, fmt.Errorf("parsing options: %w", optErr.err)
		}
		return nil, fmt.Errorf("language host could not determine Pulumi packages: %w", err)
	}

	pkgs := []*pulumirpc.PackageDependency{}
	for _, pj := range discoverPackages(ctx, p, info.GetProgramDirectory()) {
		if !pj.Resource {
			continue // no resource plugin behind this package
		}
		pkgs = append(pkgs, &pulumirpc.PackageDependency{
			Kind:             "resource",
			Name:             pj.Name,
			Version:          pj.Version,
			Server:           pj.Server,
			Parameterization: parameterization(pj.Parameterization),
			// The SDK (since 1.34) also reports extension parameterizations; pass them on as the engine expects.
			Extension: parameterization(pj.ExtensionParameterization),
		})
	}
	logging.V(5).Infof("GetRequiredPackages: packages=%v", pkgs)
	return &pulumirpc.GetRequiredPackagesResponse{Packages: pkgs}, nil
}

func parameterization(p *plugin.PulumiParameterizationJSON) *pulumirpc.PackageParameterization {
	if p == nil {
		return nil
	}
	return &pulumirpc.PackageParameterization{Name: p.Name, Version: p.Version, Value: p.Value}
}

// discoverPackages runs the SDK's classpath introspection. Like the real host it treats the result as advisory:
// a failed command or output that is not one JSON array yields no packages (logged at -v=3).
func discoverPackages(_ context.Context, p jarProgram, dir string) []plugin.PulumiPluginJSON {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(p.java, p.packagesArgs()...) //nolint:gosec // running the program's own JAR is the point
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	logging.V(5).Infof("Language host launching process: %s %s", p.java, strings.Join(p.packagesArgs(), " "))
	if err := runCommand(cmd); err != nil {
		logging.V(3).Infof("language host could not run plugin discovery command successfully, "+
			"returning empty plugins; cause: %s", err)
		logging.V(3).Infof("%s", stdout.String())
		logging.V(3).Infof("%s", stderr.String())
		return nil
	}
	var found []plugin.PulumiPluginJSON
	if err := json.Unmarshal(stdout.Bytes(), &found); err != nil {
		logging.V(3).Infof("language host could not unmarshall plugin package information, "+
			"returning empty plugins; cause: %s", err)
		return nil
	}
	return found
}

// Run runs the program. Its output is collected and shown only when it fails (the Java SDK reports through the
// engine, not through stdout); a non-zero exit becomes the response's error text, which the CLI prints as
// "an unhandled error occurred: '<java> -jar <binary>' exited with non-zero exit code: N".
func (h *host) Run(_ context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	logging.V(5).Infof("Run: program=%v", req.GetInfo().GetEntryPoint())

	p, err := program(req.GetInfo(), false)
	if err == nil && req.GetAttachDebugger() {
		_, err = program(req.GetInfo(), true)
	}
	if err != nil {
		return nil, err
	}
	config, err := configJSON(req.GetConfig())
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration: %w", err)
	}
	secretKeys, err := secretKeysJSON(req.GetConfigSecretKeys())
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration secret keys: %w", err)
	}

	var stdout, stderr bytes.Buffer
	cmd := exec.Command(p.java, p.runArgs()...) //nolint:gosec // running the program's own JAR is the point
	cmd.Dir = req.GetInfo().GetProgramDirectory()
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = h.programEnv(req, config, secretKeys)
	logging.V(5).Infof("Language host launching process: %s %s", p.java, strings.Join(p.runArgs(), " "))

	var errResult string
	if err := runCommand(cmd); err != nil {
		// Let the user see what the program printed: the CLI shows the host's own output.
		_, _ = os.Stdout.Write(stdout.Bytes())
		_, _ = os.Stderr.Write(stderr.Bytes())
		errResult = err.Error()
	}
	return &pulumirpc.RunResponse{Error: errResult}, nil
}

// programEnv is the host's environment plus the PULUMI_* variables the Java SDK reads (com.pulumi.deployment.
// internal.DeploymentImpl), each set only when non-empty: PULUMI_DRY_RUN and PULUMI_PARALLEL always are, and
// PULUMI_CONFIG_SECRET_KEYS is at least "[]". Later entries win over inherited ones.
func (h *host) programEnv(req *pulumirpc.RunRequest, config, secretKeys string) []string {
	env := os.Environ()
	set := func(name, value string) {
		if value != "" {
			env = append(env, "PULUMI_"+strings.ToUpper(name)+"="+value)
		}
	}
	set("monitor", req.GetMonitorAddress())
	set("engine", h.engineAddress)
	set("organization", req.GetOrganization())
	set("project", req.GetProject())
	// The Java SDK 1.36.1 reads PULUMI_ROOT_DIRECTORY (Deployment's project root, pulumi-java #2176).
	set("root_directory", req.GetInfo().GetRootDirectory())
	set("stack", req.GetStack())
	set("pwd", req.GetPwd())
	set("dry_run", fmt.Sprintf("%v", req.GetDryRun()))
	set("parallel", fmt.Sprint(req.GetParallel()))
	set("tracing", h.tracing)
	set("config", config)
	set("config_secret_keys", secretKeys)
	return env
}

// configJSON encodes the stack configuration as one JSON object of "<namespace>:<key>" to string value;
// an empty configuration leaves PULUMI_CONFIG unset.
func configJSON(config map[string]string) (string, error) {
	if config == nil {
		return "", nil
	}
	b, err := json.Marshal(config)
	return string(b), err
}

// secretKeysJSON encodes the names of the secret configuration keys as a JSON array, "[]" when there are none.
func secretKeysJSON(keys []string) (string, error) {
	if keys == nil {
		return "[]", nil
	}
	b, err := json.Marshal(keys)
	return string(b), err
}

// GetPluginInfo reports the pulumi-java release this host stands in for.
func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// InstallDependencies has nothing to do for a prebuilt JAR (the jar executor has no build step): it returns at
// once, after checking, as the real host does, that the program is a JAR and java is on PATH.
func (h *host) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, _ grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	if _, err := program(req.GetInfo(), false); err != nil {
		return err
	}
	logging.V(5).Infof("InstallDependencies(Directory=%s): skipping", req.GetInfo().GetProgramDirectory())
	return nil
}

// GetProgramDependencies reports nothing for a JAR program (only the real host's Maven executor lists any).
func (h *host) GetProgramDependencies(
	_ context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	if _, err := program(req.GetInfo(), false); err != nil {
		return nil, err
	}
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

// RuntimeOptionsPrompts has no questions to ask.
func (h *host) RuntimeOptionsPrompts(
	context.Context, *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

// RunPlugin: the jar executor cannot run plugins, in the real host either.
func (h *host) RunPlugin(
	req *pulumirpc.RunPluginRequest, _ grpc.ServerStreamingServer[pulumirpc.RunPluginResponse],
) error {
	p, err := program(req.GetInfo(), req.GetAttachDebugger())
	if err != nil {
		return err
	}
	return fmt.Errorf("executor %s does not currently support running plugins", p.java)
}

// About describes the Java toolchain on PATH: java is required; javac, mvn and gradle are reported when present.
func (h *host) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	java, javaOut, err := toolVersion(ctx, "java")
	if err != nil {
		return nil, err
	}
	metadata := map[string]string{"java": java}
	if _, out, err := toolVersion(ctx, "javac"); err == nil && out != "" {
		metadata["javac"] = strings.TrimPrefix(out, "javac ")
	}
	if _, out, err := toolVersion(ctx, "mvn"); err == nil && out != "" {
		metadata["maven"] = strings.Split(out, "\n")[0]
	}
	if _, out, err := toolVersion(ctx, "gradle"); err == nil {
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "Gradle") {
				metadata["gradle"] = strings.TrimPrefix(line, "Gradle ")
				break
			}
		}
	}
	return &pulumirpc.AboutResponse{
		Executable: java,
		Version:    strings.Split(javaOut, "\n")[0],
		Metadata:   metadata,
	}, nil
}

// toolVersion finds name on PATH and returns its path and the trimmed stdout of `name --version`.
func toolVersion(ctx context.Context, name string) (string, string, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return "", "", fmt.Errorf("could not find executable '%s': %w", name, err)
	}
	out, err := exec.CommandContext(ctx, path, "--version").Output()
	if err != nil {
		return "", "", fmt.Errorf("failed to execute '%s --version'", path)
	}
	return path, strings.TrimSpace(string(out)), nil
}
