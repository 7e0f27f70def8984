package com.example.bedrockstream.network;

import com.pulumi.resources.CustomTimeouts;

import java.time.Duration;

/**
 * Lambda releases a VPC function's network interfaces only some time after the function is deleted, up to about 40
 * minutes. Deleting a subnet or security group that still holds one, the provider waits for it to be released and
 * deletes it, but only for that resource's delete timeout (15 minutes for a security group, 20 for a subnet by
 * default), after which {@code destroy} fails and must be run again. The subnets and the callers' security groups
 * wait longer instead; the wait ends as soon as nothing holds them.
 */
public final class LingeringInterfaces {
    public static final Duration RELEASE_WAIT = Duration.ofMinutes(45);

    private LingeringInterfaces() {
    }

    /** For a subnet or security group a Lambda function's network interfaces may still hold on delete. */
    public static CustomTimeouts deleteTimeouts() {
        return CustomTimeouts.builder().delete(RELEASE_WAIT).build();
    }
}
