package org.liaison.feed.fetch;

/**
 * Why a URL could not be fetched, in words for the feed's or item's record and the log (one
 * line, no stack trace), and whether trying again later may help (a time-out or a 503 may, a
 * refused address or a PDF will not).
 */
public class FetchFailure extends Exception {

    private final boolean worthRetrying;

    public FetchFailure(String reason, boolean worthRetrying) {
        super(reason, null, false, false);
        this.worthRetrying = worthRetrying;
    }

    public boolean worthRetrying() {
        return worthRetrying;
    }
}
