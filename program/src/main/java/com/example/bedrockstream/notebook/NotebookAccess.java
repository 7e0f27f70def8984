package com.example.bedrockstream.notebook;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.network.EndpointSecurityGroup;
import com.example.bedrockstream.network.EndpointSecurityGroupArgs;
import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.network.InterfaceEndpoint;
import com.example.bedrockstream.network.InterfaceEndpointArgs;
import com.example.bedrockstream.policy.NotebookAccessPolicies;
import com.example.bedrockstream.policy.PolicyDocument;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * A notebook's private way in, in its own VPC: interface endpoints for the SageMaker API (the presigned URL), the
 * notebook service (Jupyter in the browser) and CloudWatch Logs (the instance's lifecycle logs), each with private
 * DNS and a policy scoped to this notebook; one security group admitting 443 from the VPC and the corporate ranges;
 * and the managed policy that lets a user open the notebook through those endpoints and no other way.
 */
public final class NotebookAccess extends ComponentResource {
    private final EndpointSecurityGroup securityGroup;
    private final Policy userPolicy;

    public NotebookAccess(String name, NotebookAccessArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("notebook", NotebookAccess.class), name, options);
        var child = ComponentResourceOptions.builder().parent(this).build();
        String notebookArn = Notebook.arn(args.scope().region(), args.scope().accountId(),
                args.notebookName());

        this.securityGroup = new EndpointSecurityGroup(name, new EndpointSecurityGroupArgs(args.vpcId(),
                "the SageMaker API, notebook and Logs endpoints of notebook " + args.notebookName(), List.of()), child);
        securityGroup.admit("vpc", args.vpcCidr());
        for (int i = 0; i < args.userCidrs().size(); i++) {
            securityGroup.admit("corporate-" + i, args.userCidrs().get(i));
        }
        // These names are regional: private DNS answers them in this VPC only, for this region's notebook.
        var api = endpoint(name + "-sagemaker-api", args, EndpointService.SAGEMAKER_API,
                NotebookAccessPolicies.sagemakerApiEndpoint(args.scope().accountId(), notebookArn));
        var notebook = endpoint(name + "-sagemaker-notebook", args, EndpointService.SAGEMAKER_NOTEBOOK,
                NotebookAccessPolicies.notebookEndpoint(args.scope().accountId(), notebookArn));
        endpoint(name + "-logs", args, EndpointService.LOGS,
                NotebookAccessPolicies.logsEndpoint(args.scope().accountId(), args.scope().region(),
                        args.notebookName()));

        this.userPolicy = new Policy(name + "-users", PolicyArgs.builder()
                .name(args.userPolicyName())
                .description("Opens notebook " + args.notebookName() + " only through the VPC's SageMaker API and"
                        + " notebook endpoints")
                .policy(Output.tuple(api.endpointId(), notebook.endpointId()).applyValue(ids ->
                        NotebookAccessPolicies.notebookUsers(notebookArn, ids.t1, ids.t2).toJson()))
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("securityGroupId", securityGroup.id(), "userPolicyArn", userPolicy.arn()));
    }

    private InterfaceEndpoint endpoint(String name, NotebookAccessArgs args, EndpointService service,
                                       PolicyDocument policy) {
        return new InterfaceEndpoint(name, new InterfaceEndpointArgs(args.scope(), service, args.vpcId(),
                args.subnetIds(), securityGroup, Output.of(policy)),
                ComponentResourceOptions.builder().parent(this).build());
    }

    /** Where clients inside the VPC must be allowed to send HTTPS to reach these endpoints. */
    public Output<String> securityGroupId() {
        return securityGroup.id();
    }

    public Output<String> userPolicyArn() {
        return userPolicy.arn();
    }

    public Output<String> userPolicyName() {
        return userPolicy.name();
    }
}
