package com.example.bedrockstream;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppTest {
    private static final String ENGINE_LOGGER = "com.pulumi.deployment.internal.DeploymentImpl$DefaultEngineLogger";

    @Test
    void aMessageSentToTheEngineIsNotPrintedAgainOnStderr() {
        App.sayEachMessageOnce();
        assertFalse(App.ENGINE_LOG_ECHO.getFilter().isLoggable(record(ENGINE_LOGGER, "errorAsync")));
        assertFalse(App.ENGINE_LOG_ECHO.getFilter().isLoggable(record(ENGINE_LOGGER, "warnAsync")));
    }

    @Test
    void whatNeverReachesTheEngineStillPrints() {
        App.sayEachMessageOnce();
        assertTrue(App.ENGINE_LOG_ECHO.getFilter().isLoggable(record(ENGINE_LOGGER, "logImplAsync")));
        assertTrue(App.ENGINE_LOG_ECHO.getFilter().isLoggable(
                record("com.pulumi.deployment.internal.DeploymentImpl", "registerResource")));
    }

    private static LogRecord record(String sourceClass, String sourceMethod) {
        var record = new LogRecord(Level.SEVERE, "Stack 'ml-use1' has 1 configuration problem; nothing was created");
        record.setSourceClassName(sourceClass);
        record.setSourceMethodName(sourceMethod);
        return record;
    }
}
