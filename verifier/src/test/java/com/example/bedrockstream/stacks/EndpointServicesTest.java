package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The endpoint service table and what the committed stacks create agree: every endpoint is of a service in the table,
 * with the table's DNS, every private zone answers a service the table says a zone answers, and the zone check asks
 * AWS about exactly the services whose endpoints the stack creates.
 */
class EndpointServicesTest {
    static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    static final String ZONE = "aws:route53/zone:Zone";
    static final Map<String, String> REGIONS = Map.of("ml-use1", "us-east-1", "app-use1", "us-east-1",
            "app-apse1", "ap-southeast-1");

    static Stacks.Chain chain;

    @BeforeAll
    static void deploy() {
        chain = Stacks.spoke();
        assertTrue(chain.spoke().succeeded(), chain.spoke().errorText());
    }

    private static List<OfflineRun> runs() {
        return List.of(chain.ml(), chain.hub(), chain.spoke());
    }

    private static Set<String> serviceNames(OfflineRun run) {
        return run.ofType(ENDPOINT).stream().map(e -> e.string("serviceName")).collect(Collectors.toSet());
    }

    private static EndpointService service(OfflineRun run, MockResource endpoint) {
        return EndpointService.ofServiceName(endpoint.string("serviceName"), REGIONS.get(run.stack()))
                .orElseThrow(() -> new AssertionError(endpoint.name() + " is of no service in the table"));
    }

    @Test
    void everyEndpointIsOfAServiceInTheTableWithItsDns() {
        for (OfflineRun run : runs()) {
            assertFalse(run.ofType(ENDPOINT).isEmpty(), run.stack());
            for (MockResource endpoint : run.ofType(ENDPOINT)) {
                assertEquals(service(run, endpoint).privateDns(), endpoint.input("privateDnsEnabled").orElseThrow(),
                        endpoint.name());
            }
        }
    }

    @Test
    void everyPrivateZoneAnswersATableServiceThatAZoneAnswersAndWhoseEndpointIsThere() {
        var zoned = chain.hub().ofType(ENDPOINT).stream().map(e -> service(chain.hub(), e))
                .filter(s -> s.dns() == EndpointService.Dns.PRIVATE_ZONE).map(s -> s.hostName("us-east-1"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("sts.us-east-1.amazonaws.com", "lambda.us-east-1.amazonaws.com"), zoned);
        for (OfflineRun run : runs()) {
            var zones = run.ofType(ZONE).stream().map(z -> z.string("name")).collect(Collectors.toSet());
            assertEquals(run == chain.hub() ? zoned : Set.of(), zones, run.stack());
        }
    }

    @Test
    void theZoneCheckAsksAboutExactlyTheServicesWhoseEndpointsTheStackCreates() {
        var engine = chain.engine();
        for (String region : Set.copyOf(REGIONS.values())) {
            for (EndpointService service : EndpointService.values()) {
                engine.offerEndpointService(service.serviceName(region), List.of(region + "z"));
            }
        }
        for (OfflineRun run : runs()) {
            String stack = run.stack();
            var refused = engine.run(stack, run == chain.ml() ? Stacks.SECRETS : Map.of());
            assertFalse(refused.succeeded(), stack);
            var asked = Arrays.stream(EndpointService.values())
                    .map(s -> s.serviceName(REGIONS.get(stack)))
                    .filter(name -> refused.errorText().contains("zones that offer " + name + ", but"))
                    .collect(Collectors.toSet());
            assertEquals(serviceNames(run), asked, stack);
        }
    }
}
