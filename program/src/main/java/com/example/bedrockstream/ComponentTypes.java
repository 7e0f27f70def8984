package com.example.bedrockstream;

/** Pulumi type tokens of this project's components, "bedrockstream:<package>:<Component>". */
public final class ComponentTypes {
    private ComponentTypes() {
    }

    public static final String PREFIX = "bedrockstream:";

    public static String of(String concern, Class<?> component) {
        return PREFIX + concern + ":" + component.getSimpleName();
    }
}
