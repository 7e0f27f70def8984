package com.example.bedrockstream.appinvoker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Lambda entry point: {@code com.example.bedrockstream.appinvoker.Handler::handleRequest}.
 *
 * <p>Logs sizes, timings and error types only: prompts and completions are customer data.
 *
 * <p>A canary run (an event with {@code "canary": true}, sent by the stack's schedule) streams the answer without
 * keeping it, writes the run's result as canary metrics and returns only that result. A failed run is reported, not
 * thrown: the schedule invokes asynchronously, and a thrown error would only make Lambda run the probe again.
 */
public final class Handler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Supplier<StreamingInvoker> factory;
    private final String region;
    private final CanaryMetrics canaryMetrics = CanaryMetrics.load();
    // Built on the first request and kept for the container's life, so the assumed-role
    // credentials and the HTTP connections are reused across invocations.
    private volatile StreamingInvoker invoker;

    /** Used by the Lambda runtime. */
    public Handler() {
        this(() -> StreamingInvoker.create(Config.fromEnv(System.getenv())));
    }

    /** The canary's region is the function's own, which Lambda sets as AWS_REGION. */
    Handler(Supplier<StreamingInvoker> factory) {
        this(factory, System.getenv("AWS_REGION"));
    }

    Handler(Supplier<StreamingInvoker> factory, String region) {
        this.factory = factory;
        this.region = region;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        LambdaLogger log = context == null ? null : context.getLogger();
        if (event != null && Boolean.TRUE.equals(event.get(CANARY))) {
            return canary(event, context, log);
        }
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

    /** The event field that marks a canary run; it is not sent on to the ML function. */
    static final String CANARY = "canary";

    private Map<String, Object> canary(Map<String, Object> event, Context context, LambdaLogger log) {
        long started = System.currentTimeMillis();
        Map<String, Object> request = new LinkedHashMap<>(event);
        request.remove(CANARY);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(CANARY, true);
        try {
            RequestValidator.validate(request);
            // The answer goes nowhere: only its timing matters, and nothing of it is kept or logged.
            StreamResult result = invoker().stream(request, deadline(context), text -> { });
            boolean streamed = result.timeToFirstByteMs() >= 0;
            log(log, streamed ? canaryMetrics.success(region, result.timeToFirstByteMs(), started)
                    : canaryMetrics.failure(region, started));
            log(log, "canary " + (streamed ? "ok" : "failed: no text") + ": chunks=" + result.chunks()
                    + " timeToFirstByteMs=" + result.timeToFirstByteMs() + " totalMs=" + result.totalMs());
            out.put("success", streamed);
            out.put("timeToFirstByteMs", result.timeToFirstByteMs());
            out.put("totalMs", result.totalMs());
        } catch (MlFunctionException e) {
            log(log, canaryMetrics.failure(region, started));
            log(log, "canary failed: ML function errorCode=" + e.errorCode());
            out.put("success", false);
        } catch (RuntimeException e) {
            log(log, canaryMetrics.failure(region, started));
            log(log, "canary failed: " + e.getClass().getSimpleName());
            out.put("success", false);
        }
        return out;
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
