package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Proves, from the resources the stacks registered (never from their config), that every caller's streaming request
 * gets through every hop of DESIGN.md §2: name resolution, routes both ways, security groups, the STS endpoint and
 * the invoker role's trust, the Lambda endpoint and the invoker's permissions, and the ML function's own way to the
 * allowed models. Each hop is judged on its own, so one broken hop fails alone and says why.
 */
public final class PathProof {
    private static final EndpointService STS = EndpointService.STS;
    private static final EndpointService LAMBDA = EndpointService.LAMBDA;
    /** IAM authorises InvokeWithResponseStream as lambda:InvokeFunction. */
    private static final String INVOKE = "lambda:InvokeFunction";
    private static final String STREAM_MODEL = "bedrock:InvokeModelWithResponseStream";

    private PathProof() {
    }

    /** @param runsInDeployOrder every stack's run; the proof reads resources across all of them */
    public static List<CallerPath> evaluate(List<OfflineRun> runsInDeployOrder) {
        var deployment = new Deployment(runsInDeployOrder);
        var ml = new MlSide(deployment);
        return CallerDiscovery.find(deployment, ml.stack()).stream()
                .map(caller -> prove(deployment, ml, caller))
                .toList();
    }

    /**
     * How a user opens each notebook, one path per notebook in deploy order: the hops of {@link NotebookUserHop}.
     *
     * @param runsInDeployOrder every stack's run, with its exports
     */
    public static List<NotebookUserPath> notebookUsers(List<OfflineRun> runsInDeployOrder) {
        return NotebookUserProof.evaluate(runsInDeployOrder);
    }

    private static CallerPath prove(Deployment deployment, MlSide ml, Caller caller) {
        var hops = new ArrayList<HopResult>();
        hops.add(HopResult.proving(Hop.NAMES, () -> {
            NameResolution.resolve(deployment, caller.client(), STS, ml.region());
            NameResolution.resolve(deployment, caller.client(), LAMBDA, ml.region());
        }));
        hops.add(HopResult.proving(Hop.ROUTES, () -> {
            Routing.bothWays(deployment, caller.client(), reached(deployment, ml, caller, STS));
            Routing.bothWays(deployment, caller.client(), reached(deployment, ml, caller, LAMBDA));
        }));
        hops.add(HopResult.proving(Hop.SECURITY_GROUPS, () -> {
            SecurityGroups.allow(deployment, caller.client(), reached(deployment, ml, caller, STS));
            SecurityGroups.allow(deployment, caller.client(), reached(deployment, ml, caller, LAMBDA));
        }));
        hops.add(HopResult.proving(Hop.STS_POLICY, () -> stsPolicy(deployment, ml, caller)));
        hops.add(HopResult.proving(Hop.TRUST, () -> trust(deployment, ml, caller)));
        hops.add(HopResult.proving(Hop.LAMBDA_POLICY, () -> {
            MockResource endpoint = reached(deployment, ml, caller, LAMBDA);
            var request = PolicyRequest.of(INVOKE, ml.functionArn()).by(ml.invokerRoleArn())
                    .with("aws:PrincipalArn", ml.invokerRoleArn());
            if (!Authorization.throughEndpoint(endpoint, request).allowed()) {
                throw new PathGap("the policy of " + endpoint.name() + " refuses " + INVOKE + " on "
                        + ml.functionArn() + " by " + ml.invokerRoleArn());
            }
        }));
        hops.add(HopResult.proving(Hop.INVOKER_PERMISSIONS, () -> {
            if (!Authorization.byRole(deployment, ml.invokerRoleArn(), PolicyRequest.of(INVOKE, ml.functionArn()))
                    .allowed()) {
                throw new PathGap("the invoker role's policies do not allow " + INVOKE + " on " + ml.functionArn());
            }
        }));
        hops.add(HopResult.proving(Hop.ML_NETWORK, () -> {
            var client = Client.ofFunction(ml.function());
            MockResource endpoint = NameResolution.resolve(deployment, client, MlSide.BEDROCK, ml.region());
            Routing.bothWays(deployment, client, endpoint);
            SecurityGroups.allow(deployment, client, endpoint);
        }));
        hops.add(HopResult.proving(Hop.BEDROCK_POLICY, () -> models(ml, "the policy of " + ml.bedrockEndpoint().name(),
                arn -> Authorization.throughEndpoint(ml.bedrockEndpoint(), PolicyRequest.of(STREAM_MODEL, arn)
                        .by(ml.functionRoleArn()).with("aws:PrincipalArn", ml.functionRoleArn())))));
        hops.add(HopResult.proving(Hop.MODEL_PERMISSIONS, () -> models(ml, "the ML function role's policies",
                arn -> Authorization.byRole(deployment, ml.functionRoleArn(), PolicyRequest.of(STREAM_MODEL, arn)
                        .with("aws:SourceVpce", Deployment.id(ml.bedrockEndpoint()))))));
        return new CallerPath(caller, hops);
    }

