package com.example.bedrockstream.verify;

import com.example.bedrockstream.domain.Role;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.preflight.AccountCheck;
import com.example.bedrockstream.preflight.AwsClients;
import com.example.bedrockstream.preflight.PlannedStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * After `pulumi up` of a stack: proves in the cloud, with the deploying credentials, what the offline preview can
 * only reason about. Each Application Lambda of an application stack streams an answer from every allowed model
 * through the region's whole private path, and one alarm's notification reaches its topic through the topic's key.
 * It changes nothing but the alarm's state, which it sets back to OK, and the deploy program never runs it (nothing
 * under stacks/ imports this package).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "After `pulumi up`: streams once per allowed model through each Application Lambda of the stack"
                + " and proves that an alarm's notification reaches its topic; prints pass or FAIL per hop.")
public final class Verify implements Callable<Integer> {
    @Parameters(index = "0", description = "the stack, as in Pulumi.<stack>.yaml")
    String stack;

    @Option(names = "--outputs", description = "the stack's outputs as `pulumi stack output --json` prints them, in a"
            + " file; - (the default) reads them from standard input")
    String outputs = "-";

    @Option(names = "--root", description = "the project directory (default: the current one)")
    Path root = Path.of("");

    @Option(names = "--alarm-wait", description = "seconds to wait for the notification in the alarm's history"
            + " (default: ${DEFAULT-VALUE})")
    int alarmWaitSeconds = 180;

    private final PrintStream out;
    private final InputStream in;
    private final AwsClients aws;

    Verify(PrintStream out, InputStream in, AwsClients aws) {
        this.out = out;
        this.in = in;
        this.aws = aws;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Verify(System.out, System.in, AwsClients.deploying())).execute(args));
    }

    @Override
    public Integer call() {
        var read = PlannedStack.read(root, stack, out);
        if (read.isEmpty()) {
            return 1;
        }
        PlannedStack planned = read.get();
        Role role = planned.config().common().role();
        out.printf("Verify of %s (%s, account %s, %s) after `pulumi up`, with the current credentials: %s.%n", stack,
                role.configValue(), planned.config().common().accountId(), planned.region(), role == Role.ML
                        ? "one alarm set to ALARM and back to OK (the application stacks' verify streams through this stack)"
                        : "one streamed answer per allowed model and Application Lambda, one alarm set to ALARM and back to OK");
        var hops = new ArrayList<Hop>();
        run(planned, hops);
        hops.forEach(h -> out.println(h.line()));
        var failed = hops.stream().filter(Hop::failed).map(Hop::hop).toList();
        out.printf("%d hop(s), %d failed%s%n", hops.size(), failed.size(),
                failed.isEmpty() ? ": " + stack + " works as deployed" : ": " + String.join("; ", failed));
        return failed.isEmpty() ? 0 : 1;
    }

    /** The hops in the order a failure makes the later ones meaningless: outputs, account, streams, alarm. */
    private void run(PlannedStack planned, List<Hop> hops) {
        DeployedOutputs deployed;
        String source = outputs.equals("-") ? "standard input" : outputs;
        String fix = "pass the outputs of this stack after its `up`: pulumi stack output --stack " + stack
                + " --json | ./mvnw -q -DskipTests compile exec:java@verify -Dexec.args=\"" + stack + "\"";
        try {
            deployed = DeployedOutputs.parse(read(), planned.config().common().role());
        } catch (IOException | IllegalArgumentException e) {
            hops.add(Hop.fail("outputs", source + ": " + e.getMessage(), fix));
            return;
        }
        if (!deployed.region().equals(planned.region())) {
            hops.add(Hop.fail("outputs", source + " are of a stack in " + deployed.region() + ", Pulumi." + stack
                    + ".yaml deploys to " + planned.region(), fix));
            return;
        }
        hops.add(Hop.pass("outputs", planned.config().common().role() == Role.ML ? "the ML stack in " + deployed.region()
                : deployed.functions().size() + " Application Lambda(s) " + deployed.functions() + ", "
                + deployed.models().size() + " allowed model(s), " + deployed.region()));

        var account = new AccountCheck().run(planned, aws).get(0);
        hops.add(account.passed() ? Hop.pass(account.check(), account.detail())
                : Hop.fail(account.check(), account.detail(), account.fix()));
        if (!account.passed()) {
            return;
        }

        if (planned.config().common().role() != Role.ML) {
            if (deployed.functions().isEmpty()) {
                hops.add(Hop.skip(ModelStreams.NAME.trim(), "this region runs no Application Lambda"
                        + " (appFunctionEnabled is false)"));
            } else {
                hops.addAll(ModelStreams.run(planned.region(), deployed, functionTimeout(planned), aws));
            }
        }
        hops.add(new AlarmNotification(aws, Duration.ofSeconds(alarmWaitSeconds)).run(planned));
    }

    /**
     * The longest the stack's functions may run, from the stack file's plan; Lambda's own longest (15 minutes) when
     * the file no longer plans the function the outputs name.
     */
    private static Duration functionTimeout(PlannedStack planned) {
        return Duration.ofSeconds(planned.ofType(AwsTypes.FUNCTION).stream()
                .mapToLong(f -> ((Number) f.input("timeout").orElseThrow()).longValue()).max().orElse(900));
    }

    private String read() throws IOException {
        return outputs.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(outputs));
    }
}
