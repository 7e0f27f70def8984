package com.example.bedrockstream.offline.path;

/** The hops of DESIGN.md §2 a caller's streaming request crosses, in order, each proven from the resources. */
public enum Hop implements PathStep {
    NAMES("1 dns", "sts and lambda names of the ML region resolve to the hub's endpoints in the caller's VPC"),
    ROUTES("2 route", "routes both ways between the caller's subnets and the endpoints' subnets"),
    SECURITY_GROUPS("3 sg", "the caller's group may send 443 to the endpoints and their group admits it"),
    STS_POLICY("4 sts", "the STS endpoint policy and the caller's own policy allow assuming the invoker role"),
    TRUST("5 trust", "the invoker role trusts the caller, with its external id and through the STS endpoint"),
    LAMBDA_POLICY("6 lambda", "the Lambda endpoint policy lets the invoker role invoke the ML function"),
    INVOKER_PERMISSIONS("7 invoke", "the invoker role's policy allows invoking the ML function"),
    ML_NETWORK("8 ml-net", "the ML function reaches the Bedrock endpoint: name, route and security groups"),
    BEDROCK_POLICY("9 bedrock", "the Bedrock endpoint policy lets the ML function's role stream every allowed model"),
    MODEL_PERMISSIONS("10 models", "the ML function's role may stream every allowed model through that endpoint");

    private final String label;
    private final String meaning;

    Hop(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
