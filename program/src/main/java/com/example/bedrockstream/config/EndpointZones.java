package com.example.bedrockstream.config;

import com.example.bedrockstream.domain.ConfigProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** What AWS answered for one endpoint service: the zones that offer it, or why it could not be asked. */
    public record Offer(List<String> zones, Optional<String> failure) {
        public static Offer of(List<String> zones) {
            return new Offer(List.copyOf(zones), Optional.empty());
        }

        public static Offer failed(String reason) {
            return new Offer(List.of(), Optional.of(reason));
        }
    }

    /**
     * @param serviceNames the stack's endpoint services, e.g. com.amazonaws.us-east-1.lambda
     * @param offeredZones the zones AWS offers a service in, as the deploying account names them, or why the look-up
     *                     failed; a failure shared by several services (credentials of another account, say) is
     *                     reported once, with AWS's reason
     */
    public static List<ConfigProblem> problems(CommonSettings common, List<String> serviceNames,
                                               Function<String, Offer> offeredZones) {
        var problems = new ArrayList<ConfigProblem>();
        String key = StackConfigParser.NAMESPACE + ":availabilityZones";
        String zones = common.availabilityZones().toString();
        var unasked = new LinkedHashMap<String, List<String>>();
        for (String service : serviceNames) {
            var offer = offeredZones.apply(service);
            if (offer.failure().isPresent()) {
                unasked.computeIfAbsent(offer.failure().get(), reason -> new ArrayList<>()).add(service);
                continue;
            }
            var missing = common.availabilityZones().stream().filter(z -> !offer.zones().contains(z)).toList();
            if (!missing.isEmpty()) {
                problems.add(new ConfigProblem(key, zones, "zones that offer " + service + ", but " + missing
                        + (missing.size() == 1 ? " does" : " do") + " not in account " + common.accountId()
                        + "; it is offered in " + offer.zones().stream().sorted().toList()));
            }
        }
        unasked.forEach((reason, services) -> problems.add(new ConfigProblem(key, zones, "zones that offer "
                + String.join(", ", services) + ", but AWS could not be asked which do"
                + " (ec2:DescribeVpcEndpointServices): " + reason + "; check the credentials and the region")));
        return problems;
    }
}
