package com.example.bedrockstream.offline;

import com.example.bedrockstream.network.EndpointService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What AWS computes for a resource, as this project models it: ids, ARNs, DNS entries and physical names derived
 * from the resource's name so every run gives the same values. One model behind two engines: the mock engine's
 * {@link MockCloud} and the stand-in provider the real Pulumi CLI loads both call it, so a value differs between
 * the offline preview and a real-engine run only if the program does.
 */
public final class CloudModel {
    /** The data source the program asks which zones offer an endpoint service. */
    public static final String GET_VPC_ENDPOINT_SERVICE = "aws:ec2/getVpcEndpointService:getVpcEndpointService";
    /** Every EC2-style id {@link #computed} hands out, e.g. "vpc-0123456789abcdef0", and Resolver's "rqlc-" ids. */
    public static final Pattern GENERATED_ID =
            Pattern.compile("(vpc|subnet|sg|rtb|vpce|tgw|tgw-rtb|tgw-attach)-[0-9a-f]{17}|rqlc-[0-9a-f]{16}");
    /** A hosted zone id {@link #computed} hands out (AWS's own zones, e.g. an endpoint's, are shorter). */
    public static final Pattern HOSTED_ZONE_ID = Pattern.compile("Z[0-9A-F]{20}");
    /** A KMS key id {@link #computed} hands out. */
    public static final Pattern KMS_KEY_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String accountId;

    /** @param accountId the account the resources are created in, as the credentials' */
    public CloudModel(String accountId) {
        this.accountId = accountId;
    }

