package org.liaison.feed;

import java.time.Duration;

/** What a client sets of a feed (POST, PATCH), checked by {@link FeedRules}. */
record FeedSettings(String url, String kind, String linkPattern, String outlet, String language, Duration pollInterval,
        boolean active) {

    static final FeedSettings DEFAULTS = new FeedSettings(null, "rss", null, null, null, Duration.ofHours(1), true);
}
