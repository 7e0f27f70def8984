package com.example.bedrockstream.preflight;

import com.example.bedrockstream.offline.AwsTypes;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The quotas the stack consumes have room for what it adds: the quota as Service Quotas applies it to the account
 * (AWS's default when none is applied), what the account already uses (counted with describe calls), and what the
 * plan adds. Alarms are not checked: CloudWatch's alarm count has no quota Service Quotas reports.
 */
final class QuotasCheck implements PreflightCheck {
    static final String NAME = "quota ";

    /** A quota, what the account already uses of it, and what the plan adds. */
    private record Demand(String serviceCode, String quotaName, int adds, ToIntFunction<AwsClients> inUse) {
    }

    @Override
    public List<CheckResult> run(PlannedStack stack, AwsClients aws) {
        String region = stack.region();
        var demands = new ArrayList<Demand>();
        // The stack's VPC is new: every endpoint it has is one more of that VPC's.
        int endpoints = stack.ofType(AwsTypes.ENDPOINT).size();
        if (endpoints > 0) {
            demands.add(new Demand("vpc", "Interface VPC endpoints per VPC", endpoints, a -> 0));
        }
        int gateways = stack.ofType(AwsTypes.TRANSIT_GATEWAY).size();
        if (gateways > 0) {
            demands.add(new Demand("ec2", "Transit gateways per account", gateways, a -> {
                try (var ec2 = a.ec2(region)) {
                    return (int) ec2.describeTransitGatewaysPaginator(r -> { }).transitGateways().stream()
                            .filter(g -> !g.stateAsString().startsWith("delet")).count();
                }
            }));
        }
        Map<String, Long> notebooks = stack.ofType(AwsTypes.NOTEBOOK).stream()
                .collect(Collectors.groupingBy(n -> n.string("instanceType"), TreeMap::new, Collectors.counting()));
        notebooks.forEach((type, count) -> demands.add(new Demand("sagemaker", type + " for notebook instance usage",
                count.intValue(), a -> notebooksOfType(a, region, type))));

        var results = new ArrayList<CheckResult>();
        for (var demand : demands) {
            String name = NAME + demand.quotaName();
            try {
                var quota = quota(aws, region, demand.serviceCode(), demand.quotaName());
                if (quota.isEmpty()) {
                    results.add(CheckResult.fail(name, "Service Quotas lists no such quota for " + demand.serviceCode()
                            + " in " + region, "check it by hand in the Service Quotas console before `up`"));
                    continue;
                }
                int used = demand.inUse().applyAsInt(aws);
                int value = quota.get().intValue();
                String detail = "quota " + value + ", in use " + used + ", the stack adds " + demand.adds();
                if (used + demand.adds() <= value) {
                    results.add(CheckResult.pass(name, detail));
                } else {
                    results.add(CheckResult.fail(name, detail, "request an increase to at least " + (used + demand.adds())
                            + " (Service Quotas, " + demand.serviceCode() + ", \"" + demand.quotaName() + "\") or free "
                            + (used + demand.adds() - value) + " in " + region));
                }
            } catch (SdkException | SignedJsonCall.AwsCallException e) {
                results.add(CheckResult.fail(name, "could not read it: " + e.getMessage(), "allow the deploying"
                        + " credentials servicequotas:ListServiceQuotas, servicequotas:ListAWSDefaultServiceQuotas,"
                        + " ec2:DescribeTransitGateways and sagemaker:ListNotebookInstances"));
            }
        }
        return results;
    }

    /** The account's applied value, else AWS's default. */
    private static Optional<Double> quota(AwsClients aws, String region, String serviceCode, String quotaName) {
        var quotas = aws.serviceQuotas(region);
        for (String operation : List.of("ListServiceQuotas", "ListAWSDefaultServiceQuotas")) {
            String next = null;
            do {
                var request = new JsonObject();
                request.addProperty("ServiceCode", serviceCode);
                if (next != null) {
                    request.addProperty("NextToken", next);
                }
                var page = quotas.call(operation, request);
                for (JsonElement q : page.has("Quotas") ? page.getAsJsonArray("Quotas") : new JsonArray()) {
                    var quota = q.getAsJsonObject();
                    if (quotaName.equals(quota.get("QuotaName").getAsString())) {
                        return Optional.of(quota.get("Value").getAsDouble());
                    }
                }
                next = page.has("NextToken") && !page.get("NextToken").isJsonNull() ? page.get("NextToken").getAsString() : null;
            } while (next != null);
        }
        return Optional.empty();
    }

    private static int notebooksOfType(AwsClients aws, String region, String type) {
        int count = 0;
        String next = null;
        do {
            var request = new JsonObject();
            if (next != null) {
                request.addProperty("NextToken", next);
            }
            var page = aws.sageMaker(region).call("ListNotebookInstances", request);
            for (JsonElement n : page.getAsJsonArray("NotebookInstances")) {
                var notebook = n.getAsJsonObject();
                String status = notebook.get("NotebookInstanceStatus").getAsString();
                if (type.equals(notebook.get("InstanceType").getAsString()) && !status.equals("Deleting")
                        && !status.equals("Failed")) {
                    count++;
                }
            }
            next = page.has("NextToken") && !page.get("NextToken").isJsonNull() ? page.get("NextToken").getAsString() : null;
        } while (next != null);
        return count;
    }
}
