package com.example.bedrockstream.audit;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.identity.ServiceRole;
import com.example.bedrockstream.identity.ServiceRoleArgs;
import com.example.bedrockstream.logging.EncryptedLogGroup;
import com.example.bedrockstream.policy.ModelInvocationLogPolicies;
import com.pulumi.aws.bedrockmodel.InvocationLoggingConfiguration;
import com.pulumi.aws.bedrockmodel.InvocationLoggingConfigurationArgs;
import com.pulumi.aws.bedrockmodel.inputs.InvocationLoggingConfigurationLoggingConfigArgs;
import com.pulumi.aws.bedrockmodel.inputs.InvocationLoggingConfigurationLoggingConfigCloudwatchConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * Bedrock model-invocation logging of the account and region: every request and answer body, with the caller and
 * token counts, to an encrypted log group. Bedrock keeps one such setting per account and region, so this replaces
 * any other; without an S3 destination, bodies over 100 KB and binary data are not logged.
 */
public final class ModelInvocationLogging extends ComponentResource {
    private final String logGroupName;

    public ModelInvocationLogging(String name, ModelInvocationLoggingArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("audit", ModelInvocationLogging.class), name, options);
        this.logGroupName = args.logGroupName();
        var logGroup = EncryptedLogGroup.create(name, args.logGroupName(), args.retentionDays(), args.scope().logs().keyArn(),
                this);
        var role = new ServiceRole(args.roleName(), new ServiceRoleArgs(args.roleName(),
                ModelInvocationLogPolicies.trust(args.scope().accountId(), args.scope().region()),
                "Writes Bedrock model-invocation logs to " + args.logGroupName()),
                ComponentResourceOptions.builder().parent(this).build());
        role.grant("write-invocation-logs", logGroup.arn().applyValue(ModelInvocationLogPolicies::deliverTo));
        // Text only: this project sends and receives no images, embeddings or video.
        new InvocationLoggingConfiguration(name, InvocationLoggingConfigurationArgs.builder()
                .loggingConfig(InvocationLoggingConfigurationLoggingConfigArgs.builder()
                        .cloudwatchConfig(InvocationLoggingConfigurationLoggingConfigCloudwatchConfigArgs.builder()
                                .logGroupName(logGroup.name())
                                .roleArn(role.arn())
                                .build())
                        .textDataDeliveryEnabled(true)
                        .imageDataDeliveryEnabled(false)
                        .embeddingDataDeliveryEnabled(false)
                        .videoDataDeliveryEnabled(false)
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(role.grants()).build());
        registerOutputs(Map.of("logGroupName", Output.of(logGroupName)));
    }

    public String logGroupName() {
        return logGroupName;
    }
}
