package com.example.bedrockstream.preflight;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The SDK clients the preflight and verify commands use, all with one set of credentials and the JDK's HTTP client.
 * The deploying credentials and AWS's own endpoints by default; the tests point each service at a local emulator.
 */
public final class AwsClients {
    private final AwsCredentialsProvider credentials;
    /** Service (sts, lambda, bedrock, iam, ec2, monitoring, servicequotas, sagemaker) to the endpoint to use. */
    private final Map<String, URI> endpoints;
    /** Added to every request: the tests name the emulated account with it. */
    private final Map<String, String> headers;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();

    public AwsClients(AwsCredentialsProvider credentials, Map<String, URI> endpoints, Map<String, String> headers) {
        this.credentials = credentials;
        this.endpoints = Map.copyOf(endpoints);
        this.headers = Map.copyOf(headers);
    }

    /** The credentials the SDK finds (environment, profile, web identity, ...), AWS's endpoints. */
    public static AwsClients deploying() {
        return new AwsClients(DefaultCredentialsProvider.builder().build(), Map.of(), Map.of());
    }

    public StsClient sts(String region) {
        return build(StsClient.builder(), "sts", region, http);
    }

    public LambdaClient lambda(String region) {
        return build(LambdaClient.builder(), "lambda", region, http);
    }

    /**
     * For synchronous invocations: Lambda answers only when the function returns, so the socket must wait as long
     * as the function may run ({@code answerWithin}) rather than the client's default 30 s.
     */
    public LambdaClient lambda(String region, Duration answerWithin) {
        return build(LambdaClient.builder(), "lambda", region,
                UrlConnectionHttpClient.builder().socketTimeout(answerWithin).build());
    }

    public BedrockClient bedrock(String region) {
        return build(BedrockClient.builder(), "bedrock", region, http);
    }

    /** IAM is global: its one endpoint is signed for aws-global. */
    public IamClient iam() {
        return build(IamClient.builder(), "iam", Region.AWS_GLOBAL.id(), http);
    }

    public Ec2Client ec2(String region) {
        return build(Ec2Client.builder(), "ec2", region, http);
    }

    /** CloudWatch through its JSON protocol (SignedJsonCall says why not the SDK's client). */
    public SignedJsonCall cloudWatch(String region) {
        return json("monitoring", "https://monitoring." + region + ".amazonaws.com", "GraniteServiceVersion20100801",
                region, "1.0");
    }

    SignedJsonCall serviceQuotas(String region) {
        return json("servicequotas", "https://servicequotas." + region + ".amazonaws.com", "ServiceQuotasV20190624",
                region, "1.1");
    }

    SignedJsonCall sageMaker(String region) {
        return json("sagemaker", "https://api.sagemaker." + region + ".amazonaws.com", "SageMaker", region, "1.1");
    }

    private SignedJsonCall json(String service, String awsEndpoint, String targetPrefix, String region,
                                String jsonVersion) {
        return new SignedJsonCall(http, credentials, headers, endpoints.getOrDefault(service, URI.create(awsEndpoint)),
                service, targetPrefix, region, jsonVersion);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String service,
                                                                                        String region,
                                                                                        SdkHttpClient client) {
        var override = ClientOverrideConfiguration.builder();
        headers.forEach(override::putHeader);
        builder.region(Region.of(region)).credentialsProvider(credentials).httpClient(client)
                .overrideConfiguration(override.build());
        var endpoint = endpoints.get(service);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
