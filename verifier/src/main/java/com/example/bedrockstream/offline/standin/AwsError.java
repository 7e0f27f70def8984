package com.example.bedrockstream.offline.standin;

import io.grpc.Status;

/**
 * A refusal the way AWS words it (e.g. "InvalidVpcID.NotFound: The vpc ID 'vpc-…' does not exist"), and the gRPC
 * status it reaches the engine with. Refusals use codes the engine reads as "nothing happened" (not UNKNOWN or
 * INTERNAL, which it reads as a resource in an unknown state).
 */
final class AwsError extends RuntimeException {
    private final Status.Code code;

    private AwsError(Status.Code code, String message) {
        super(message);
        this.code = code;
    }

    /** The call cannot succeed in the cloud's current state: a missing dependency, a dependent object. */
    static AwsError refused(String message) {
        return new AwsError(Status.Code.FAILED_PRECONDITION, message);
    }

    /** The request itself is wrong: configuration, a data source's arguments. */
    static AwsError invalid(String message) {
        return new AwsError(Status.Code.INVALID_ARGUMENT, message);
    }

    Status status() {
        return Status.fromCode(code).withDescription(getMessage());
    }
}
