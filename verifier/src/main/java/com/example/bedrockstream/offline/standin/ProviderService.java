package com.example.bedrockstream.offline.standin;

import com.example.bedrockstream.offline.CloudModel;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import pulumirpc.Plugin.PluginAttach;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.GetSchemaResponse;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;
import pulumirpc.Provider.ProviderHandshakeRequest;
import pulumirpc.Provider.ProviderHandshakeResponse;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;
import pulumirpc.ResourceProviderGrpc;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's side of one stand-in AWS provider: the resource provider protocol (pulumi/proto provider.proto)
 * over {@link StandInCloud}. The engine starts one process per provider (default or explicit), so one process
 * has one configuration. RPCs left to the base class answer UNIMPLEMENTED: GetMapping(s), which the engine reads
 * as "no mapping", and Parameterize, Call, Construct and List, for parameterized packages, components and
 * queries, which this program has none of.
 */
final class ProviderService extends ResourceProviderGrpc.ResourceProviderImplBase {
    private final StandInSettings settings;
    private final StandInCloud cloud;
    private final CloudModel model;
    private volatile ProviderConfig config;

    ProviderService(StandInSettings settings) {
        this.settings = settings;
        this.cloud = new StandInCloud(new CloudStore(settings.cloudDir()), settings.acceptance());
        this.model = new CloudModel(settings.account().orElse(""));
    }

    @Override
    public void handshake(ProviderHandshakeRequest request, StreamObserver<ProviderHandshakeResponse> observer) {
        answer(observer, () -> ProviderHandshakeResponse.newBuilder().setAcceptSecrets(true).setAcceptResources(true)
                .build());
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> observer) {
        answer(observer, () -> PluginInfo.newBuilder().setVersion(settings.version()).build());
    }

    /** A package with no resources of its own to describe: the program uses the published SDK's. */
    @Override
    public void getSchema(GetSchemaRequest request, StreamObserver<GetSchemaResponse> observer) {
        answer(observer, () -> GetSchemaResponse.newBuilder()
                .setSchema("{\"name\":\"aws\",\"version\":\"" + settings.version() + "\"}").build());
    }

    @Override
    public void attach(PluginAttach request, StreamObserver<Empty> observer) {
        answer(observer, Empty::getDefaultInstance);
    }

    /** Nothing runs long enough to stop, but the accepter's wait, which ends by itself. */
    @Override
    public void cancel(Empty request, StreamObserver<Empty> observer) {
        answer(observer, Empty::getDefaultInstance);
    }

    @Override
    public void checkConfig(CheckRequest request, StreamObserver<CheckResponse> observer) {
        answer(observer, () -> CheckResponse.newBuilder().setInputs(request.getNews()).build());
    }

    /** A provider's settings all change in place: a new region or account list only applies from then on. */
    @Override
    public void diffConfig(DiffRequest request, StreamObserver<DiffResponse> observer) {
        answer(observer, () -> InputDiff.of(null, oldInputs(request), Structs.toMap(request.getNews()),
                request.getIgnoreChangesList()));
    }

    @Override
    public void configure(ConfigureRequest request, StreamObserver<ConfigureResponse> observer) {
        answer(observer, () -> {
            var configured = ProviderConfig.of(request.getVariablesMap(), Structs.toMap(request.getArgs()));
            configured.admit(account());
            config = configured;
            return ConfigureResponse.newBuilder().setAcceptSecrets(true).setSupportsPreview(true)
                    .setAcceptResources(true).build();
        });
    }

    @Override
    public void invoke(InvokeRequest request, StreamObserver<InvokeResponse> observer) {
        answer(observer, () -> InvokeResponse.newBuilder().setReturn(Structs.toStruct(DataSources.invoke(
                request.getTok(), Values.plain(Structs.toMap(request.getArgs())), configured().region(), account())))
                .build());
    }

    @Override
    public void check(CheckRequest request, StreamObserver<CheckResponse> observer) {
        answer(observer, () -> CheckResponse.newBuilder().setInputs(request.getNews()).build());
    }

    @Override
    public void diff(DiffRequest request, StreamObserver<DiffResponse> observer) {
        answer(observer, () -> InputDiff.of(typeOf(request.getType(), request.getUrn()), oldInputs(request),
                Structs.toMap(request.getNews()), request.getIgnoreChangesList()));
    }

