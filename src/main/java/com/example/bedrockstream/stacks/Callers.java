package com.example.bedrockstream.stacks;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.compute.LambdaEnvironment;
import com.example.bedrockstream.compute.LambdaEnvironment.AppInvoker;
import com.example.bedrockstream.compute.PrivateFunction;
import com.example.bedrockstream.compute.PrivateFunctionArgs;
import com.example.bedrockstream.config.CallerSettings;
import com.example.bedrockstream.config.CommonSettings;
import com.example.bedrockstream.config.StackNames;
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

/**
 * The callers of the ML function in one application region: the Application Lambda and the sample notebook, with the
 * notebook's private way in for its users.
 */
record Callers(Optional<PrivateFunction> appFunction, Optional<Notebook> notebook,
               Optional<NotebookAccess> notebookAccess) {

    /**
     * @param reach     where the callers may send HTTPS: the endpoints that lead to the ML function, nothing else
     * @param artifacts built Lambda code, already checked by the composition before its first resource
     */
    static Callers create(CommonSettings common, CallerSettings settings, InvokeTarget target, Foundation foundation,
                          HttpsTargets reach, LambdaArtifacts artifacts, boolean withFunction, boolean withNotebook) {
        String stack = common.stack();
        var vpc = foundation.vpc();
        Optional<PrivateFunction> function = Optional.empty();
        if (withFunction) {
            String functionName = StackNames.appFunction(stack);
            String roleName = StackNames.appFunctionRole(target.principalPrefix(), stack);
            var role = new ServiceRole(roleName, ServiceRoleArgs.trustedBy("lambda.amazonaws.com", roleName,
                    "Application Lambda: may only assume the ML invoker role"), null);
            role.grant("assume-invoker", Output.of(AppCallerPolicies.applicationFunction(target.invokerRoleArn(),
                    EncryptedLogGroup.arn(common.region(), common.accountId(),
                            PrivateFunctionArgs.logGroupName(functionName)))));
            function = Optional.of(new PrivateFunction(functionName, new PrivateFunctionArgs(
                    functionName,
                    "Streams completions from the ML function through the hub's endpoints",
                    artifacts.appInvoker(),
                    role.arn(),
                    role.grants(),
                    vpc.vpcId(),
                    vpc.subnetIds(),
                    reach,
                    LambdaEnvironment.of(AppInvoker.class, Map.of(
                            AppInvoker.ML_FUNCTION_ARN, Output.of(target.functionArn()),
                            AppInvoker.INVOKER_ROLE_ARN, Output.of(target.invokerRoleArn()),
                            AppInvoker.EXTERNAL_ID, target.externalId(),
                            AppInvoker.ML_REGION, Output.of(target.mlRegion()))),
                    settings.appFunctionMemoryMb(),
                    settings.appFunctionTimeoutSeconds(),
                    settings.appFunctionReservedConcurrency(),
                    common.logRetentionDays(),
                    foundation.logsKey().arn()), null));
        }
        Optional<Notebook> notebook = Optional.empty();
        Optional<NotebookAccess> access = Optional.empty();
        if (withNotebook) {
            String notebookName = StackNames.notebook(stack);
            var notebookReach = reach;
            if (settings.notebookAccess().privateAccess()) {
                access = Optional.of(new NotebookAccess(StackNames.notebookAccess(stack), new NotebookAccessArgs(
                        notebookName,
                        common.accountId(),
                        common.region(),
                        vpc.vpcId(),
                        vpc.cidr(),
                        vpc.subnetIds(),
                        settings.notebookAccess().userCidrs(),
                        StackNames.notebookUserPolicy(stack)), null));
                // The instance writes its lifecycle logs through the Logs endpoint.
                notebookReach = reach.and("notebook-access", access.get().securityGroupId());
            }
            notebook = Optional.of(new Notebook(notebookName, new NotebookArgs(
                    notebookName,
                    StackNames.notebookRole(target.principalPrefix(), stack),
                    settings.notebook(),
                    common.accountId(),
                    common.region(),
                    vpc.vpcId(),
                    vpc.subnetIds().applyValue(ids -> ids.get(0)),
                    notebookReach,
                    target.invokerRoleArn(),
                    new SampleNotebook(target.mlRegion(), target.functionArn(), target.invokerRoleArn(),
                            target.sampleModelId()),
                    AwsProviders.of(common).forNotebooks(),
                    access.<List<Resource>>map(List::of).orElse(List.of())), null));
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
