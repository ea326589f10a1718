package org.liaison.web;

/** The media types the API names, once: the resources' annotations and the error messages use these. */
public final class MediaTypes {

    public static final String NDJSON = "application/x-ndjson";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String CSV = "text/csv";

    private MediaTypes() {
    }
}
