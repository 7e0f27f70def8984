package com.example.bedrockstream.offline.path;

import java.util.Optional;

/**
 * Who starts a streaming request: an Application Lambda or a notebook.
 *
 * @param kind       "function" or "notebook"
 * @param externalId the external id the caller presents, empty when it was given none
 */
public record Caller(String stack, String kind, String name, String roleArn, Client client,
                     Optional<String> externalId) {

    public String label() {
        return stack + " " + kind + " " + name;
    }
}
