package com.example.bedrockstream.stacks;

import com.example.bedrockstream.compute.PrivateFunction;
import com.example.bedrockstream.config.HubSettings;
import com.example.bedrockstream.config.MlSettings;
import com.example.bedrockstream.config.SpokeSettings;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.NotebookAccessOutputs;
import com.example.bedrockstream.contract.SpokeOutputs;
import com.example.bedrockstream.contract.StackExports;
import com.example.bedrockstream.domain.ModelId;
import com.example.bedrockstream.identity.CrossAccountInvokerRole;
import com.example.bedrockstream.network.SpokeLink;
import com.example.bedrockstream.network.TransitHub;
import com.example.bedrockstream.notebook.Notebook;
import com.pulumi.Context;

import java.util.List;

/** What each role's stack tells later stacks and its users, in the terms of its contract (contract/*Outputs). */
final class Exports {
    private Exports() {
    }

    static void ml(Context ctx, Foundation foundation, MlSettings ml, StreamingFunction streaming,
                   CrossAccountInvokerRole invoker, Audit audit) {
        var scope = foundation.scope();
        new StackExports(MlOutputs.ALL)
                .put(MlOutputs.FUNCTION_NAME, streaming.function().functionName())
                .put(MlOutputs.FUNCTION_ARN, streaming.function().arn())
                .put(MlOutputs.INVOKER_ROLE_ARN, invoker.arn())
                .put(MlOutputs.EXTERNAL_ID, ml.externalId().output())
                .put(MlOutputs.INVOKER_PRINCIPAL_PREFIX, ml.invokerPrincipalPrefix())
                .put(MlOutputs.REGION, scope.region())
                .put(MlOutputs.ACCOUNT_ID, scope.accountId())
                .put(MlOutputs.APP_ACCOUNT_ID, ml.appAccountId())
                .put(MlOutputs.BEDROCK_ENDPOINT_ID, streaming.bedrock().endpointId())
                .put(MlOutputs.VPC_CIDR, foundation.vpc().cidr())
                .put(MlOutputs.ALLOWED_MODEL_IDS, ml.allowedModels().stream().map(ModelId::id).toList())
                .put(MlOutputs.CANARY_MODEL_ID, ml.canaryModel().id())
                .put(MlOutputs.AUDIT_TRAIL, audit.trail())
                .put(MlOutputs.DNS_QUERY_LOG_GROUP, audit.dnsQueryLogGroup())
                .put(MlOutputs.MODEL_INVOCATION_LOG_GROUP, audit.modelInvocationLogGroup())
                .publish(ctx);
    }

