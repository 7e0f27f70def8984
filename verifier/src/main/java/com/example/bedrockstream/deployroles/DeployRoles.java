package com.example.bedrockstream.deployroles;

import com.example.bedrockstream.domain.Role;
import com.example.bedrockstream.offline.DeployOrder;
import com.example.bedrockstream.offline.OfflineEngine;
import com.example.bedrockstream.offline.OfflinePreview;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.StackFiles;
import com.example.bedrockstream.policy.PolicyDocument;
import com.example.bedrockstream.verify.VerifyPermissions;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the deploy roles' policies, one per account role, generated from every committed stack's offline plan:
 * {@code docs/deploy-roles/ml-deployer.json} and {@code app-deployer.json}. DeployRolesTest fails when they are stale.
 * Run: {@code ./mvnw -q -DskipTests compile exec:java@deploy-roles}.
 */
public final class DeployRoles {
    public static final Path DIRECTORY = Path.of("docs", "deploy-roles");

    private DeployRoles() {
    }

    public static void main(String[] args) {
        var root = Path.of("").toAbsolutePath();
        documents(new StackFiles(root)).forEach((file, text) -> {
            try {
                Files.createDirectories(root.resolve(DIRECTORY));
                Files.writeString(root.resolve(DIRECTORY).resolve(file), text);
                System.out.println("wrote " + DIRECTORY.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** File name to its text: the ML account's deployer and the application account's. */
    public static Map<String, String> documents(StackFiles files) {
        var ml = new ArrayList<OfflineRun>();
        var app = new ArrayList<OfflineRun>();
        String mlAccount = null;
        String appAccount = null;
        for (var run : plans(files)) {
            var config = files.config(run.stack());
            String account = config.get(files.project() + ":accountId");
            if (Role.ML.configValue().equals(config.get(files.project() + ":role"))) {
                ml.add(run);
                mlAccount = account;
            } else {
                app.add(run);
                appAccount = account;
            }
        }
        var out = new LinkedHashMap<String, String>();
        out.put("ml-deployer.json", pretty(withVerify(DeployerPolicy.of(mlAccount, ml), mlAccount, ml).toJson()));
        out.put("app-deployer.json", pretty(withVerify(DeployerPolicy.of(appAccount, app), appAccount, app).toJson()));
        return out;
    }

    /** The workflows' verify jobs run with the deploy role after `up` (verify/). */
    private static PolicyDocument withVerify(PolicyDocument deployer, String accountId, List<OfflineRun> runs) {
        var statements = new ArrayList<>(deployer.statements());
        statements.addAll(VerifyPermissions.of(accountId, runs));
        return new PolicyDocument(statements);
    }

    /** Every stack file's plan, in deploy order, as the offline preview makes them. */
    public static List<OfflineRun> plans(StackFiles files) {
        var engine = new OfflineEngine(files);
        var runs = new ArrayList<OfflineRun>();
        for (String stack : DeployOrder.of(files)) {
            boolean ml = Role.ML.configValue().equals(files.config(stack).get(files.project() + ":role"));
            var run = engine.run(stack, ml ? Map.of(files.project() + ":externalId",
                    OfflinePreview.PLACEHOLDER_EXTERNAL_ID) : Map.of());
            if (!run.succeeded()) {
                throw new IllegalStateException("stack " + stack + " does not plan offline:\n" + run.errorText());
            }
            engine.publish(run);
            runs.add(run);
        }
        return runs;
    }

    private static String pretty(String json) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(JsonParser.parseString(json)) + "\n";
    }
}
