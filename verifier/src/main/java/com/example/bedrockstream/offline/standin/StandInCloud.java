package com.example.bedrockstream.offline.standin;

import com.example.bedrockstream.offline.AwsTypes;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stand-in cloud's resources and the ordering rules AWS enforces on them, so that a dependency the program
 * leaves out fails here as it would in AWS:
 * <ol>
 *   <li>a resource that names another (see {@link References}) is refused while that one does not exist;</li>
 *   <li>a Transit Gateway route, association or propagation on a peering attachment is refused until the peer has
 *       accepted the attachment, which takes time;</li>
 *   <li>a resource that another still names cannot be deleted.</li>
 * </ol>
 * An entry is found by type, id and URN. A replacement that creates before it deletes briefly holds two entries of
 * one id; the older is the one deleted, the newer the one read and updated.
 */
final class StandInCloud {
    /** What runs over a Transit Gateway attachment, which a peering attachment refuses until it is accepted. */
    private static final Set<String> ON_ATTACHMENT = Set.of(AwsTypes.TGW_ROUTE, AwsTypes.TGW_ASSOCIATION,
            AwsTypes.TGW_PROPAGATION);

    private final CloudStore store;
    private final Duration acceptance;

    /** @param acceptance how long the peer's acceptance of a peering attachment takes */
    StandInCloud(CloudStore store, Duration acceptance) {
        this.store = store;
        this.acceptance = acceptance;
    }

    void create(CloudEntry entry) {
        if (entry.type().equals(AwsTypes.TGW_PEERING_ACCEPTER)) {
            requireNamedExist(entry, store.entries());
            sleep(acceptance);
        }
        store.change(entries -> {
            requireNamedExist(entry, entries);
            requireAccepted(entry, entries);
            entries.add(entry);
            return null;
        });
    }

    void update(CloudEntry entry) {
        store.change(entries -> {
            int index = newest(entries, entry.type(), entry.id(), entry.urn())
                    .orElseThrow(() -> AwsError.refused("NotFound: " + entry.describe() + " does not exist"));
            requireNamedExist(entry, entries);
            requireAccepted(entry, entries);
            entries.set(index, entry);
            return null;
        });
    }

    /** Deletes the resource; one already gone is fine, as it is to the AWS provider. */
    void delete(String type, String id, String urn) {
        store.change(entries -> {
            oldest(entries, type, id, urn).ifPresent(index -> {
                requireUnused(index, entries);
                entries.remove((int) index);
            });
            return null;
        });
    }

    /** The resource of that id, preferably the one {@code urn} created (an import names another URN). */
    Optional<CloudEntry> read(String type, String id, String urn) {
        var entries = store.entries();
        return newest(entries, type, id, urn).or(() -> newest(entries, type, id, null)).map(entries::get);
    }

    private static void requireNamedExist(CloudEntry entry, List<CloudEntry> entries) {
        for (Reference reference : entry.uses()) {
            if (entries.stream().noneMatch(other -> other.isNamedBy(reference))) {
                throw AwsError.refused(reference.missing());
            }
        }
    }

    private static void requireAccepted(CloudEntry entry, List<CloudEntry> entries) {
        if (!ON_ATTACHMENT.contains(entry.type())) {
            return;
        }
        Object attachment = entry.inputs().get("transitGatewayAttachmentId");
        boolean peering = entries.stream().anyMatch(other -> other.type().equals(AwsTypes.TGW_PEERING)
                && other.id().equals(attachment));
        boolean accepted = entries.stream().anyMatch(other -> other.type().equals(AwsTypes.TGW_PEERING_ACCEPTER)
                && other.id().equals(attachment));
        if (peering && !accepted) {
            throw AwsError.refused("IncorrectState: " + attachment + " is in invalid state pendingAcceptance");
        }
    }

    /** Refuses to delete entry {@code index} while another names it and nothing else answers to that name. */
    private static void requireUnused(int index, List<CloudEntry> entries) {
        CloudEntry target = entries.get(index);
        for (int i = 0; i < entries.size(); i++) {
            CloudEntry user = entries.get(i);
            for (Reference reference : i == index ? List.<Reference>of() : user.uses()) {
                if (target.isNamedBy(reference) && !namedElsewhere(reference, index, entries)) {
                    throw AwsError.refused("DependencyViolation: " + target.describe() + " has dependent object(s) "
                            + "and cannot be deleted: " + user.describe() + " uses it (" + reference.property() + ")");
                }
            }
        }
    }

    private static boolean namedElsewhere(Reference reference, int index, List<CloudEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (i != index && entries.get(i).isNamedBy(reference)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Integer> newest(List<CloudEntry> entries, String type, String id, String urn) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (matches(entries.get(i), type, id, urn)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> oldest(List<CloudEntry> entries, String type, String id, String urn) {
        for (int i = 0; i < entries.size(); i++) {
            if (matches(entries.get(i), type, id, urn)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** @param urn null for any */
    private static boolean matches(CloudEntry entry, String type, String id, String urn) {
        return entry.type().equals(type) && entry.id().equals(id) && (urn == null || entry.urn().equals(urn));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AwsError.refused("the acceptance of the peering attachment was interrupted");
        }
    }
}
