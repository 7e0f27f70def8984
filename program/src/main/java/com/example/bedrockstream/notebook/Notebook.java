package com.example.bedrockstream.notebook;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.encryption.CustomerManagedKey;
import com.example.bedrockstream.identity.ServiceRole;
import com.example.bedrockstream.identity.ServiceRoleArgs;
import com.example.bedrockstream.network.ClientSecurityGroup;
import com.example.bedrockstream.network.ClientSecurityGroupArgs;
import com.example.bedrockstream.policy.AppCallerPolicies;
import com.example.bedrockstream.policy.NotebookKeyPolicy;
import com.pulumi.aws.sagemaker.NotebookInstance;
import com.pulumi.aws.sagemaker.NotebookInstanceArgs;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfiguration;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfigurationArgs;
import com.pulumi.aws.sagemaker.inputs.NotebookInstanceInstanceMetadataServiceConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A SageMaker notebook in a private subnet: no direct internet access, no root access, an encrypted volume, IMDSv2
 * only, HTTPS to the hub endpoints only, and a role that may do nothing but assume the invoker role.
 */
public final class Notebook extends ComponentResource {
    /**
     * The pinned SDK's provider plugin (6.83, Terraform provider 5.x) refuses notebook-al2023-v1; pulumi-aws 7.11.0
     * is the first to accept it. Only the notebook is registered through this newer plugin, by a provider that
     * {@code stacks.AwsProviders} builds with the stack's provider settings.
     */
    public static final String PROVIDER_PLUGIN_VERSION = "7.12.0";

    private final NotebookInstance instance;

    public Notebook(String name, NotebookArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("notebook", Notebook.class), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = Map.of("Name", args.notebookName());

        var key = CustomerManagedKey.create(name + "-volume", "Encrypts the volume of notebook " + args.notebookName(),
                NotebookKeyPolicy.of(args.scope().accountId(), args.scope().region()), Optional.empty(), this);
        var securityGroup = new ClientSecurityGroup(name, new ClientSecurityGroupArgs(args.vpcId(),
                "Notebook " + args.notebookName(), args.httpsTargets()),
                ComponentResourceOptions.builder().parent(this).build());
        var role = new ServiceRole(args.roleName(), ServiceRoleArgs.trustedBy("sagemaker.amazonaws.com",
                args.roleName(), "Notebook " + args.notebookName() + ": may only assume the ML invoker role"),
                ComponentResourceOptions.builder().parent(this).build());
        role.grant("assume-invoker", Output.of(AppCallerPolicies.notebook(args.invokerRoleArn(),
                args.scope().accountId(), args.scope().region())));

        var lifecycle = new NotebookInstanceLifecycleConfiguration(name, NotebookInstanceLifecycleConfigurationArgs.builder()
                .name(args.notebookName() + "-sample")
                .onCreate(args.sample().onCreateBase64())
                .build(), child);

        this.instance = new NotebookInstance(name, NotebookInstanceArgs.builder()
                .name(args.notebookName())
                .instanceType(args.settings().instanceType())
                .platformIdentifier(args.settings().platform())
                .roleArn(role.arn())
                .subnetId(args.subnetId())
                .securityGroups(securityGroup.id().applyValue(List::of))
                .directInternetAccess("Disabled")
                .rootAccess("Disabled")
                .kmsKeyId(key.arn())
                .volumeSize(args.settings().volumeGb())
                .lifecycleConfigName(lifecycle.name())
                .instanceMetadataServiceConfiguration(NotebookInstanceInstanceMetadataServiceConfigurationArgs.builder()
                        .minimumInstanceMetadataServiceVersion("2")
                        .build())
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).provider(args.scope().providers().forNotebooks())
                .dependsOn(Stream.concat(role.grants().stream(), args.startsAfter().stream()).toList()).build());
        registerOutputs(Map.of("name", instance.name()));
    }

    public Output<String> notebookName() {
        return instance.name();
    }

    /**
     * The instance's ARN, known before it exists, so the policies of the endpoints it starts behind can name it.
     * SageMaker writes the name in lower case there (DescribeNotebookInstance returns
     * notebook-instance/mynotebookinstance for myNotebookInstance).
     */
    public static String arn(String region, String accountId, String notebookName) {
        return "arn:aws:sagemaker:" + region + ":" + accountId + ":notebook-instance/"
                + notebookName.toLowerCase(Locale.ROOT);
    }
}
