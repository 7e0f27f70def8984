package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.contract.NotebookAccessOutputs;
import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.example.bedrockstream.offline.AwsTypes.POLICY;

/**
 * Proves, from the resources and exports of every stack, how a user opens each notebook: the policy the stack exports
 * for its users, the VPC's SageMaker API and notebook endpoints that policy names, who those endpoints admit, what
 * their policies let through, and the notebook's own private way to CloudWatch Logs. The AWS names are written here
 * as AWS documents them, not taken from the program, so a wrong name in the program fails a hop.
 */
final class NotebookUserProof {
    private static final String PRESIGNED_URL = "sagemaker:CreatePresignedNotebookInstanceUrl";
    private static final String PUT_LOGS = "logs:PutLogEvents";
    /** An endpoint of some other VPC, and a principal of some other account: both must be kept out. */
    private static final String ELSEWHERE_VPCE = "vpce-0a1b2c3d4e5f60718";
    private static final String OTHER_ACCOUNT = "999988887777";
    private static final List<String> PRIVATE_BLOCKS = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    private NotebookUserProof() {
    }

    /** In deploy order, one path per notebook of every stack. */
    static List<NotebookUserPath> evaluate(List<OfflineRun> runsInDeployOrder) {
        var deployment = new Deployment(runsInDeployOrder);
        var paths = new ArrayList<NotebookUserPath>();
        for (OfflineRun run : runsInDeployOrder) {
            for (MockResource notebook : run.ofType(AwsTypes.NOTEBOOK)) {
                paths.add(prove(deployment, run, Notebook.of(deployment, notebook)));
            }
        }
        return paths;
    }

    /** One notebook as the proof sees it: where it lives, and the names AWS gives it and its services. */
    private record Notebook(MockResource instance, String arn, String region, String account, String vpc,
                            Client client) {
        static Notebook of(Deployment deployment, MockResource instance) {
            String arn = Deployment.text(instance, "arn").orElseThrow();
            String subnet = Deployment.text(instance, "subnetId")
                    .orElseThrow(() -> new PathGap(instance.name() + " is in no subnet"));
            return new Notebook(instance, arn, arn.split(":")[3], arn.split(":")[4], deployment.vpcOf(subnet),
                    new Client(instance.name(), List.of(subnet), Deployment.texts(instance, "securityGroups")));
        }

        String apiService() {
            return EndpointService.SAGEMAKER_API.serviceName(region);
        }

        String notebookService() {
            return EndpointService.SAGEMAKER_NOTEBOOK.serviceName(region);
        }

        /** Any other notebook of the account: the name is this one's with a suffix, so a wildcard would admit it. */
        String otherNotebookArn() {
            return arn + "-other";
        }
    }

    private static NotebookUserPath prove(Deployment deployment, OfflineRun run, Notebook notebook) {
        var hops = new ArrayList<HopResult>();
        hops.add(HopResult.proving(NotebookUserHop.USER_POLICY, () -> userPolicy(deployment, run, notebook)));
        hops.add(HopResult.proving(NotebookUserHop.API_DNS, () -> answers(deployment, notebook,
                endpoint(deployment, notebook, notebook.apiService()),
                EndpointService.SAGEMAKER_API.hostName(notebook.region()))));
        hops.add(HopResult.proving(NotebookUserHop.NOTEBOOK_DNS, () -> answers(deployment, notebook,
                endpoint(deployment, notebook, notebook.notebookService()), Deployment.text(notebook.instance(), "url")
                        .orElseThrow(() -> new PathGap(notebook.instance().name() + " has no URL")))));
        hops.add(HopResult.proving(NotebookUserHop.ADMISSION, () -> {
            for (String service : List.of(notebook.apiService(), notebook.notebookService())) {
                admitsTheVpcOnly(deployment, notebook, endpoint(deployment, notebook, service));
            }
        }));
        hops.add(HopResult.proving(NotebookUserHop.ENDPOINT_POLICIES, () -> {
            for (String service : List.of(notebook.apiService(), notebook.notebookService())) {
                endpointPolicy(notebook, endpoint(deployment, notebook, service));
            }
        }));
        hops.add(HopResult.proving(NotebookUserHop.NOTEBOOK_LOGS, () -> logs(deployment, notebook)));
        return new NotebookUserPath(run.stack(), notebook.instance().name(), hops);
    }

