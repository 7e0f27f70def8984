package com.example.bedrockstream.contract;

import java.util.List;
import java.util.stream.Stream;

/** What the application hub stack ({@code app-use1}) exports for spokes and for application teams. */
public final class HubOutputs {
    private HubOutputs() {
    }

    public static final StackOutput<String> REGION =
            StackOutput.string("hubRegion", "region of the hub, which is the ML region");
    public static final StackOutput<String> ACCOUNT_ID =
            StackOutput.string("hubAccountId", "application account of the hub, where spokes deploy too");
    public static final StackOutput<String> VPC_ID = StackOutput.string("hubVpcId", "hub VPC id");
    public static final StackOutput<String> VPC_CIDR = StackOutput.string("hubVpcCidr", "hub VPC CIDR");
    public static final StackOutput<List<String>> ROUTE_TABLE_IDS =
            StackOutput.stringList("hubRouteTableIds", "hub private route tables, where spokes add their routes");
    public static final StackOutput<String> TRANSIT_GATEWAY_ID =
            StackOutput.string("transitGatewayId", "hub Transit Gateway id, the peer of every spoke");
    public static final StackOutput<String> TRANSIT_GATEWAY_ASN =
            StackOutput.string("transitGatewayAsn", "private ASN of the hub Transit Gateway, which a spoke's must differ from");
    public static final StackOutput<String> TRANSIT_GATEWAY_ROUTE_TABLE_ID =
            StackOutput.string("transitGatewayRouteTableId", "hub Transit Gateway route table id");
    public static final StackOutput<String> ENDPOINT_SECURITY_GROUP_ID =
            StackOutput.string("endpointSecurityGroupId", "security group of the STS and Lambda endpoints");
    public static final StackOutput<String> STS_ENDPOINT_ID =
            StackOutput.string("stsEndpointId", "STS interface endpoint id, for the invoker role's aws:SourceVpce");
    public static final StackOutput<String> LAMBDA_ENDPOINT_ID =
            StackOutput.string("lambdaEndpointId", "Lambda interface endpoint id");
    public static final StackOutput<String> STS_ZONE_ID =
            StackOutput.string("stsZoneId", "private hosted zone of the regional STS name");
    public static final StackOutput<String> STS_ZONE_NAME =
            StackOutput.string("stsZoneName", "regional STS name the zone answers for");
    public static final StackOutput<String> LAMBDA_ZONE_ID =
            StackOutput.string("lambdaZoneId", "private hosted zone of the regional Lambda name");
    public static final StackOutput<String> LAMBDA_ZONE_NAME =
            StackOutput.string("lambdaZoneName", "regional Lambda name the zone answers for");
    public static final StackOutput<String> APP_FUNCTION_NAME =
            StackOutput.string("appFunctionName", "Application Lambda that streams from the ML function");
    public static final StackOutput<String> NOTEBOOK_NAME =
            StackOutput.string("notebookName", "SageMaker notebook with the sample");
    public static final StackOutput<String> ML_VPC_CIDR =
            StackOutput.string("mlNetworkCidr", "ML VPC CIDR, passed on so spokes can refuse an overlap");
    public static final StackOutput<String> INVOKER_PRINCIPAL_PREFIX =
            StackOutput.string("invokePrincipalPrefix", "recipe: the role-name prefix a caller role needs");
    public static final StackOutput<List<String>> ALLOWED_MODEL_IDS =
            StackOutput.stringList("invokeModelIds", "recipe: the model and inference-profile ids the ML function accepts");
    public static final StackOutput<String> CANARY_MODEL_ID =
            StackOutput.string("invokeCanaryModelId", "recipe: the allowed model canaries and samples call");
    public static final StackOutput<String> INVOKE_FUNCTION_ARN =
            StackOutput.string("invokeFunctionArn", "recipe: the ML function to call with InvokeWithResponseStream");
    public static final StackOutput<String> INVOKE_ROLE_ARN =
            StackOutput.string("invokeRoleArn", "recipe: the role to assume first");
    public static final StackOutput<String> INVOKE_EXTERNAL_ID =
            StackOutput.secretString("invokeExternalId", "recipe: the external id to assume it with");
    public static final StackOutput<String> INVOKE_STS_URL =
            StackOutput.string("invokeStsUrl", "recipe: the regional STS endpoint URL (never the global one)");
    public static final StackOutput<String> INVOKE_REGION =
            StackOutput.string("invokeRegion", "recipe: the region of both calls");

    // Audit (issue 13)
    public static final StackOutput<String> AUDIT_TRAIL = StackOutput.string("hubAuditTrail",
            "the application account's multi-region trail ARN (spokes included), or 'organization' or 'off'");
    public static final StackOutput<String> DNS_QUERY_LOG_GROUP =
            StackOutput.string("hubDnsQueryLogGroup", "log group of the hub VPC's DNS queries, or 'off'");

    public static final List<StackOutput<?>> ALL = Stream.concat(Stream.of(REGION, ACCOUNT_ID, VPC_ID, VPC_CIDR,
            ROUTE_TABLE_IDS, TRANSIT_GATEWAY_ID, TRANSIT_GATEWAY_ASN, TRANSIT_GATEWAY_ROUTE_TABLE_ID,
            ENDPOINT_SECURITY_GROUP_ID, STS_ENDPOINT_ID, LAMBDA_ENDPOINT_ID, STS_ZONE_ID, STS_ZONE_NAME, LAMBDA_ZONE_ID,
            LAMBDA_ZONE_NAME, APP_FUNCTION_NAME, NOTEBOOK_NAME, ML_VPC_CIDR, INVOKER_PRINCIPAL_PREFIX, ALLOWED_MODEL_IDS,
            CANARY_MODEL_ID, INVOKE_FUNCTION_ARN, INVOKE_ROLE_ARN, INVOKE_EXTERNAL_ID, INVOKE_STS_URL, INVOKE_REGION, AUDIT_TRAIL,
            DNS_QUERY_LOG_GROUP), NotebookAccessOutputs.ALL.stream()).<StackOutput<?>>map(o -> o).toList();
}
