package com.example.bedrockstream.offline.path;

/** One hop of a proven path: a short column label, and what it means when it holds. */
public interface PathStep {
    String label();

    String meaning();
}
