package com.example.bedrockstream.appinvoker;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** The AWS wiring, kept apart so the rest of the code can be tested without AWS. */
final class AwsClients {

    // The stream can go quiet while the model thinks; the Lambda's own timeout is the real bound.
    private static final Duration STREAM_READ_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private AwsClients() {
    }

    /**
     * Always the regional STS endpoint of the ML region: the private hosted zone covers
     * sts.&lt;region&gt;.amazonaws.com only, never the global sts.amazonaws.com.
     */
    static URI stsEndpoint(String region) {
        return URI.create("https://sts." + region + ".amazonaws.com");
    }

    /** Signs with the function's own execution-role credentials (the default chain). STS_ENDPOINT exists for tests. */
    static StsClient stsClient(Config config) {
        return StsClient.builder()
                .region(Region.of(config.mlRegion()))
                .endpointOverride(config.stsEndpoint().orElseGet(() -> stsEndpoint(config.mlRegion())))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT))
                .build();
    }

    /**
     * Caches the assumed-role credentials and refreshes them before they expire. Refresh runs on the
     * calling thread: a background refresher would be frozen between invocations in Lambda.
     */
    static StsAssumeRoleCredentialsProvider credentialsProvider(StsClient sts, Config config) {
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(r -> r
                        .roleArn(config.invokerRoleArn())
                        .externalId(config.externalId())
                        .roleSessionName(config.roleSessionName()))
                .build();
    }

    /**
     * The default endpoint lambda.&lt;region&gt;.amazonaws.com already resolves to the hub's interface
     * endpoint through the private hosted zone; LAMBDA_ENDPOINT exists for tests.
     */
    static LambdaAsyncClient lambdaClient(Config config, AwsCredentialsProvider credentials) {
        LambdaAsyncClientBuilder builder = LambdaAsyncClient.builder()
                .region(Region.of(config.mlRegion()))
                .credentialsProvider(credentials)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .readTimeout(STREAM_READ_TIMEOUT));
        config.lambdaEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
