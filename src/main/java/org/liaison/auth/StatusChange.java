package org.liaison.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/**
 * The review status is the reviewers' to set. A write changes it when the status it leaves
 * differs from the stored one: the resources compare the status a PUT or PATCH would store (a
 * body without one means draft, as the service stores it) with the record as read, and send
 * the write with that record's version, so that a status changed meanwhile fails the write
 * (412) rather than slipping past the check. A new record without a reviewer is a draft.
 */
public final class StatusChange {

    /** What a record without a stated status gets (Codebook.STATUSES' first). */
    static final String DEFAULT = "draft";

    private StatusChange() {
    }

    public static boolean mayReview(SecurityContext caller) {
        return caller.isUserInRole(Role.REVIEWER);
    }

    /**
     * Refuses (403) a caller without the reviewer role a write that moves the status from
     * {@code stored} (null: a new record) to {@code next} (null: the default, draft).
     */
    public static void check(SecurityContext caller, String stored, String next) {
        String from = stored == null ? DEFAULT : stored;
        String to = next == null ? DEFAULT : next;
        if (Objects.equals(from, to) || mayReview(caller)) {
            return;
        }
        throw new RoleRequired((stored == null ? "Recording an exchange as " + to
                : "Changing the status from " + from + " to " + to) + " needs the reviewer role; " + Roles.describe(caller)
                + (next == null ? ". A body without \"status\" sets draft: send the stored status (" + stored + ") to keep it" : ""));
    }
}
