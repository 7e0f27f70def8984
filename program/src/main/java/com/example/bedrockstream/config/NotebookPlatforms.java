package com.example.bedrockstream.config;

import java.util.List;

/** SageMaker notebook platforms this project deploys. Amazon Linux 2 reached end of support, so only AL2023. */
public final class NotebookPlatforms {
    public static final String AL2023 = "notebook-al2023-v1";
    static final List<String> SUPPORTED = List.of(AL2023);

    private NotebookPlatforms() {
    }

    static boolean isSupported(String platform) {
        return SUPPORTED.contains(platform);
    }
}
