package com.example.bedrockstream.appinvoker;

/**
 * Lambda refused the call with TooManyRequestsException after the SDK's own retries.
 * A distinct type so callers (and Step Functions retriers, which match on the error type) can back off.
 */
public class ThrottledException extends InvocationFailedException {

    ThrottledException(String message, Throwable cause) {
        super(message, cause);
    }
}