    private static MockResource endpoint(Deployment deployment, Notebook notebook, String service) {
        return deployment.where(AwsTypes.ENDPOINT, "serviceName", service).stream()
                .filter(e -> Deployment.text(e, "vpcId").filter(notebook.vpc()::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> new PathGap("no " + service + " endpoint in VPC " + notebook.vpc() + " of "
                        + notebook.instance().name()));
    }

    /**
     * A user given every policy the notebook's stack exports: the presigned URL through the API endpoint, Jupyter
     * through the notebook endpoint, an explicit deny from anywhere else (which no other grant of the user can
     * override), and nothing for another notebook.
     */
    private static void userPolicy(Deployment deployment, OfflineRun run, Notebook notebook) {
        var arns = NotebookAccessOutputs.USER_POLICY_ARNS.cast(run.outputs().get(NotebookAccessOutputs.USER_POLICY_ARNS
                .name())).orElse(List.of());
        var documents = deployment.all(POLICY).stream()
                .filter(p -> Deployment.text(p, "arn").filter(arns::contains).isPresent())
                .map(p -> Deployment.text(p, "policy").orElse("{}"))
                .toList();
        if (documents.isEmpty()) {
            throw new PathGap(run.stack() + " exports no notebook user policy (" + NotebookAccessOutputs.USER_POLICY_ARNS
                    + " = " + arns + ")");
        }
        String api = Deployment.id(endpoint(deployment, notebook, notebook.apiService()));
        String jupyter = Deployment.id(endpoint(deployment, notebook, notebook.notebookService()));
        var url = PolicyRequest.of(PRESIGNED_URL, notebook.arn());
        String exported = "the exported policies " + arns;
        if (!decide(documents, url.with("aws:SourceVpce", api)).allowed()) {
            throw new PathGap(exported + " do not allow " + PRESIGNED_URL + " through the sagemaker.api endpoint " + api);
        }
        if (!decide(documents, url.with("aws:SourceVpce", jupyter)).allowed()) {
            throw new PathGap(exported + " do not allow opening " + notebook.instance().name()
                    + " through the notebook endpoint " + jupyter);
        }
        for (var outside : List.of(url, url.with("aws:SourceVpce", ELSEWHERE_VPCE))) {
            if (decide(documents, outside) != PolicyDecision.EXPLICIT_DENY) {
                throw new PathGap(exported + " do not deny " + PRESIGNED_URL + " " + outside.value("aws:SourceVpce")
                        .map(v -> "through another endpoint " + v.get(0)).orElse("through the public endpoint")
                        + ", so any other SageMaker grant of the user opens the notebook outside the VPC");
            }
        }
        if (decide(documents, PolicyRequest.of(PRESIGNED_URL, notebook.otherNotebookArn()).with("aws:SourceVpce", api))
                .allowed()) {
            throw new PathGap(exported + " also open " + notebook.otherNotebookArn());
        }
    }

    /** Policies attached together, as IAM reads them: an explicit deny in any wins, otherwise an allow in any allows. */
    private static PolicyDecision decide(List<String> documents, PolicyRequest request) {
        boolean allowed = false;
        for (String document : documents) {
            var decision = PolicyEvaluator.evaluate(document, request);
            if (decision == PolicyDecision.EXPLICIT_DENY) {
                return decision;
            }
            allowed |= decision.allowed();
        }
        return allowed ? PolicyDecision.ALLOW : PolicyDecision.IMPLICIT_DENY;
    }

    /** Private DNS answers {@code name} in the notebook's VPC with this endpoint. */
    private static void answers(Deployment deployment, Notebook notebook, MockResource endpoint, String name) {
        var vpc = deployment.byId(AwsTypes.VPC, notebook.vpc())
                .orElseThrow(() -> new PathGap("VPC " + notebook.vpc() + " is not among the resources"));
        for (String flag : new String[] {"enableDnsSupport", "enableDnsHostnames"}) {
            if (Deployment.value(vpc, flag).filter(Boolean.TRUE::equals).isEmpty()) {
                throw new PathGap("VPC " + notebook.vpc() + " does not set " + flag + ", so private DNS answers nothing");
            }
        }
        if (Deployment.value(endpoint, "privateDnsEnabled").filter(Boolean.TRUE::equals).isEmpty()) {
            throw new PathGap(endpoint.name() + " has private DNS off, so " + name + " resolves to the public endpoint");
        }
        boolean answered = Deployment.maps(endpoint, "dnsEntries").stream()
                .map(entry -> String.valueOf(entry.get("dnsName")))
                .anyMatch(entry -> Wildcard.matches(entry, name, true));
        if (!answered) {
            throw new PathGap(endpoint.name() + "'s DNS names do not answer " + name);
        }
    }

    /** Users inside the VPC (the notebook among them) get in; a public block would let the internet knock. */
    private static void admitsTheVpcOnly(Deployment deployment, Notebook notebook, MockResource endpoint) {
        String block = deployment.byId(AwsTypes.VPC, notebook.vpc()).flatMap(v -> Deployment.text(v, "cidrBlock"))
                .orElseThrow(() -> new PathGap("VPC " + notebook.vpc() + " has no block"));
        var groups = Deployment.texts(endpoint, "securityGroupIds");
        var blocks = SecurityGroups.httpsRules(deployment, AwsTypes.INGRESS_RULE, groups).stream()
                .flatMap(rule -> Deployment.text(rule, "cidrIpv4").stream()).toList();
        if (blocks.stream().noneMatch(admitted -> Blocks.contains(admitted, block))) {
            throw new PathGap(endpoint.name() + "'s groups " + groups + " admit no 443 from the VPC's block " + block
                    + " (they admit " + blocks + ")");
        }
        Optional<String> open = blocks.stream()
                .filter(admitted -> PRIVATE_BLOCKS.stream().noneMatch(p -> Blocks.contains(p, admitted)))
                .findFirst();
        if (open.isPresent()) {
            throw new PathGap(endpoint.name() + "'s groups " + groups + " admit 443 from " + open.get()
                    + ", which is not private address space");
        }
    }

    /** The endpoint admits a user of the notebook's account to this notebook, and neither another account nor notebook. */
    private static void endpointPolicy(Notebook notebook, MockResource endpoint) {
        String user = "arn:aws:iam::" + notebook.account() + ":user/notebook-user";
        String outsider = "arn:aws:iam::" + OTHER_ACCOUNT + ":user/notebook-user";
        if (!Authorization.throughEndpoint(endpoint, request(notebook.arn(), user)).allowed()) {
            throw new PathGap("the policy of " + endpoint.name() + " refuses " + PRESIGNED_URL + " on " + notebook.arn()
                    + " by " + user);
        }
        if (Authorization.throughEndpoint(endpoint, request(notebook.arn(), outsider)).allowed()) {
            throw new PathGap("the policy of " + endpoint.name() + " admits " + outsider + " of another account");
        }
        if (Authorization.throughEndpoint(endpoint, request(notebook.otherNotebookArn(), user)).allowed()) {
            throw new PathGap("the policy of " + endpoint.name() + " admits " + notebook.otherNotebookArn());
        }
    }

    private static PolicyRequest request(String notebookArn, String principal) {
        return PolicyRequest.of(PRESIGNED_URL, notebookArn).by(principal).with("aws:PrincipalArn", principal);
    }

    /**
     * The instance's lifecycle logs go to "/aws/sagemaker/NotebookInstances", stream
     * "[notebook-instance-name]/[LifecycleConfigHook]", through the Logs endpoint its VPC answers logs with.
     */
    private static void logs(Deployment deployment, Notebook notebook) {
        MockResource endpoint = NameResolution.resolve(deployment, notebook.client(), EndpointService.LOGS, notebook.region());
        SecurityGroups.allow(deployment, notebook.client(), endpoint);
        String name = Deployment.text(notebook.instance(), "name").orElse(notebook.instance().name());
        String stream = "arn:aws:logs:" + notebook.region() + ":" + notebook.account()
                + ":log-group:/aws/sagemaker/NotebookInstances:log-stream:" + name + "/LifecycleConfigOnCreate";
        String role = Deployment.text(notebook.instance(), "roleArn")
                .orElseThrow(() -> new PathGap(notebook.instance().name() + " has no role"));
        if (!Authorization.throughEndpoint(endpoint, PolicyRequest.of(PUT_LOGS, stream).by(role)
                .with("aws:PrincipalArn", role)).allowed()) {
            throw new PathGap("the policy of " + endpoint.name() + " refuses " + PUT_LOGS + " on " + stream + " by "
                    + role);
        }
        if (!Authorization.byRole(deployment, role, PolicyRequest.of(PUT_LOGS, stream)).allowed()) {
            throw new PathGap("the policies of " + role + " do not allow " + PUT_LOGS + " on " + stream);
        }
    }
}
