package com.example.bedrockstream.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.example.bedrockstream.offline.AwsTypes.ENDPOINT;
import static com.example.bedrockstream.offline.AwsTypes.FUNCTION;
import static com.example.bedrockstream.offline.AwsTypes.NOTEBOOK;
import static com.example.bedrockstream.offline.AwsTypes.RECORD;
import static com.example.bedrockstream.offline.AwsTypes.SUBNET;
import static com.example.bedrockstream.offline.AwsTypes.VPC;
import static com.example.bedrockstream.offline.AwsTypes.ZONE;
import static com.example.bedrockstream.offline.AwsTypes.ZONE_ASSOCIATION;

/**
 * A Mermaid diagram of the simulated deployment: accounts, regions, VPCs with their blocks, interface endpoints,
 * private zones and the VPCs they answer in, Transit Gateways and their peerings, functions and notebooks. Drawn
 * from what the stacks registered, never from their config, so it shows what `pulumi up` would build.
 */
final class ArchitectureDiagram {
    private static final String TGW = AwsTypes.TRANSIT_GATEWAY;
    private static final String TGW_ATTACHMENT = AwsTypes.TGW_VPC_ATTACHMENT;
    private static final String PEERING = AwsTypes.TGW_PEERING;

    private ArchitectureDiagram() {
    }

    static String mermaid(List<OfflineRun> runs) {
        var nodes = new LinkedHashMap<String, String>();
        var lines = new ArrayList<String>();
        lines.add("flowchart LR");
        var byAccount = new TreeMap<String, List<OfflineRun>>();
        runs.forEach(run -> byAccount.computeIfAbsent(accountOf(run), a -> new ArrayList<>()).add(run));
        byAccount.forEach((account, stacks) -> {
            lines.add("  subgraph account_" + account + "[\"account " + account + "\"]");
            for (OfflineRun run : stacks) {
                lines.add("    subgraph stack_" + id(run.stack()) + "[\"" + run.stack() + " · " + regionOf(run) + "\"]");
                for (MockResource vpc : sorted(run, VPC)) {
                    String vpcId = stateId(vpc);
                    lines.add("      subgraph " + node(nodes, vpcId) + "[\"VPC " + vpc.name() + " " + vpc.string("cidrBlock") + "\"]");
                    for (MockResource endpoint : inVpc(run, ENDPOINT, vpcId)) {
                        String service = endpoint.string("serviceName");
                        lines.add("        " + node(nodes, stateId(endpoint)) + "([\"endpoint " + serviceLabel(service)
                                + (Boolean.TRUE.equals(endpoint.input("privateDnsEnabled").orElse(false)) ? ", private DNS" : "") + "\"])");
                    }
                    for (MockResource function : sorted(run, FUNCTION)) {
                        if (vpcOfSubnets(run, function.list("vpcConfig.subnetIds")).filter(vpcId::equals).isPresent()) {
                            lines.add("        " + node(nodes, stateId(function)) + "[\"λ " + function.string("name") + "\"]");
                        }
                    }
                    for (MockResource notebook : sorted(run, NOTEBOOK)) {
                        if (vpcOfSubnets(run, List.of(notebook.string("subnetId"))).filter(vpcId::equals).isPresent()) {
                            lines.add("        " + node(nodes, stateId(notebook)) + "[\"notebook " + notebook.string("name") + "\"]");
                        }
                    }
                    lines.add("      end");
                }
                for (MockResource zone : sorted(run, ZONE)) {
                    lines.add("      " + node(nodes, stateId(zone)) + "{{\"zone " + zone.string("name") + "\"}}");
                }
                for (MockResource tgw : sorted(run, TGW)) {
                    String asn = tgw.string("amazonSideAsn").replace(".0", "");
                    lines.add("      " + node(nodes, stateId(tgw)) + "((\"TGW ASN " + asn + "\"))");
                }
                lines.add("    end");
            }
            lines.add("  end");
        });
        var edges = new ArrayList<String>();
        for (OfflineRun run : runs) {
            for (MockResource attachment : sorted(run, TGW_ATTACHMENT)) {
                edge(edges, nodes, attachment.string("vpcId"), attachment.string("transitGatewayId"), "---", "attached");
            }
            for (MockResource peering : sorted(run, PEERING)) {
                edge(edges, nodes, peering.string("transitGatewayId"), peering.string("peerTransitGatewayId"), "===",
                        "peering " + peering.string("peerRegion"));
            }
            for (MockResource zone : sorted(run, ZONE)) {
                for (Object vpc : zone.list("vpcs")) {
                    edge(edges, nodes, stateId(zone), String.valueOf(((Map<?, ?>) vpc).get("vpcId")), "-.-", "answers in");
                }
            }
            for (MockResource association : sorted(run, ZONE_ASSOCIATION)) {
                edge(edges, nodes, association.string("zoneId"), association.string("vpcId"), "-.-", "answers in");
            }
            for (MockResource record : sorted(run, RECORD)) {
                for (Object alias : record.list("aliases")) {
                    String target = String.valueOf(((Map<?, ?>) alias).get("name"));
                    endpointWithDnsName(runs, target).ifPresent(endpoint ->
                            edge(edges, nodes, record.string("zoneId"), endpoint, "-->", "alias"));
                }
            }
        }
        var functions = runs.stream().flatMap(run -> sorted(run, FUNCTION).stream()).toList();
        for (OfflineRun run : runs) {
            for (MockResource endpoint : sorted(run, ENDPOINT)) {
                String policy = endpoint.input("policy").map(String::valueOf).orElse("");
                functions.stream().filter(f -> policy.contains("\"" + f.state().get("arn") + "\""))
                        .forEach(f -> edge(edges, nodes, stateId(endpoint), stateId(f), "-->", "invoke"));
                if (endpoint.string("serviceName").endsWith(".bedrock-runtime")) {
                    functions.stream().filter(f -> vpcOfSubnets(run, f.list("vpcConfig.subnetIds"))
                                    .filter(endpoint.string("vpcId")::equals).isPresent())
                            .forEach(f -> edge(edges, nodes, stateId(f), stateId(endpoint), "-->", "InvokeModel"));
                }
            }
        }
        lines.addAll(edges.stream().sorted().toList());
        return String.join("\n", lines) + "\n";
    }

