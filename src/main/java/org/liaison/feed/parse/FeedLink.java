package org.liaison.feed.parse;

import java.time.LocalDate;

/** One article a feed names: its link (absolute), and the title and publication date the feed gives, if any. */
public record FeedLink(String url, String title, LocalDate published) {
}
