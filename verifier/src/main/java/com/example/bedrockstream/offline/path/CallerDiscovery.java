package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every caller of the ML function: each Lambda function outside the ML stack, and each notebook anywhere. A function
 * is handed its external id in its environment; a notebook's user pastes the one the hub exports.
 */
final class CallerDiscovery {
    private CallerDiscovery() {
    }

    /** In deploy order, stack by stack: its functions, then its notebooks. */
    static List<Caller> find(Deployment deployment, Optional<String> mlStack) {
        Optional<String> exported = deployment.runs().stream()
                .map(run -> run.outputs().get(HubOutputs.INVOKE_EXTERNAL_ID.name()))
                .filter(String.class::isInstance).map(String.class::cast).findFirst();
        var callers = new ArrayList<Caller>();
        for (OfflineRun run : deployment.runs()) {
            if (mlStack.filter(run.stack()::equals).isEmpty()) {
                for (MockResource function : run.ofType(AwsTypes.FUNCTION)) {
                    callers.add(new Caller(run.stack(), "function", function.name(),
                            Deployment.text(function, "role").orElse(""),
                            Client.ofFunction(function),
                            Deployment.text(function, "environment.variables.EXTERNAL_ID")));
                }
            }
            for (MockResource notebook : run.ofType(AwsTypes.NOTEBOOK)) {
                callers.add(new Caller(run.stack(), "notebook", notebook.name(),
                        Deployment.text(notebook, "roleArn").orElse(""),
                        new Client(notebook.name(), Deployment.text(notebook, "subnetId").stream().toList(),
                                Deployment.texts(notebook, "securityGroups")),
                        exported));
            }
        }
        return callers;
    }
}
