package com.example.bedrockstream.contract;

import java.util.List;
import java.util.stream.Stream;

/** What an application spoke stack ({@code app-apse1}, ...) exports, for later stacks and for the plan. */
public final class SpokeOutputs {
    private SpokeOutputs() {
    }

    public static final StackOutput<String> REGION = StackOutput.string("spokeRegion", "region of the spoke");
    public static final StackOutput<String> VPC_ID = StackOutput.string("spokeVpcId", "spoke VPC id");
    public static final StackOutput<String> VPC_CIDR =
            StackOutput.string("spokeVpcCidr", "spoke VPC CIDR, routed and admitted on the hub side");
    public static final StackOutput<String> TRANSIT_GATEWAY_ID =
            StackOutput.string("spokeTransitGatewayId", "spoke Transit Gateway id");
    public static final StackOutput<String> TRANSIT_GATEWAY_ROUTE_TABLE_ID =
            StackOutput.string("spokeTransitGatewayRouteTableId", "spoke Transit Gateway route table id");
    public static final StackOutput<String> VPC_ATTACHMENT_ID =
            StackOutput.string("spokeVpcAttachmentId", "attachment of the spoke VPC to the spoke Transit Gateway");
    public static final StackOutput<String> PEERING_ATTACHMENT_ID =
            StackOutput.string("peeringAttachmentId", "Transit Gateway peering attachment between spoke and hub");
    public static final StackOutput<List<String>> APP_FUNCTION_NAMES =
            StackOutput.stringList("appFunctionNames", "Application Lambdas of the spoke (none when switched off)");
    public static final StackOutput<List<String>> ALLOWED_MODEL_IDS = StackOutput.stringList("spokeModelIds",
            "the model and inference-profile ids this region's callers may name (the hub's invokeModelIds)");
    public static final StackOutput<List<String>> NOTEBOOK_NAMES =
            StackOutput.stringList("notebookNames", "SageMaker notebooks of the spoke (none when switched off)");

    // Audit (issue 13)
    public static final StackOutput<String> AUDIT_TRAIL = StackOutput.string("spokeAuditTrail",
            "the hub's trail, which records this region too (a spoke creates none), or 'organization' or 'off'");
    public static final StackOutput<String> DNS_QUERY_LOG_GROUP =
            StackOutput.string("spokeDnsQueryLogGroup", "log group of the spoke VPC's DNS queries, or 'off'");

    public static final List<StackOutput<?>> ALL = Stream.concat(Stream.of(REGION, VPC_ID, VPC_CIDR,
            TRANSIT_GATEWAY_ID, TRANSIT_GATEWAY_ROUTE_TABLE_ID, VPC_ATTACHMENT_ID, PEERING_ATTACHMENT_ID,
            APP_FUNCTION_NAMES, ALLOWED_MODEL_IDS, NOTEBOOK_NAMES, AUDIT_TRAIL, DNS_QUERY_LOG_GROUP), NotebookAccessOutputs.ALL.stream())
            .<StackOutput<?>>map(o -> o).toList();
}
