package com.example.bedrockstream.config;

import com.example.bedrockstream.Program;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.domain.Cidr;
import com.example.bedrockstream.domain.ConfigProblem;
import com.example.bedrockstream.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configured zone that does not offer one of the stack's endpoint services stops the stack before anything exists. */
class EndpointZonesTest {

    @Test
    void aHubZoneWithoutTheLambdaEndpointServiceIsRefused() {
        var engine = Stacks.engine();
        engine.publish(engine.run("ml-use1", Stacks.SECRETS));
        engine.offerEndpointService("com.amazonaws.us-east-1.lambda", List.of("us-east-1a", "us-east-1c"));
        Stacks.assertRefused(engine.run("app-use1", Map.of()),
                "bedrock-stream:availabilityZones = [us-east-1a, us-east-1b]: expected zones that offer "
                        + "com.amazonaws.us-east-1.lambda, but [us-east-1b] does not in account 111122223333; it is "
                        + "offered in [us-east-1a, us-east-1c]");
    }

    @Test
    void anMlZoneWithoutTheBedrockEndpointServiceIsRefused() {
        var engine = Stacks.engine().offerEndpointService("com.amazonaws.us-east-1.bedrock-runtime",
                List.of("us-east-1b", "us-east-1c"));
        Stacks.assertRefused(engine.run("ml-use1", Stacks.SECRETS),
                "expected zones that offer com.amazonaws.us-east-1.bedrock-runtime, but [us-east-1a] does not");
    }

    @Test
    void aHubZoneWithoutTheNotebookEndpointServiceIsRefusedWhileItsPrivateAccessIsOn() {
        var engine = Stacks.engine();
        engine.publish(engine.run("ml-use1", Stacks.SECRETS));
        engine.offerEndpointService("aws.sagemaker.us-east-1.notebook", List.of("us-east-1a", "us-east-1c"));
        Stacks.assertRefused(engine.run("app-use1", Map.of()),
                "bedrock-stream:availabilityZones = [us-east-1a, us-east-1b]: expected zones that offer "
                        + "aws.sagemaker.us-east-1.notebook, but [us-east-1b] does not in account 111122223333");
        var off = engine.run("app-use1", Map.of(Stacks.NS + "notebookPrivateAccess", "false"), Map.of(),
                ctx -> Program.run(ctx, new LambdaArtifacts(engine.files().root())));
        assertTrue(off.succeeded(), "switched off, the stack asks for no notebook endpoint: " + off.errorText());
    }

    @Test
    void aSpokeZoneWithoutTheSageMakerApiOrLogsServiceIsRefusedForItsNotebook() {
        var chain = Stacks.spoke();
        var engine = chain.engine();
        engine.offerEndpointService("com.amazonaws.ap-southeast-1.sagemaker.api", List.of("ap-southeast-1a"));
        engine.offerEndpointService("com.amazonaws.ap-southeast-1.logs", List.of("ap-southeast-1b"));
        Stacks.assertRefused(engine.run("app-apse1", Map.of()),
                "expected zones that offer com.amazonaws.ap-southeast-1.sagemaker.api, but [ap-southeast-1b] does not",
                "expected zones that offer com.amazonaws.ap-southeast-1.logs, but [ap-southeast-1a] does not");
        var withoutNotebook = engine.run("app-apse1", Map.of(Stacks.NS + "notebookEnabled", "false"), Map.of(),
                ctx -> Program.run(ctx, new LambdaArtifacts(engine.files().root())));
        assertTrue(withoutNotebook.succeeded(), withoutNotebook.errorText());
    }

    @Test
    void zonesThatOfferEveryServiceDeploy() {
        var engine = Stacks.engine().offerEndpointService("com.amazonaws.us-east-1.bedrock-runtime",
                List.of("us-east-1a", "us-east-1b"));
        var run = engine.run("ml-use1", Stacks.SECRETS);
        assertTrue(run.succeeded(), run.errorText());
    }

    /** Credentials of another account fail every look-up the same way: said once, with the provider's reason. */
    @Test
    void aLookUpFailingForEveryServiceIsOneProblemWithAwsReason() {
        var common = new CommonSettings("app-use1", Role.APP_HUB, "us-east-1", "111122223333",
                Cidr.parse("10.20.0.0/22").orElseThrow(), List.of("us-east-1a", "us-east-1b"), 90, null);
        var problems = EndpointZones.problems(common,
                List.of("com.amazonaws.us-east-1.sts", "com.amazonaws.us-east-1.lambda"),
                service -> EndpointZones.Offer.failed("AWS account ID not allowed: 999988887777"));
        assertEquals(List.of("zones that offer com.amazonaws.us-east-1.sts, com.amazonaws.us-east-1.lambda, but AWS"
                + " could not be asked which do (ec2:DescribeVpcEndpointServices): AWS account ID not allowed:"
                + " 999988887777; check the credentials and the region"), problems.stream().map(ConfigProblem::expected).toList());
    }
}
