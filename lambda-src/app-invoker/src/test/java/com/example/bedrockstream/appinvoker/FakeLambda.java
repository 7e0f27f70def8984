package com.example.bedrockstream.appinvoker;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;

/** Makes a mocked LambdaAsyncClient drive the response handler the way the SDK does. */
final class FakeLambda {

    private FakeLambda() {
    }

    static void streams(LambdaAsyncClient mock, InvokeWithResponseStreamResponseEvent... events) {
        when(mock.invokeWithResponseStream(any(InvokeWithResponseStreamRequest.class),
                any(InvokeWithResponseStreamResponseHandler.class)))
                .thenAnswer(call -> {
                    InvokeWithResponseStreamResponseHandler handler = call.getArgument(1);
                    handler.responseReceived(InvokeWithResponseStreamResponse.builder().statusCode(200).build());
                    handler.onEventStream(SdkPublisher.adapt(new ListPublisher<>(List.of(events))));
                    handler.complete();
                    return CompletableFuture.completedFuture(null);
                });
    }

    static void fails(LambdaAsyncClient mock, Throwable error) {
        when(mock.invokeWithResponseStream(any(InvokeWithResponseStreamRequest.class),
                any(InvokeWithResponseStreamResponseHandler.class)))
                .thenAnswer(call -> {
                    InvokeWithResponseStreamResponseHandler handler = call.getArgument(1);
                    handler.exceptionOccurred(error);
                    return CompletableFuture.failedFuture(error);
                });
    }

    /** Emits a fixed list, honouring demand, and completes. */
    private static final class ListPublisher<T> implements Publisher<T> {
        private final List<T> items;

        ListPublisher(List<T> items) {
            this.items = items;
        }

        @Override
        public void subscribe(Subscriber<? super T> subscriber) {
            subscriber.onSubscribe(new Subscription() {
                private int next;
                private long demand;
                private boolean emitting;
                private boolean done;

                @Override
                public void request(long n) {
                    demand += n;
                    if (emitting) {
                        return; // re-entrant request from onNext: the loop below picks it up
                    }
                    emitting = true;
                    while (demand > 0 && next < items.size()) {
                        demand--;
                        subscriber.onNext(items.get(next++));
                    }
                    if (next == items.size() && !done) {
                        done = true;
                        subscriber.onComplete();
                    }
                    emitting = false;
                }

                @Override
                public void cancel() {
                    done = true;
                    next = items.size();
                }
            });
        }
    }
}
