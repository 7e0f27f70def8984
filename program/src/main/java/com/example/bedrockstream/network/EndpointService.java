package com.example.bedrockstream.network;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every AWS service the stacks reach through an interface endpoint, declared once: its service name in a region,
 * the name its clients resolve, and who answers that name inside a VPC. The endpoints, the hub's private zones, the
 * zone check (through {@code Role}, which lists the services each role places) and the offline preview's model of
 * AWS all read this table.
 */
public enum EndpointService {
    /** The ML stack's only door: the ML function's way to Bedrock. */
    BEDROCK_RUNTIME("com.amazonaws.%s.bedrock-runtime", "bedrock-runtime.%s.amazonaws.com", Dns.PRIVATE_DNS),
    /** The hub's door for callers' AssumeRole; spokes resolve it through the hub's zone. */
    STS("com.amazonaws.%s.sts", "sts.%s.amazonaws.com", Dns.PRIVATE_ZONE),
    /** The hub's door for InvokeWithResponseStream on the ML function; spokes resolve it through the hub's zone. */
    LAMBDA("com.amazonaws.%s.lambda", "lambda.%s.amazonaws.com", Dns.PRIVATE_ZONE),
    /** A notebook user's presigned URL. */
    SAGEMAKER_API("com.amazonaws.%s.sagemaker.api", "api.sagemaker.%s.amazonaws.com", Dns.PRIVATE_DNS),
    /** Jupyter in the browser; unlike most AWS services, named under "aws.sagemaker" and answering every notebook. */
    SAGEMAKER_NOTEBOOK("aws.sagemaker.%s.notebook", "*.notebook.%s.sagemaker.aws", Dns.PRIVATE_DNS),
    /** The notebook instance's lifecycle logs. */
    LOGS("com.amazonaws.%s.logs", "logs.%s.amazonaws.com", Dns.PRIVATE_DNS);

    /** Who answers the service's own name inside a VPC. */
    public enum Dns {
        /** AWS's private zone of the endpoint: this VPC only. */
        PRIVATE_DNS,
        /** Our own private hosted zone aliasing the endpoint, which other VPCs (the spokes') can be associated with. */
        PRIVATE_ZONE
    }

    /** A notebook's private way in, placed in the notebook's own VPC when its stack has it on. */
    public static final List<EndpointService> NOTEBOOK_ACCESS = List.of(SAGEMAKER_API, SAGEMAKER_NOTEBOOK, LOGS);

    private final String serviceNameFormat;
    private final String hostNameFormat;
    private final Dns dns;

    EndpointService(String serviceNameFormat, String hostNameFormat, Dns dns) {
        this.serviceNameFormat = serviceNameFormat;
        this.hostNameFormat = hostNameFormat;
        this.dns = dns;
    }

    /** What an endpoint names the service by, e.g. com.amazonaws.us-east-1.sts. */
    public String serviceName(String region) {
        return serviceNameFormat.formatted(region);
    }

    /** The regional name clients call, e.g. sts.us-east-1.amazonaws.com; a wildcard where it answers many hosts. */
    public String hostName(String region) {
        return hostNameFormat.formatted(region);
    }

    /** What follows the region in the service name: "sts", "bedrock-runtime", "sagemaker.api". */
    public String label() {
        return serviceNameFormat.substring(serviceNameFormat.indexOf("%s.") + 3);
    }

    public Dns dns() {
        return dns;
    }

    /** Whether the endpoint turns on AWS's private DNS for the service name. */
    public boolean privateDns() {
        return dns == Dns.PRIVATE_DNS;
    }

    /** The table's service behind an endpoint's service name in {@code region}. */
    public static Optional<EndpointService> ofServiceName(String serviceName, String region) {
        return Arrays.stream(values()).filter(s -> s.serviceName(region).equals(serviceName)).findFirst();
    }
}