    static void hub(Context ctx, Foundation foundation, HubSettings hub, TransitHub transit, HubDoors doors,
                    InvokeTarget target, Callers callers, Audit audit) {
        var scope = foundation.scope();
        var vpc = foundation.vpc();
        String region = scope.region();
        new StackExports(HubOutputs.ALL)
                .put(HubOutputs.REGION, region)
                .put(HubOutputs.ACCOUNT_ID, scope.accountId())
                .put(HubOutputs.VPC_ID, vpc.vpcId())
                .put(HubOutputs.VPC_CIDR, vpc.cidr())
                .put(HubOutputs.ROUTE_TABLE_IDS, vpc.routeTableId().applyValue(List::of))
                .put(HubOutputs.TRANSIT_GATEWAY_ID, transit.transitGatewayId())
                .put(HubOutputs.TRANSIT_GATEWAY_ASN, Integer.toString(hub.transitGatewayAsn()))
                .put(HubOutputs.TRANSIT_GATEWAY_ROUTE_TABLE_ID, transit.routeTableId())
                .put(HubOutputs.ENDPOINT_SECURITY_GROUP_ID, doors.group().id())
                .put(HubOutputs.STS_ENDPOINT_ID, doors.sts().endpointId())
                .put(HubOutputs.LAMBDA_ENDPOINT_ID, doors.lambda().endpointId())
                .put(HubOutputs.STS_ZONE_ID, doors.stsZone().zoneId())
                .put(HubOutputs.STS_ZONE_NAME, doors.stsZone().zoneName())
                .put(HubOutputs.LAMBDA_ZONE_ID, doors.lambdaZone().zoneId())
                .put(HubOutputs.LAMBDA_ZONE_NAME, doors.lambdaZone().zoneName())
                .put(HubOutputs.APP_FUNCTION_NAME, callers.appFunction().orElseThrow().functionName())
                .put(HubOutputs.NOTEBOOK_NAME, callers.notebook().orElseThrow().notebookName())
                .put(NotebookAccessOutputs.USER_POLICY_ARNS, callers.notebookUserPolicyArns())
                .put(NotebookAccessOutputs.USER_POLICY_NAMES, callers.notebookUserPolicyNames())
                .put(HubOutputs.ML_VPC_CIDR, hub.ml().get(MlOutputs.VPC_CIDR))
                .put(HubOutputs.INVOKER_PRINCIPAL_PREFIX, target.principalPrefix())
                .put(HubOutputs.ALLOWED_MODEL_IDS, hub.ml().get(MlOutputs.ALLOWED_MODEL_IDS))
                .put(HubOutputs.CANARY_MODEL_ID, target.sampleModelId())
                .put(HubOutputs.INVOKE_FUNCTION_ARN, target.functionArn())
                .put(HubOutputs.INVOKE_ROLE_ARN, target.invokerRoleArn())
                .put(HubOutputs.INVOKE_EXTERNAL_ID, target.externalId())
                .put(HubOutputs.INVOKE_STS_URL, "https://" + doors.sts().serviceHostName())
                .put(HubOutputs.INVOKE_REGION, region)
                .put(HubOutputs.AUDIT_TRAIL, audit.trail())
                .put(HubOutputs.DNS_QUERY_LOG_GROUP, audit.dnsQueryLogGroup())
                .publish(ctx);
    }

    static void spoke(Context ctx, Foundation foundation, SpokeSettings spoke, TransitHub transit, SpokeLink link,
                      Callers callers, Audit audit) {
        var vpc = foundation.vpc();
        new StackExports(SpokeOutputs.ALL)
                .put(SpokeOutputs.REGION, foundation.scope().region())
                .put(SpokeOutputs.VPC_ID, vpc.vpcId())
                .put(SpokeOutputs.VPC_CIDR, vpc.cidr())
                .put(SpokeOutputs.TRANSIT_GATEWAY_ID, transit.transitGatewayId())
                .put(SpokeOutputs.TRANSIT_GATEWAY_ROUTE_TABLE_ID, transit.routeTableId())
                .put(SpokeOutputs.VPC_ATTACHMENT_ID, transit.vpcAttachment().id())
                .put(SpokeOutputs.PEERING_ATTACHMENT_ID, link.peeringAttachmentId())
                .put(SpokeOutputs.APP_FUNCTION_NAMES,
                        Callers.listOf(callers.appFunction().map(PrivateFunction::functionName)))
                .put(SpokeOutputs.ALLOWED_MODEL_IDS, spoke.hub().get(HubOutputs.ALLOWED_MODEL_IDS))
                .put(SpokeOutputs.NOTEBOOK_NAMES, Callers.listOf(callers.notebook().map(Notebook::notebookName)))
                .put(NotebookAccessOutputs.USER_POLICY_ARNS, callers.notebookUserPolicyArns())
                .put(NotebookAccessOutputs.USER_POLICY_NAMES, callers.notebookUserPolicyNames())
                .put(SpokeOutputs.AUDIT_TRAIL, audit.trail())
                .put(SpokeOutputs.DNS_QUERY_LOG_GROUP, audit.dnsQueryLogGroup())
                .publish(ctx);
    }
}
