package com.example.bedrockstream.audit;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.logging.EncryptedLogGroup;
import com.example.bedrockstream.policy.ResolverQueryLogPolicies;
import com.pulumi.aws.cloudwatch.LogResourcePolicy;
import com.pulumi.aws.cloudwatch.LogResourcePolicyArgs;
import com.pulumi.aws.route53.ResolverQueryLogConfig;
import com.pulumi.aws.route53.ResolverQueryLogConfigArgs;
import com.pulumi.aws.route53.ResolverQueryLogConfigAssociation;
import com.pulumi.aws.route53.ResolverQueryLogConfigAssociationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * Route 53 Resolver query logging of one VPC: every name its resources resolve and the answer they got, to an
 * encrypted log group with a finite retention. Resolver logs only queries it does not answer from its cache.
 */
public final class ResolverQueryLogging extends ComponentResource {
    private final String logGroupName;

    public ResolverQueryLogging(String name, ResolverQueryLoggingArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("audit", ResolverQueryLogging.class), name, options);
        this.logGroupName = args.logGroupName();
        var logGroup = EncryptedLogGroup.create(name, args.logGroupName(), args.scope().logs().retentionDays(),
                args.scope().logs().keyArn(), this);
        // Written before the configuration exists, so AWS has no reason to add a broader policy of its own.
        var delivery = new LogResourcePolicy(name, LogResourcePolicyArgs.builder()
                .policyName(name)
                .policyDocument(logGroup.arn().applyValue(arn ->
                        ResolverQueryLogPolicies.delivery(args.scope().accountId(), args.scope().region(), arn).toJson()))
                .build(), CustomResourceOptions.builder().parent(this).build());
        var config = new ResolverQueryLogConfig(name, ResolverQueryLogConfigArgs.builder()
                .name(args.configName())
                .destinationArn(logGroup.arn())
                .tags(Map.of("Name", args.configName()))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(delivery).build());
        new ResolverQueryLogConfigAssociation(name, ResolverQueryLogConfigAssociationArgs.builder()
                .resolverQueryLogConfigId(config.id())
                .resourceId(args.vpcId())
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("logGroupName", Output.of(logGroupName)));
    }

    public String logGroupName() {
        return logGroupName;
    }
}
