package com.example.bedrockstream.offline.pack;

/**
 * A value the pack cannot read: one AWS computes only when it creates what it depends on (every id at the preview of
 * a new stack), or a secret of another stack the pack cannot decrypt. It sits in the rules' model where the value
 * would be; reading it throws {@link Unjudgeable}, so a rule or a hop that needs it is reported as not judged
 * instead of broken.
 *
 * @param what the value, and why it cannot be read
 */
record Unknown(String what) {

    Unjudgeable read() {
        return new Unjudgeable(what);
    }
}
