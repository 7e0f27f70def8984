package com.example.bedrockstream.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Interface endpoints get a network interface in every configured zone, and AWS does not offer every endpoint
 * service in every zone (zone names also map to different physical zones in different accounts). Asking AWS which
 * zones offer each service, in the deploying account, finds this at preview instead of halfway through `up`.
 */
public final class EndpointZones {
    private EndpointZones() {
    }

    /**
     * @param serviceNames the stack's endpoint services, e.g. com.amazonaws.us-east-1.lambda
     * @param offeredZones the zones AWS offers a service in, as the deploying account names them; empty when the
     *                     look-up failed
     */
    public static List<ConfigProblem> problems(CommonSettings common, List<String> serviceNames,
                                               Function<String, Optional<List<String>>> offeredZones) {
        var problems = new ArrayList<ConfigProblem>();
        String key = StackConfigParser.NAMESPACE + ":availabilityZones";
        String zones = common.availabilityZones().toString();
        for (String service : serviceNames) {
            var offered = offeredZones.apply(service);
            if (offered.isEmpty()) {
                problems.add(new ConfigProblem(key, zones, "zones that offer " + service + ", but AWS could not be asked"
                        + " which do (ec2:DescribeVpcEndpointServices); check the credentials and the region"));
                continue;
            }
            var missing = common.availabilityZones().stream().filter(z -> !offered.get().contains(z)).toList();
            if (!missing.isEmpty()) {
                problems.add(new ConfigProblem(key, zones, "zones that offer " + service + ", but " + missing
                        + (missing.size() == 1 ? " does" : " do") + " not in account " + common.accountId()
                        + "; it is offered in " + offered.get().stream().sorted().toList()));
            }
        }
        return problems;
    }
}
