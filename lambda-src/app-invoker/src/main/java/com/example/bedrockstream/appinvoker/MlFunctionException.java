package com.example.bedrockstream.appinvoker;

/** The ML function ran but ended with a function error, reported in InvokeComplete. */
public class MlFunctionException extends RuntimeException {

    private final String errorCode;
    private final String errorDetails;

    MlFunctionException(String errorCode, String errorDetails) {
        super("ML function failed: errorCode=" + errorCode + ", errorDetails=" + errorDetails);
        this.errorCode = errorCode;
        this.errorDetails = errorDetails;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorDetails() {
        return errorDetails;
    }
}