    /**
     * Fills in what AWS computes and returns the resource's id.
     *
     * @param name   the resource's logical (Pulumi) name, which every generated value is derived from
     * @param inputs the resource's inputs, plain values
     * @param state  where the computed attributes go, usually starting as a copy of the inputs
     */
    public String computed(String type, String name, Map<String, Object> inputs, Map<String, Object> state,
                           String region) {
        String physicalName = String.valueOf(inputs.getOrDefault("name", name + "-" + hex(name, 7)));
        state.putIfAbsent("name", physicalName);
        String id;
        switch (type) {
            case "aws:ec2/vpc:Vpc" -> id = "vpc-" + hex(name, 17);
            case "aws:ec2/subnet:Subnet" -> id = "subnet-" + hex(name, 17);
            case "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup" ->
                    id = "sg-" + hex(name, 17);
            case "aws:ec2/routeTable:RouteTable" -> id = "rtb-" + hex(name, 17);
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                id = "vpce-" + hex(name, 17);
                var dns = ServiceDns.of(String.valueOf(inputs.get("serviceName")), region);
                state.put("dnsEntries", dnsEntries(id + "-" + hex(name + "dns", 8), dns, inputs, region));
            }
            case "aws:iam/role:Role" -> {
                id = physicalName;
                state.put("arn", "arn:aws:iam::" + accountId + ":role/" + physicalName);
                state.put("uniqueId", "AROA" + hex(name, 17).toUpperCase());
            }
            // A managed policy's id is its ARN.
            case "aws:iam/policy:Policy" -> {
                id = "arn:aws:iam::" + accountId + ":policy/" + physicalName;
                state.put("arn", id);
                state.put("policyId", "ANPA" + hex(name, 17).toUpperCase());
            }
            case "aws:lambda/function:Function" -> {
                id = physicalName;
                String arn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + physicalName;
                state.put("arn", arn);
                state.put("qualifiedArn", arn + ":$LATEST");
                state.put("invokeArn", "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + arn + "/invocations");
            }
            case "aws:kms/key:Key" -> {
                id = uuid(name);
                state.put("keyId", id);
                state.put("arn", "arn:aws:kms:" + region + ":" + accountId + ":key/" + id);
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                id = physicalName;
                state.put("arn", "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + physicalName);
            }
            case "aws:route53/zone:Zone" -> {
                id = "Z" + hex(name, 20).toUpperCase();
                state.put("zoneId", id);
                state.put("arn", "arn:aws:route53:::hostedzone/" + id);
            }
            case "aws:ec2transitgateway/transitGateway:TransitGateway" -> {
                id = "tgw-" + hex(name, 17);
                state.put("arn", "arn:aws:ec2:" + region + ":" + accountId + ":transit-gateway/" + id);
            }
            case "aws:ec2transitgateway/routeTable:RouteTable" -> id = "tgw-rtb-" + hex(name, 17);
            case "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
                 "aws:ec2transitgateway/peeringAttachment:PeeringAttachment" -> id = "tgw-attach-" + hex(name, 17);
            // An accepter is the same attachment, seen from the peer's side.
            case "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter" ->
                    id = String.valueOf(inputs.get("transitGatewayAttachmentId"));
            case "aws:route53/zoneAssociation:ZoneAssociation" ->
                    id = inputs.get("zoneId") + ":" + inputs.get("vpcId") + ":" + inputs.get("vpcRegion");
            case "aws:sagemaker/notebookInstance:NotebookInstance" -> {
                id = physicalName;
                state.put("arn", "arn:aws:sagemaker:" + region + ":" + accountId + ":notebook-instance/" + physicalName);
                state.put("url", physicalName + ".notebook." + region + ".sagemaker.aws");
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                id = String.valueOf(inputs.get("bucket"));
                state.put("arn", "arn:aws:s3:::" + id);
            }
            case "aws:cloudtrail/trail:Trail" -> {
                id = physicalName;
                state.put("arn", "arn:aws:cloudtrail:" + region + ":" + accountId + ":trail/" + physicalName);
            }
            case "aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig" -> {
                id = "rqlc-" + hex(name, 16);
                state.put("arn", "arn:aws:route53resolver:" + region + ":" + accountId + ":resolver-query-log-config/" + id);
            }
            default -> {
                id = hex(type + name, 12);
                String service = type.substring(type.indexOf(':') + 1, type.indexOf('/') > 0 ? type.indexOf('/') : type.length());
                state.putIfAbsent("arn", "arn:aws:" + service + ":" + region + ":" + accountId + ":" + physicalName);
            }
        }
        state.put("id", id);
        return id;
    }

    /** The zones of a region that offer every endpoint service unless told otherwise: a to f. */
    public static List<String> allZones(String region) {
        return "abcdef".chars().mapToObj(zone -> region + (char) zone).toList();
    }

    /** What ec2:DescribeVpcEndpointServices answers for an AWS service offered in {@code zones}. */
    public static Map<String, Object> vpcEndpointService(String serviceName, String region, List<String> zones) {
        var dns = ServiceDns.of(serviceName, region);
        var result = new LinkedHashMap<String, Object>();
        result.put("acceptanceRequired", false);
        result.put("arn", "arn:aws:ec2:" + region + "::vpc-endpoint-service/vpce-svc-" + hex(serviceName, 17));
        result.put("availabilityZones", zones);
        result.put("baseEndpointDnsNames", List.of(dns.regionalSuffix().substring(1)));
        result.put("id", hex(serviceName, 8));
        result.put("managesVpcEndpoints", false);
        result.put("owner", "amazon");
        result.put("privateDnsName", dns.privateName());
        result.put("privateDnsNames", List.of(dns.privateName()));
        result.put("region", region);
        result.put("service", serviceName.substring(serviceName.lastIndexOf('.') + 1));
        result.put("serviceId", "vpce-svc-" + hex(serviceName, 17));
        result.put("serviceName", serviceName);
        result.put("serviceRegions", List.of(region));
        result.put("serviceType", "Interface");
        result.put("supportedIpAddressTypes", List.of("ipv4"));
        result.put("tags", Map.of());
        result.put("vpcEndpointPolicySupported", true);
        return result;
    }

    /**
     * An interface endpoint's DNS entries in the shape AWS returns them: one zonal name per subnet (listed first
     * here, since AWS documents no order), the regional name, and with private DNS the service's own name.
     */
    private static List<Map<String, Object>> dnsEntries(String label, ServiceDns dns, Map<String, Object> inputs,
                                                        String region) {
        String suffix = dns.regionalSuffix();
        var entries = new ArrayList<Map<String, Object>>();
        int subnets = inputs.get("subnetIds") instanceof List<?> ids ? ids.size() : 0;
        for (int i = 0; i < subnets; i++) {
            entries.add(Map.of("dnsName", label + "-" + region + (char) ('a' + i) + suffix, "hostedZoneId", "Z7HUB22UULQXV"));
        }
        entries.add(Map.of("dnsName", label + suffix, "hostedZoneId", "Z7HUB22UULQXV"));
        if (Boolean.TRUE.equals(inputs.get("privateDnsEnabled"))) {
            entries.add(Map.of("dnsName", dns.privateName(), "hostedZoneId", "Z" + hex(label, 20).toUpperCase()));
        }
        return entries;
    }

    /**
     * The DNS names AWS gives an endpoint service (the table's host name) and its endpoints: the host name with
     * "vpce" before its domain, e.g. vpce-....api.sagemaker.&lt;region&gt;.vpce.amazonaws.com and
     * vpce-....notebook.&lt;region&gt;.vpce.sagemaker.aws.
     *
     * @param regionalSuffix what follows an endpoint's own label in its regional name, from the first dot
     */
    private record ServiceDns(String privateName, String regionalSuffix) {
        static ServiceDns of(String serviceName, String region) {
            String host = EndpointService.ofServiceName(serviceName, region).orElseThrow(() ->
                    new IllegalArgumentException(serviceName + " is no endpoint service of the program")).hostName(region);
            var labels = new ArrayList<>(List.of(host.replaceFirst("^\\*\\.", "").split("\\.")));
            labels.add(labels.size() - 2, "vpce");
            return new ServiceDns(host, "." + String.join(".", labels));
        }
    }

    private static String hex(String seed, int length) {
        return Sha256.hex(seed).substring(0, length);
    }

    private static String uuid(String seed) {
        String h = hex(seed, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }
}