    /**
     * The endpoint a caller's requests for {@code service} arrive at. When its name does not resolve (hop 1 says so),
     * the later hops are still judged against the region's one endpoint of that service, so each hop fails alone.
     */
    private static MockResource reached(Deployment deployment, MlSide ml, Caller caller, EndpointService service) {
        try {
            return NameResolution.resolve(deployment, caller.client(), service, ml.region());
        } catch (PathGap unresolved) {
            var endpoints = deployment.endpoints(service, ml.region());
            if (endpoints.size() == 1) {
                return endpoints.get(0);
            }
            throw unresolved;
        }
    }

    private static void stsPolicy(Deployment deployment, MlSide ml, Caller caller) {
        MockResource endpoint = reached(deployment, ml, caller, STS);
        var request = PolicyRequest.of("sts:AssumeRole", ml.invokerRoleArn()).by(caller.roleArn())
                .with("aws:PrincipalArn", caller.roleArn());
        if (!Authorization.throughEndpoint(endpoint, request).allowed()) {
            throw new PathGap("the policy of " + endpoint.name() + " refuses sts:AssumeRole on " + ml.invokerRoleArn()
                    + " by " + caller.roleArn());
        }
        if (!Authorization.byRole(deployment, caller.roleArn(), request).allowed()) {
            throw new PathGap("the policies of " + caller.roleArn() + " do not allow sts:AssumeRole on "
                    + ml.invokerRoleArn());
        }
    }

    /**
     * The trust admits the caller's role with its external id, arriving through the STS endpoint it resolves, and
     * refuses the same request with any other external id or none: the perimeter of DESIGN.md §3.
     */
    private static void trust(Deployment deployment, MlSide ml, Caller caller) {
        MockResource endpoint = reached(deployment, ml, caller, STS);
        String trust = Deployment.text(ml.invokerRole(), "assumeRolePolicy").orElse("{}");
        var withoutId = PolicyRequest.of("sts:AssumeRole", ml.invokerRoleArn()).by(caller.roleArn())
                .with("aws:PrincipalArn", caller.roleArn())
                .with("aws:SourceVpce", Deployment.id(endpoint));
        String externalId = caller.externalId()
                .orElseThrow(() -> new PathGap(caller.label() + " is given no external id"));
        if (!PolicyEvaluator.evaluate(trust, withoutId.with("sts:ExternalId", externalId)).allowed()) {
            throw new PathGap("the trust of " + ml.invokerRoleArn() + " refuses " + caller.roleArn()
                    + " with the external id it was given, through " + Deployment.id(endpoint));
        }
        for (var imposter : List.of(withoutId, withoutId.with("sts:ExternalId", externalId + "-guessed"))) {
            if (PolicyEvaluator.evaluate(trust, imposter).allowed()) {
                throw new PathGap("the trust of " + ml.invokerRoleArn() + " admits " + caller.roleArn()
                        + " without the agreed external id");
            }
        }
    }

    /** Every ARN of every allowed model passes {@code decide}, or the hop names the ones that do not. */
    private static void models(MlSide ml, String who, Function<String, PolicyDecision> decide) {
        var refused = new ArrayList<String>();
        for (Map.Entry<String, List<String>> model : ml.modelArns().entrySet()) {
            model.getValue().stream().filter(arn -> !decide.apply(arn).allowed())
                    .forEach(arn -> refused.add(model.getKey() + " (" + arn + ")"));
        }
        if (!refused.isEmpty()) {
            throw new PathGap(who + " refuse " + STREAM_MODEL + " on " + String.join(", ", refused));
        }
    }
}
