package com.example.bedrockstream.preflight;

import com.example.bedrockstream.Program;
import com.example.bedrockstream.config.EndpointZones;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.List;

/**
 * The configured zones offer each of the stack's endpoint services in this account (zone names map to different
 * physical zones per account). The program asks the same before it registers anything; here it is asked with the
 * rest, before `pulumi` is involved, with the same rule ({@link EndpointZones}).
 */
final class EndpointZonesCheck implements PreflightCheck {
    static final String NAME = "endpoint zones";

    @Override
    public List<CheckResult> run(PlannedStack stack, AwsClients aws) {
        var config = stack.config();
        var common = config.common();
        var services = Program.endpointServiceNames(config);
        try (var ec2 = aws.ec2(stack.region())) {
            var problems = EndpointZones.problems(common, services, service -> offered(ec2, service));
            if (problems.isEmpty()) {
                return List.of(CheckResult.pass(NAME, common.availabilityZones() + " offer " + services));
            }
            return problems.stream().map(p -> CheckResult.fail(NAME, p.expected(), "set bedrock-stream:availabilityZones"
                    + " in Pulumi." + common.stack() + ".yaml to zones that offer every service")).toList();
        }
    }

    private static EndpointZones.Offer offered(Ec2Client ec2, String service) {
        try {
            return EndpointZones.Offer.of(ec2.describeVpcEndpointServices(r -> r.serviceNames(service)).serviceDetails()
                    .stream().filter(d -> d.serviceName().equals(service))
                    .flatMap(d -> d.availabilityZones().stream()).toList());
        } catch (SdkException e) {
            return EndpointZones.Offer.failed(e.getMessage());
        }
    }
}
