package com.example.bedrockstream.appinvoker;

import java.util.HashMap;
import java.util.Map;

/** A complete, valid environment; tests copy it and change one thing. */
final class TestConfigs {

    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:111122223333:function:ml-stream";
    static final String ROLE_ARN = "arn:aws:iam::111122223333:role/ml-invoker";
    static final String EXTERNAL_ID = "ext-id-0123456789";

    private TestConfigs() {
    }

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("ML_FUNCTION_ARN", FUNCTION_ARN);
        env.put("INVOKER_ROLE_ARN", ROLE_ARN);
        env.put("EXTERNAL_ID", EXTERNAL_ID);
        env.put("ML_REGION", "us-east-1");
        return env;
    }

    static Config config() {
        return Config.fromEnv(env());
    }
}
