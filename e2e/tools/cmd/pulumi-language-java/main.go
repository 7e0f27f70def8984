// Command pulumi-language-java is a stand-in for the Pulumi Java language host.
//
// It mirrors the "jar executor" of pulumi-language-java from github.com/pulumi/pulumi-java v1.36.1: the only path
// this project uses, where Pulumi.yaml names a prebuilt JAR (runtime.options.binary) that the host runs with
// `java -jar`. The real host cannot be obtained here (the Go module proxy refuses github.com/pulumi/pulumi-java at
// every version and no release binaries are reachable), so this is a smaller, independent implementation of the
// same observable behaviour, written against the real host's source:
//
//   - launched by the CLI with the engine address as its only positional argument, it serves
//     pulumirpc.LanguageRuntimeServer on a loopback port and prints that port on stdout;
//   - GetRequiredPackages runs `java -cp <binary> com.pulumi.bootstrap.internal.Main packages` in the program
//     directory and turns the JSON array it prints into resource package dependencies (advisory: any failure
//     yields no packages); GetRequiredPlugins is left unimplemented, as in the real host, so the CLI uses
//     GetRequiredPackages;
//   - Run runs `java -jar <binary>` in the program directory with the PULUMI_* environment the Java SDK reads,
//     and reports a non-zero exit as the RunResponse error text (never as a bail);
//   - InstallDependencies has nothing to build for a JAR, GetProgramDependencies reports nothing, About reports
//     java/javac/maven/gradle, GetPluginInfo reports v1.36.1.
//
// Code generation (GenerateProject/Program/Package, Pack, Link) and the Maven, Gradle, JBang, sbt and Mill
// executors are not part of the stand-in; a program without a `.jar` binary is refused with an explanation.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// version is what GetPluginInfo reports: the pulumi-java release this host stands in for. Override with
// -ldflags "-X main.version=...".
var version = "v1.36.1"

func main() {
	var tracing string
	flag.StringVar(&tracing, "tracing", "", "Emit tracing to a Zipkin-compatible tracing endpoint")

	// Accepted and ignored, as by the real host since v1.19: the runtime options arrive with every request
	// (ProgramInfo.options) instead.
	flag.String("root", "", "[obsolete] Project root path to use")
	flag.String("binary", "", "[obsolete] JAR or a JBang entry-point file to execute")
	flag.String("use-executor", "", "[obsolete] Use the given program as the executor instead of looking for one on PATH")

	// The CLI forwards these with --logflow and the SDK's logging package reads them back from the flag set;
	// define them unless a linked-in package (glog) already did.
	if flag.Lookup("v") == nil {
		flag.Int("v", 0, "log verbosity (forwarded by `pulumi --logflow`)")
	}
	if flag.Lookup("logtostderr") == nil {
		flag.Bool("logtostderr", false, "log to stderr (forwarded by `pulumi --logflow`)")
	}

	flag.Parse()
	logging.InitLogging(false, 0, false)
	cmdutil.InitTracing("pulumi-language-java", "pulumi-language-java", tracing)

	var engineAddress string
	var cancel chan bool
	if args := flag.Args(); len(args) > 0 {
		engineAddress = args[0]
		var err error
		cancel, err = watchEngine(engineAddress)
		if err != nil {
			cmdutil.Exit(fmt.Errorf("could not start health check host RPC server: %w", err))
		}
	}

	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, newHost(engineAddress, tracing))
			return nil
		},
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not start language host RPC server: %w", err))
	}

	// The spawner reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)

	if err := <-handle.Done; err != nil {
		cmdutil.Exit(fmt.Errorf("language host RPC stopped serving: %w", err))
	}
}

// watchEngine returns a channel that is closed when the engine stops answering health checks or the host
// receives SIGINT, which stops the RPC server.
func watchEngine(engineAddress string) (chan bool, error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	done := make(chan bool)
	go func() {
		<-ctx.Done()
		stop()
		close(done)
	}()
	if err := rpcutil.Healthcheck(ctx, engineAddress, 5*time.Minute, stop); err != nil {
		return nil, err
	}
	return done, nil
}
