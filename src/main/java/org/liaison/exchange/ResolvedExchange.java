package org.liaison.exchange;

import java.util.List;

/**
 * A valid exchange whose participants are resolved to people, with its natural key and the hash
 * of its content (which tells an unchanged re-import from a changed one).
 */
public record ResolvedExchange(ValidExchange exchange, String key, String contentHash, List<Long> personIds) {

    public ResolvedExchange withKey(String other) {
        return new ResolvedExchange(exchange, other, contentHash, personIds);
    }
}
