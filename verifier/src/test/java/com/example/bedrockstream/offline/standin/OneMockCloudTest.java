package com.example.bedrockstream.offline.standin;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.CloudModel;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetVpcEndpointServiceArgs;
import com.pulumi.aws.ec2.outputs.GetVpcEndpointServiceResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One mock cloud behind two engines: for every resource of the three committed stacks, the stand-in provider
 * computes exactly what the mock engine's cloud answered, and its endpoint-service answer is the mock engine's.
 */
class OneMockCloudTest {
    private static final String STS = "com.amazonaws.us-east-1.sts";

    @TempDir
    Path cloud;
    private StandIn standIn;
    private final Map<String, ResourceProviderBlockingStub> providers = new HashMap<>();

    @AfterEach
    void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }

    @Test
    void everyResourceOfEveryStackGetsTheMockEnginesOutputs() {
        standIn = new StandIn(cloud);
        var chain = Stacks.spoke();
        int compared = 0;
        for (OfflineRun run : List.of(chain.ml(), chain.hub(), chain.spoke())) {
            assertTrue(run.succeeded(), run.errorText());
            var config = chain.engine().files().config(run.stack());
            for (MockResource resource : run.awsResources()) {
                String region = run.explicitProvider(resource)
                        .map(provider -> String.valueOf(provider.inputs().get("region")))
                        .orElse(config.get("aws:region"));
                var preview = provider(config.get("bedrock-stream:accountId"), region).create(
                        StandIn.createRequest(resource.type(), resource.name(), wire(resource.inputs()))
                                .setPreview(true).build());
                var expected = Structs.toMap(Structs.toStruct(wire(resource.state())));
                assertEquals(expected, Structs.toMap(preview.getProperties()), resource.type() + " " + resource.name());
                assertEquals(expected.get("id"), preview.getId(), resource.type() + " " + resource.name());
                compared++;
            }
        }
        assertTrue(compared > 150, "compared " + compared);
        assertTrue(standIn.store().entries().isEmpty(), "a preview stores nothing");
    }

    @Test
    void theEndpointServiceIsAnsweredAsTheMockEngineAnswersIt() throws IOException {
        var mockEngine = Stacks.engine().run("app-use1", Map.of(), Map.of(), ctx -> {
            var service = Ec2Functions.getVpcEndpointService(GetVpcEndpointServiceArgs.builder().serviceName(STS).build());
            ctx.export("arn", service.applyValue(GetVpcEndpointServiceResult::arn));
            ctx.export("availabilityZones", service.applyValue(GetVpcEndpointServiceResult::availabilityZones));
            ctx.export("baseEndpointDnsNames", service.applyValue(GetVpcEndpointServiceResult::baseEndpointDnsNames));
            ctx.export("privateDnsName", service.applyValue(GetVpcEndpointServiceResult::privateDnsName));
            ctx.export("serviceId", service.applyValue(GetVpcEndpointServiceResult::serviceId));
        });
        assertTrue(mockEngine.succeeded(), mockEngine.errorText());

        standIn = new StandIn(cloud);
        var answer = Structs.toMap(standIn.provider("111122223333", "us-east-1").invoke(InvokeRequest.newBuilder()
                .setTok(CloudModel.GET_VPC_ENDPOINT_SERVICE)
                .setArgs(Structs.toStruct(Map.of("serviceName", STS))).build()).getReturn());
        mockEngine.outputs().forEach((name, value) -> assertEquals(value, answer.get(name), name));
        assertEquals(CloudModel.vpcEndpointService(STS, "us-east-1", CloudModel.allZones("us-east-1")), answer);
    }

    private ResourceProviderBlockingStub provider(String account, String region) {
        return providers.computeIfAbsent(account + " " + region, key -> {
            try {
                return standIn.provider(account, region);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A mock-engine property bag as the engine sends it: the SDK's archive objects become archives by hash (the
     * engine sends no contents).
     */
    private static Map<String, Object> wire(Map<String, Object> properties) {
        var result = new LinkedHashMap<String, Object>();
        properties.forEach((key, value) -> result.put(key, wireValue(value)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Object wireValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return wire((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OneMockCloudTest::wireValue).toList();
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return Map.of(Values.SIGNATURE, Values.ARCHIVE, "hash", String.valueOf(value));
    }
}
