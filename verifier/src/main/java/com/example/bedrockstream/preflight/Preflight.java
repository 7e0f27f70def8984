package com.example.bedrockstream.preflight;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Before `pulumi up` of a stack: asks the account, with the deploying credentials, whether the stack file can
 * deploy there, and says for each check what to do when it cannot. It only reads, and the deploy program never
 * runs it (nothing under stacks/ imports this package).
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = "Checks an AWS account against a stack file before the first `pulumi up`; changes nothing.")
public final class Preflight implements Callable<Integer> {
    /** In the order a user fixes them: the wrong account makes every other answer meaningless. */
    static final List<PreflightCheck> CHECKS = List.of(new AccountCheck(), new ConcurrencyCheck(), new ModelsCheck(),
            new ServiceLinkedRolesCheck(), new EndpointZonesCheck(), new QuotasCheck());

    @Parameters(index = "0", description = "the stack, as in Pulumi.<stack>.yaml")
    String stack;

    @Option(names = "--root", description = "the project directory (default: the current one)")
    Path root = Path.of("");

    private final PrintStream out;
    private final AwsClients aws;

    Preflight(PrintStream out, AwsClients aws) {
        this.out = out;
        this.aws = aws;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Preflight(System.out, AwsClients.deploying())).execute(args));
    }

    @Override
    public Integer call() {
        var read = PlannedStack.read(root, stack, out);
        if (read.isEmpty()) {
            return 1;
        }
        PlannedStack planned = read.get();
        out.printf("Preflight of %s (%s, account %s, %s): read-only calls with the current credentials.%n", stack,
                planned.config().common().role().configValue(), planned.config().common().accountId(), planned.region());
        var results = new ArrayList<CheckResult>();
        for (var check : CHECKS) {
            results.addAll(check.run(planned, aws));
        }
        results.forEach(r -> out.println(r.line()));
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.printf("%d check(s), %d failed%s%n", results.size(), failed,
                failed == 0 ? ": ready for pulumi up --stack " + stack : ": fix them before pulumi up");
        return failed == 0 ? 0 : 1;
    }
}
