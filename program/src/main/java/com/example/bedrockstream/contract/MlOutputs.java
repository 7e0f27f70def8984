package com.example.bedrockstream.contract;

import java.util.List;

/** What the ML stack ({@code ml-use1}) exports for the application stacks. */
public final class MlOutputs {
    private MlOutputs() {
    }

    public static final StackOutput<String> FUNCTION_NAME =
            StackOutput.string("mlFunctionName", "name of the streaming ML function");
    public static final StackOutput<String> FUNCTION_ARN =
            StackOutput.string("mlFunctionArn", "unqualified ARN of the streaming ML function");
    public static final StackOutput<String> INVOKER_ROLE_ARN =
            StackOutput.string("invokerRoleArn", "role application callers assume to invoke the ML function");
    public static final StackOutput<String> EXTERNAL_ID =
            StackOutput.secretString("externalId", "external id the invoker role's trust requires");
    public static final StackOutput<String> INVOKER_PRINCIPAL_PREFIX =
            StackOutput.string("invokerPrincipalPrefix", "role-name prefix the invoker role trusts");
    public static final StackOutput<String> REGION =
            StackOutput.string("mlRegion", "region of the ML account stack");
    public static final StackOutput<String> ACCOUNT_ID =
            StackOutput.string("mlAccountId", "ML account id");
    public static final StackOutput<String> APP_ACCOUNT_ID =
            StackOutput.string("appAccountId", "application account the invoker role trusts");
    public static final StackOutput<String> BEDROCK_ENDPOINT_ID =
            StackOutput.string("bedrockEndpointId", "bedrock-runtime interface endpoint id");
    public static final StackOutput<String> VPC_CIDR =
            StackOutput.string("mlVpcCidr", "ML VPC CIDR, which application VPCs must not overlap");
    public static final StackOutput<List<String>> ALLOWED_MODEL_IDS =
            StackOutput.stringList("allowedModelIds", "model and inference-profile ids the ML function accepts");
    public static final StackOutput<String> CANARY_MODEL_ID =
            StackOutput.string("canaryModelId", "the allowed model canaries and samples call");

    // Audit (issue 13)
    public static final StackOutput<String> AUDIT_TRAIL =
            StackOutput.string("mlAuditTrail", "the ML account's trail ARN, or 'organization' or 'off'");
    public static final StackOutput<String> DNS_QUERY_LOG_GROUP =
            StackOutput.string("mlDnsQueryLogGroup", "log group of the ML VPC's DNS queries, or 'off'");
    public static final StackOutput<String> MODEL_INVOCATION_LOG_GROUP =
            StackOutput.string("mlModelInvocationLogGroup", "log group of Bedrock's prompts and answers, or 'off'");

    public static final List<StackOutput<?>> ALL = List.of(FUNCTION_NAME, FUNCTION_ARN, INVOKER_ROLE_ARN, EXTERNAL_ID,
            INVOKER_PRINCIPAL_PREFIX, REGION, ACCOUNT_ID, APP_ACCOUNT_ID, BEDROCK_ENDPOINT_ID, VPC_CIDR,
            ALLOWED_MODEL_IDS, CANARY_MODEL_ID,
            AUDIT_TRAIL, DNS_QUERY_LOG_GROUP, MODEL_INVOCATION_LOG_GROUP);
}