    /** In a preview, what the resource would be, and nothing stored. */
    @Override
    public void create(CreateRequest request, StreamObserver<CreateResponse> observer) {
        answer(observer, () -> {
            String type = typeOf(request.getType(), request.getUrn());
            String region = configured().region();
            var inputs = Structs.toMap(request.getProperties());
            var computed = ComputedOutputs.of(model, type, nameOf(request.getName(), request.getUrn()), inputs, region);
            if (!request.getPreview()) {
                cloud.create(CloudEntry.of(type, request.getUrn(), region, account(), inputs, computed));
                log("created " + type + " " + computed.id());
            }
            return CreateResponse.newBuilder().setId(computed.id()).setProperties(Structs.toStruct(computed.outputs()))
                    .build();
        });
    }

    /** A resource that is gone answers an empty id, which tells the engine so. */
    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> observer) {
        answer(observer, () -> cloud.read(typeOf(request.getType(), request.getUrn()), request.getId(), request.getUrn())
                .map(entry -> ReadResponse.newBuilder().setId(entry.id())
                        .setProperties(restored(entry.outputs(), request.getProperties()))
                        .setInputs(restored(entry.inputs(), request.getInputs()))
                        .build())
                .orElse(ReadResponse.getDefaultInstance()));
    }

    @Override
    public void update(UpdateRequest request, StreamObserver<UpdateResponse> observer) {
        answer(observer, () -> {
            String type = typeOf(request.getType(), request.getUrn());
            String region = configured().region();
            var inputs = Structs.toMap(request.getNews());
            var computed = ComputedOutputs.of(model, type, nameOf(request.getName(), request.getUrn()), inputs, region)
                    .keeping(request.getId());
            if (!request.getPreview()) {
                cloud.update(CloudEntry.of(type, request.getUrn(), region, account(), inputs, computed));
                log("updated " + type + " " + request.getId());
            }
            return UpdateResponse.newBuilder().setProperties(Structs.toStruct(computed.outputs())).build();
        });
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<Empty> observer) {
        answer(observer, () -> {
            String type = typeOf(request.getType(), request.getUrn());
            cloud.delete(type, request.getId(), request.getUrn());
            log("deleted " + type + " " + request.getId());
            return Empty.getDefaultInstance();
        });
    }

    private ProviderConfig configured() {
        var current = config;
        if (current == null) {
            throw AwsError.invalid("the stand-in AWS provider was not configured");
        }
        return current;
    }

    /** The credentials' account; without one the AWS provider fails as it does without credentials. */
    private String account() {
        return settings.account().orElseThrow(() -> AwsError.invalid(
                "No valid credential sources found (the stand-in reads the account from " + StandInSettings.ACCOUNT + ")"));
    }

    /** The stored properties, their secrets taken from the engine's copy (see {@link Values#restored}). */
    private static Struct restored(Map<String, Object> stored, Struct enginesCopy) {
        return Structs.toStruct(Values.restored(stored, Structs.toMap(enginesCopy)));
    }

    /** What the resource was last given: the engine sends its old inputs, and only its outputs when it has none. */
    private static Map<String, Object> oldInputs(DiffRequest request) {
        return Structs.toMap(request.hasOldInputs() ? request.getOldInputs() : request.getOlds());
    }

    /** The engine names the type; an older one only the URN, "urn:pulumi:stack::project::[parents$]type::name". */
    private static String typeOf(String type, String urn) {
        if (!type.isEmpty()) {
            return type;
        }
        String qualified = urn.split("::")[2];
        return qualified.substring(qualified.lastIndexOf('$') + 1);
    }

    private static String nameOf(String name, String urn) {
        return name.isEmpty() ? urn.substring(urn.lastIndexOf("::") + 2) : name;
    }

    /** Answers with what {@code call} returns, or with the error it throws. */
    private <T> void answer(StreamObserver<T> observer, Supplier<T> call) {
        T response;
        try {
            response = call.get();
        } catch (AwsError e) {
            log(e.getMessage());
            observer.onError(e.status().asRuntimeException());
            return;
        } catch (RuntimeException e) {
            e.printStackTrace();
            observer.onError(Status.INTERNAL.withDescription(String.valueOf(e)).withCause(e).asRuntimeException());
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }

    /** Only to stderr: stdout carries the port, and the engine shows a plugin's stderr only when asked (-v). */
    private void log(String message) {
        System.err.println("stand-in aws " + settings.version() + ": " + message);
    }
}