    /** com.amazonaws.us-east-1.sagemaker.api as "sagemaker.api", aws.sagemaker.us-east-1.notebook as "sagemaker.notebook". */
    static String serviceLabel(String serviceName) {
        return Arrays.stream(serviceName.split("\\."))
                .filter(part -> !Set.of("com", "amazonaws", "aws").contains(part) && !part.matches("[a-z]{2}(-[a-z]+)+-\\d+"))
                .collect(Collectors.joining("."));
    }

    /** The engine registers resources concurrently; names give the diagram a stable order. */
    private static List<MockResource> sorted(OfflineRun run, String type) {
        return run.ofType(type).stream().sorted(Comparator.comparing(MockResource::name)).toList();
    }

    private static void edge(List<String> lines, Map<String, String> nodes, String from, String to, String arrow, String label) {
        if (nodes.containsKey(from) && nodes.containsKey(to)) {
            lines.add("  " + nodes.get(from) + " " + arrow + (arrow.equals("-->") ? "|" + label + "| " : " ") + nodes.get(to));
        }
    }

    private static String node(Map<String, String> nodes, String resourceId) {
        return nodes.computeIfAbsent(resourceId, rid -> "n" + nodes.size());
    }

    private static String id(String text) {
        return text.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static String stateId(MockResource resource) {
        return String.valueOf(resource.state().get("id"));
    }

    private static List<MockResource> inVpc(OfflineRun run, String type, String vpcId) {
        return sorted(run, type).stream().filter(r -> vpcId.equals(r.input("vpcId").map(String::valueOf).orElse(""))).toList();
    }

    private static Optional<String> vpcOfSubnets(OfflineRun run, List<Object> subnetIds) {
        return sorted(run, SUBNET).stream().filter(s -> subnetIds.contains(stateId(s)))
                .map(s -> s.string("vpcId")).findFirst();
    }

    private static Optional<String> endpointWithDnsName(List<OfflineRun> runs, String dnsName) {
        return runs.stream().flatMap(run -> sorted(run, ENDPOINT).stream())
                .filter(e -> e.state().get("dnsEntries") instanceof List<?> entries && entries.stream()
                        .anyMatch(entry -> entry instanceof Map<?, ?> m && dnsName.equals(m.get("dnsName"))))
                .map(ArchitectureDiagram::stateId).findFirst();
    }

    /** Account and region as the stack's own ARNs say them (its logs key has one in every stack). */
    private static String accountOf(OfflineRun run) {
        return arnPart(run, 4);
    }

    private static String regionOf(OfflineRun run) {
        return arnPart(run, 3);
    }

    private static String arnPart(OfflineRun run, int index) {
        return sorted(run, AwsTypes.KEY).stream().findFirst()
                .map(key -> String.valueOf(key.state().get("arn")).split(":")[index]).orElse("unknown");
    }
}
