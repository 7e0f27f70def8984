package com.example.bedrockstream.offline.standin;

import com.example.bedrockstream.offline.AwsTypes;

import java.util.List;
import java.util.Map;

/**
 * One resource in the stand-in cloud, as its store keeps it (secrets as digests, see {@link Values#masked}).
 *
 * @param region  where it was created (its provider's region)
 * @param account the account whose credentials created it
 * @param urn     the Pulumi resource that created it
 * @param arns    the ARNs AWS gave it, by which other resources may name it
 * @param uses    the other resources its inputs name, which it keeps from being deleted
 */
record CloudEntry(String type, String id, String region, String account, String urn,
                  Map<String, Object> inputs, Map<String, Object> outputs, List<String> arns, List<Reference> uses) {

    /**
     * Whether {@code reference} names this resource. An accepter shares its attachment's id but is only the
     * attachment seen from the peer's side: what names that id names the attachment.
     */
    boolean isNamedBy(Reference reference) {
        return !type.equals(AwsTypes.TGW_PEERING_ACCEPTER) && reference.kind().names(this, reference.value());
    }

    /** The entry for a resource just created or updated with {@code inputs}, as the engine sent them. */
    static CloudEntry of(String type, String urn, String region, String account, Map<String, Object> inputs,
                         ComputedOutputs computed) {
        var arns = computed.computed().values().stream()
                .filter(value -> value instanceof String text && text.startsWith("arn:"))
                .map(String.class::cast)
                .toList();
        return new CloudEntry(type, computed.id(), region, account, urn, Values.masked(inputs),
                Values.masked(computed.outputs()), arns, References.in(type, Values.plain(inputs)));
    }

    /** The resource as a message names it. */
    String describe() {
        return type + " '" + id + "' (" + urn + ")";
    }
}
