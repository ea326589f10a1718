package org.liaison.exchange;

import java.util.UUID;

/**
 * Who makes a write and why, as the audit trail records it beside every change the write makes
 * (db/migration/V7): the token's subject and the strongest of the service's roles it has, the
 * reason the client gave (or null), and the context: one API request on one record, an import
 * (its id), or an article stored (its URL). Filled by the resources from the verified token, so
 * that this package needs nothing of auth/.
 */
public record Actor(String subject, String role, String reason, String context, String contextRef) {

    public static final String API = "api";
    public static final String IMPORT = "import";
    public static final String ARTICLE = "article";

    /** The service itself: the demo data it loads at start. */
    public static final Actor SERVICE = new Actor("liaison", "system", "demo data loaded at start", IMPORT, null);

    /** A token without any name the service reads is refused before a write (smallrye.jwt.require.named-principal). */
    public static Actor of(String subject, String role, String reason) {
        return new Actor(subject == null ? "unnamed" : subject, role, reason, API, null);
    }

    /** The same actor, writing as part of an import. */
    public Actor inImport(UUID importId) {
        return new Actor(subject, role, reason, IMPORT, importId.toString());
    }

    /** The same actor, writing the exchanges of a stored article. */
    public Actor forArticle(String url) {
        return new Actor(subject, role, reason, ARTICLE, url);
    }
}
