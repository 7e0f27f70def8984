package com.example.bedrockstream.compute;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.logging.EncryptedLogGroup;
import com.example.bedrockstream.network.ClientSecurityGroup;
import com.example.bedrockstream.network.ClientSecurityGroupArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionVpcConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Lambda function (arm64) in private subnets whose security group may only send HTTPS to named endpoint
 * security groups, logging to its own encrypted log group created before it.
 */
public final class PrivateFunction extends ComponentResource {
    private final Function function;
    private final ClientSecurityGroup securityGroup;

    public PrivateFunction(String name, PrivateFunctionArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("compute", PrivateFunction.class), name, options);
        this.securityGroup = new ClientSecurityGroup(name + "-function", new ClientSecurityGroupArgs(args.vpcId(),
                "Function " + args.functionName(), args.httpsTargets()),
                ComponentResourceOptions.builder().parent(this).build());

        var logGroup = EncryptedLogGroup.create(name, PrivateFunctionArgs.logGroupName(args.functionName()),
                args.scope().logs().retentionDays(), args.scope().logs().keyArn(), this);

        var dependencies = new ArrayList<Resource>(args.roleGrants());
        dependencies.add(logGroup);
        var function = FunctionArgs.builder()
                .name(args.functionName())
                .description(args.description())
                .runtime(args.code().runtime())
                .handler(args.code().handler())
                .code(args.code().archive())
                .architectures("arm64")
                .role(args.roleArn())
                .memorySize(args.memoryMb())
                .timeout(args.timeoutSeconds())
                .environment(FunctionEnvironmentArgs.builder()
                        .variables(Output.all(args.environment().entrySet().stream()
                                        .map(e -> e.getValue().applyValue(v -> Map.entry(e.getKey(), v)))
                                        .toList())
                                .applyValue(entries -> Map.ofEntries(entries.toArray(Map.Entry[]::new))))
                        .build())
                .vpcConfig(FunctionVpcConfigArgs.builder()
                        .subnetIds(args.subnetIds())
                        .securityGroupIds(securityGroup.id().applyValue(List::of))
                        .build())
                .loggingConfig(FunctionLoggingConfigArgs.builder()
                        .logFormat("Text")
                        .logGroup(logGroup.name())
                        .build());
        args.reservedConcurrency().ifPresent(function::reservedConcurrentExecutions);
        this.function = new Function(name, function.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(dependencies).build());
        registerOutputs(Map.of("arn", this.function.arn(), "securityGroupId", securityGroup.id()));
    }

    public Output<String> arn() {
        return function.arn();
    }

    public Output<String> functionName() {
        return function.name();
    }

    public Output<String> securityGroupId() {
        return securityGroup.id();
    }
}
