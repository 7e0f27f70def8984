package com.example.bedrockstream.offline;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.contract.UpstreamStack;
import com.pulumi.test.Mocks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays AWS for the mock engine: answers each registration with the ids, ARNs and computed attributes AWS would
 * return, derived from the resource's name so every run gives the same values. StackReferences answer with the
 * exports of stacks run earlier; any other stack is unknown, as to the real engine.
 */
final class MockCloud implements Mocks {
    static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";
    static final String GET_VPC_ENDPOINT_SERVICE = "aws:ec2/getVpcEndpointService:getVpcEndpointService";

    private final String accountId;
    private final String stackRegion;
    /** Explicit providers by name, and the region each was given. */
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    private final Map<String, StackOutputs> upstream;
    private final List<Registration> registered;
    private final Map<String, List<String>> endpointServiceZones;

    /** A registration and the state the mock cloud answered with. */
    record Registration(Mocks.ResourceArgs args, Map<String, Object> state) {
    }

    /** What an earlier stack exported: values by name, and which of them are secret. */
    record StackOutputs(Map<String, Object> values, List<String> secretNames) {
    }

    /**
     * @param endpointServiceZones the zones that offer an endpoint service, by service name; a service not listed
     *                             is offered in every zone of the region
     */
    MockCloud(String accountId, String region, Map<String, StackOutputs> upstream, List<Registration> registered,
              Map<String, List<String>> endpointServiceZones) {
        this.endpointServiceZones = endpointServiceZones;
        this.accountId = accountId;
        this.stackRegion = region;
        this.upstream = upstream;
        this.registered = registered;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> inputs = args.inputs == null ? Map.of() : args.inputs;
        if (STACK_REFERENCE.equals(args.type)) {
            var outputs = upstream.get(args.name);
            if (outputs == null) {
                return CompletableFuture.failedFuture(unknownStack(args.name));
            }
            return done(args, args.name, Map.of("name", args.name, "outputs", outputs.values(),
                    "secretOutputNames", outputs.secretNames()));
        }
        if (args.type.startsWith(ComponentTypes.PREFIX)) {
            registered.add(new Registration(args, inputs));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), inputs));
        }
        if (args.type.startsWith("pulumi:providers:") && inputs.get("region") instanceof String providerRegion) {
            providerRegions.put(args.name, providerRegion);
        }
        var state = new LinkedHashMap<>(inputs);
        String id = computed(args.type, args.name, inputs, state, regionOf(args));
        return done(args, id, state);
    }

    /** Data sources and engine functions the program calls before it registers anything. */
    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (UpstreamStack.READ_STACK_OUTPUTS.equals(args.token)) {
            return readStackOutputs(String.valueOf(callArguments(args).get("name")));
        }
        if (GET_VPC_ENDPOINT_SERVICE.equals(args.token)) {
            return vpcEndpointService(String.valueOf(callArguments(args).get("serviceName")));
        }
        return Mocks.super.callAsync(args);
    }

    /** The engine's read of a stack's outputs, the function behind StackReference. */
    private CompletableFuture<Map<String, Object>> readStackOutputs(String name) {
        var outputs = upstream.get(name);
        if (outputs == null) {
            return CompletableFuture.failedFuture(unknownStack(name));
        }
        return CompletableFuture.completedFuture(Map.of("name", name, "outputs", outputs.values(),
                "secretOutputNames", outputs.secretNames()));
    }

    /** Which zones offer an endpoint service: every zone of the region unless a test took some away. */
    private CompletableFuture<Map<String, Object>> vpcEndpointService(String serviceName) {
        var dns = ServiceDns.of(serviceName, stackRegion);
        var zones = endpointServiceZones.getOrDefault(serviceName,
                "abcdef".chars().mapToObj(zone -> stackRegion + (char) zone).toList());
        var result = new LinkedHashMap<String, Object>();
        result.put("acceptanceRequired", false);
        result.put("arn", "arn:aws:ec2:" + stackRegion + "::vpc-endpoint-service/vpce-svc-" + hex(serviceName, 17));
        result.put("availabilityZones", zones);
        result.put("baseEndpointDnsNames", List.of(dns.regionalSuffix().substring(1)));
        result.put("id", hex(serviceName, 8));
        result.put("managesVpcEndpoints", false);
        result.put("owner", "amazon");
        result.put("privateDnsName", dns.privateName());
        result.put("privateDnsNames", List.of(dns.privateName()));
        result.put("region", stackRegion);
        result.put("service", serviceName.substring(serviceName.lastIndexOf('.') + 1));
        result.put("serviceId", "vpce-svc-" + hex(serviceName, 17));
        result.put("serviceName", serviceName);
        result.put("serviceRegions", List.of(stackRegion));
        result.put("serviceType", "Interface");
        result.put("supportedIpAddressTypes", List.of("ipv4"));
        result.put("tags", Map.of());
        result.put("vpcEndpointPolicySupported", true);
        return CompletableFuture.completedFuture(result);
    }

    /** CallArgs.args is typed as Guava's ImmutableMap, which is not on the compile classpath, so it is read as a Map. */
    private static Map<?, ?> callArguments(CallArgs args) {
        try {
            return (Map<?, ?>) CallArgs.class.getField("args").get(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the pinned Pulumi SDK's Mocks.CallArgs has no public field 'args'", e);
        }
    }

    /**
     * What the engine answers for a stack that was never deployed, or lives in another backend: there an
     * io.grpc.StatusRuntimeException (not on the compile classpath) with this message.
     */
    private static RuntimeException unknownStack(String name) {
        return new IllegalStateException("NOT_FOUND: unknown stack reference " + name);
    }

    private CompletableFuture<ResourceResult> done(ResourceArgs args, String id, Map<String, Object> state) {
        var withId = new LinkedHashMap<>(state);
        withId.put("id", id);
        registered.add(new Registration(args, withId));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /** A resource lives where its provider points: a reference reads "urn:...::pulumi:providers:aws::name::id". */
    private String regionOf(ResourceArgs args) {
        if (args.provider == null || args.provider.isEmpty()) {
            return stackRegion;
        }
        String[] parts = args.provider.split("::");
        return parts.length >= 5 ? providerRegions.getOrDefault(parts[3], stackRegion) : stackRegion;
    }

    /** Fills in what AWS computes and returns the resource's id. */
    private String computed(String type, String name, Map<String, Object> inputs, Map<String, Object> state,
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

    /**
     * An interface endpoint's DNS entries in the shape AWS returns them: one zonal name per subnet (listed first
     * here, since AWS documents no order), the regional name, and with private DNS the service's own name.
     */
    private List<Map<String, Object>> dnsEntries(String label, ServiceDns dns, Map<String, Object> inputs,
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
     * The DNS names AWS gives an endpoint service: com.amazonaws.&lt;region&gt;.sagemaker.api is answered as
     * api.sagemaker.&lt;region&gt;.amazonaws.com and its endpoints are vpce-....api.sagemaker.&lt;region&gt;.vpce.amazonaws.com;
     * the notebook service aws.sagemaker.&lt;region&gt;.notebook answers every notebook's URL,
     * *.notebook.&lt;region&gt;.sagemaker.aws.
     *
     * @param regionalSuffix what follows an endpoint's own label in its regional name, from the first dot
     */
    record ServiceDns(String privateName, String regionalSuffix) {
        static ServiceDns of(String serviceName, String region) {
            if (serviceName.equals("aws.sagemaker." + region + ".notebook")) {
                return new ServiceDns("*.notebook." + region + ".sagemaker.aws", ".notebook." + region + ".vpce.sagemaker.aws");
            }
            String prefix = "com.amazonaws." + region + ".";
            String service = serviceName.startsWith(prefix) ? serviceName.substring(prefix.length())
                    : serviceName.substring(serviceName.lastIndexOf('.') + 1);
            var labels = new ArrayList<>(List.of(service.split("\\.")));
            Collections.reverse(labels);
            String host = String.join(".", labels) + "." + region;
            return new ServiceDns(host + ".amazonaws.com", "." + host + ".vpce.amazonaws.com");
        }
    }

    private static String hex(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uuid(String seed) {
        String h = hex(seed, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }
}
