package org.liaison.exchange;

/**
 * A record this write was about to create appeared, with the same key, from another write that
 * committed a moment ago (after this transaction looked the key up). Not an error of the client:
 * {@link WriteTransaction} runs the write again, and it then finds the record as stored.
 */
public final class ConcurrentCreate extends RuntimeException {

    public ConcurrentCreate(String key) {
        super("exchange " + key + " was created by another write meanwhile", null, false, false);
    }
}
