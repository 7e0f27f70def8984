package com.example.bedrockstream.appinvoker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Lambda entry point: {@code com.example.bedrockstream.appinvoker.Handler::handleRequest}.
 *
 * <p>Logs sizes, timings and error types only: prompts and completions are customer data.
 */
public final class Handler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Supplier<StreamingInvoker> factory;
    // Built on the first request and kept for the container's life, so the assumed-role
    // credentials and the HTTP connections are reused across invocations.
    private volatile StreamingInvoker invoker;

    /** Used by the Lambda runtime. */
    public Handler() {
        this(() -> StreamingInvoker.create(Config.fromEnv(System.getenv())));
    }

    Handler(Supplier<StreamingInvoker> factory) {
        this.factory = factory;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        LambdaLogger log = context == null ? null : context.getLogger();
        StreamingInvoker current = invoker();
        RequestValidator.validate(event);
        try {
            StreamResult result = current.invoke(event, deadline(context));
            log(log, "invoke ok: chunks=" + result.chunks() + " textChars=" + result.text().length()
                    + " timeToFirstByteMs=" + result.timeToFirstByteMs() + " totalMs=" + result.totalMs());
            return result.toMap();
        } catch (MlFunctionException e) {
            log(log, "invoke failed: ML function errorCode=" + e.errorCode());
            throw e;
        } catch (RuntimeException e) {
            log(log, "invoke failed: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /**
     * When this function stops waiting, less the time it needs to return what it read. The ML function may run
     * longer than this one (300 s against 120 s by default), so it is told when to stop.
     */
    static final long DEADLINE_MARGIN_MS = 1500;

    private static OptionalLong deadline(Context context) {
        return context == null ? OptionalLong.empty()
                : OptionalLong.of(System.currentTimeMillis() + context.getRemainingTimeInMillis() - DEADLINE_MARGIN_MS);
    }

    // Failed construction (e.g. a missing variable) is not cached: each request reports it again.
    private StreamingInvoker invoker() {
        StreamingInvoker current = invoker;
        if (current == null) {
            synchronized (this) {
                current = invoker;
                if (current == null) {
                    current = factory.get();
                    invoker = current;
                }
            }
        }
        return current;
    }

    private static void log(LambdaLogger log, String line) {
        if (log != null) {
            log.log(line + "\n");
        }
    }
}
