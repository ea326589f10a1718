package org.liaison.reference;

/** A reference data file (vocabulary, gazetteer, aliases) is malformed; startup stops with this message. */
public class ReferenceDataException extends RuntimeException {
    public ReferenceDataException(String message) {
        super(message);
    }
}
