package com.example.bedrockstream.offline;

/**
 * How Pulumi's engine marks special property values on its wire protocol (pulumi/sdk go/common/resource/plugin/rpc.go),
 * read by both plugins the project serves it: the stand-in AWS provider and the policy pack.
 */
public final class EngineWire {
    /** The key whose value says which kind of special value a map is. */
    public static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    public static final String SECRET = "1b47061264138c4ac30d75fd1eb44270";
    public static final String ASSET = "c44067f5952c0a294b673a41bacd8c17";
    public static final String ARCHIVE = "0def7320c3a5731c473e5ecbe6d01bc7";
    /** A value not known yet, at a preview (plugin.UnknownStringValue). */
    public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private EngineWire() {
    }
}
