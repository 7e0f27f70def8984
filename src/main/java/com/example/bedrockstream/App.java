package com.example.bedrockstream;

import com.pulumi.Pulumi;

/** Entry point the Pulumi CLI runs (see Pulumi.yaml). */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(Program::run);
    }
}
