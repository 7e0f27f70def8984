package com.example.bedrockstream.stacks;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.compute.LambdaEnvironment.AppInvoker;
import com.example.bedrockstream.compute.LambdaEnvironment;
import com.example.bedrockstream.compute.PrivateFunction;
import com.example.bedrockstream.compute.PrivateFunctionArgs;
import com.example.bedrockstream.config.StackNames;
import com.example.bedrockstream.domain.CallerSettings;
import com.example.bedrockstream.identity.ServiceRole;
import com.example.bedrockstream.identity.ServiceRoleArgs;
import com.example.bedrockstream.logging.EncryptedLogGroup;
import com.example.bedrockstream.network.HttpsTargets;
import com.example.bedrockstream.notebook.Notebook;
import com.example.bedrockstream.notebook.NotebookAccess;
import com.example.bedrockstream.notebook.NotebookAccessArgs;
import com.example.bedrockstream.notebook.NotebookArgs;
import com.example.bedrockstream.notebook.SampleNotebook;
import com.example.bedrockstream.policy.AppCallerPolicies;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The callers of the ML function in one application region: the Application Lambda and the sample notebook, with the
 * notebook's private way in for its users.
 */
record Callers(Optional<PrivateFunction> appFunction, Optional<Notebook> notebook,
               Optional<NotebookAccess> notebookAccess) {

    /** The callers a stack may have; the hub always has both, a spoke each when switched on. */
    enum Kind { APP_FUNCTION, NOTEBOOK }

    /**
     * @param reach     where the callers may send HTTPS: the endpoints that lead to the ML function, nothing else
     * @param artifacts built Lambda code, already checked by the composition before its first resource
     */
    static Callers create(Foundation foundation, CallerSettings settings, InvokeTarget target, HttpsTargets reach,
                          LambdaArtifacts artifacts, Set<Kind> kinds) {
        var scope = foundation.scope();
        String stack = scope.stack();
        var vpc = foundation.vpc();
        Optional<PrivateFunction> function = Optional.empty();
        if (kinds.contains(Kind.APP_FUNCTION)) {
            String functionName = StackNames.appFunction(stack);
            String roleName = StackNames.appFunctionRole(target.principalPrefix(), stack);
            var role = new ServiceRole(roleName, ServiceRoleArgs.trustedBy("lambda.amazonaws.com", roleName,
                    "Application Lambda: may only assume the ML invoker role"), null);
            role.grant("assume-invoker", Output.of(AppCallerPolicies.applicationFunction(target.invokerRoleArn(),
                    EncryptedLogGroup.arn(scope.region(), scope.accountId(),
                            PrivateFunctionArgs.logGroupName(functionName)))));
            function = Optional.of(new PrivateFunction(functionName, PrivateFunctionArgs.builder(scope, functionName)
                    .description("Streams completions from the ML function through the hub's endpoints")
                    .code(artifacts.appInvoker())
                    .role(role.arn(), role.grants())
                    .network(vpc.vpcId(), vpc.subnetIds(), reach)
                    .environment(LambdaEnvironment.of(AppInvoker.class, Map.of(
                            AppInvoker.ML_FUNCTION_ARN, Output.of(target.functionArn()),
                            AppInvoker.INVOKER_ROLE_ARN, Output.of(target.invokerRoleArn()),
                            AppInvoker.EXTERNAL_ID, target.externalId(),
                            AppInvoker.ML_REGION, Output.of(target.mlRegion()))))
                    .memoryMb(settings.appFunctionMemoryMb())
                    .timeoutSeconds(settings.appFunctionTimeoutSeconds())
                    .reservedConcurrency(settings.appFunctionReservedConcurrency())
                    .build(), null));
        }
        Optional<Notebook> notebook = Optional.empty();
        Optional<NotebookAccess> access = Optional.empty();
        if (kinds.contains(Kind.NOTEBOOK)) {
            String notebookName = StackNames.notebook(stack);
            var notebookReach = reach;
            if (settings.notebookAccess().privateAccess()) {
                access = Optional.of(new NotebookAccess(StackNames.notebookAccess(stack),
                        NotebookAccessArgs.builder(scope, notebookName)
                                .vpc(vpc.vpcId(), vpc.cidr(), vpc.subnetIds())
                                .userCidrs(settings.notebookAccess().userCidrs())
                                .userPolicyName(StackNames.notebookUserPolicy(stack))
                                .build(), null));
                // The instance writes its lifecycle logs through the Logs endpoint.
                notebookReach = reach.and("notebook-access", access.get().securityGroupId());
            }
            notebook = Optional.of(new Notebook(notebookName, NotebookArgs.builder(scope, notebookName)
                    .roleName(StackNames.notebookRole(target.principalPrefix(), stack))
                    .settings(settings.notebook())
                    .network(vpc.vpcId(), vpc.subnetIds().applyValue(ids -> ids.get(0)), notebookReach)
                    .invokerRoleArn(target.invokerRoleArn())
                    .sample(new SampleNotebook(target.mlRegion(), target.functionArn(), target.invokerRoleArn(),
                            target.sampleModelId()))
                    .startsAfter(access.<List<Resource>>map(List::of).orElse(List.of()))
                    .build(), null));
        }
        return new Callers(function, notebook, access);
    }

    /** The notebook users' policy, one or none, as the stack exports it. */
    Output<List<String>> notebookUserPolicyArns() {
        return listOf(notebookAccess.map(NotebookAccess::userPolicyArn));
    }

    Output<List<String>> notebookUserPolicyNames() {
        return listOf(notebookAccess.map(NotebookAccess::userPolicyName));
    }

    static Output<List<String>> listOf(Optional<Output<String>> value) {
        return value.map(v -> v.applyValue(List::of)).orElse(Output.of(List.of()));
    }
}
