package org.liaison.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.liaison.article.ArticleService;
import org.liaison.article.extract.ArticleInput;
import org.liaison.exchange.Actor;
import org.liaison.feed.fetch.CanonicalUrl;
import org.liaison.feed.fetch.FetchFailure;
import org.liaison.feed.fetch.PageFetcher;
import org.liaison.feed.fetch.RobotsCache;
import org.liaison.feed.parse.ArticlePage;
import org.liaison.web.DateRange;
import org.liaison.web.ProblemException;

/**
 * One claimed article: fetched, read (main text, title, date, language), then the article path
 * of POST /api/articles runs on it (extraction, the "already known" merge, drafts), with the
 * item's URL as the source, the feed's outlet, and the feed as the writer in the audit trail
 * ({@code feed:<id>}, role system). A failure is recorded on the item with its reason, logged in
 * one line, and retried with back-off when that may help.
 */
@ApplicationScoped
class ItemFetch {

    private static final Logger LOG = Logger.getLogger(ItemFetch.class);
    static final String ROLE = "system";

    private final FeedStore store;
    private final PageFetcher fetcher;
    private final RobotsCache robots;
    private final ArticleService articles;
    private final FeedConfig config;

    ItemFetch(FeedStore store, PageFetcher fetcher, RobotsCache robots, ArticleService articles, FeedConfig config) {
        this.store = store;
        this.fetcher = fetcher;
        this.robots = robots;
        this.articles = articles;
        this.config = config;
    }

    void fetch(FeedStore.ClaimedItem item) throws InterruptedException {
        try {
            URI uri = CanonicalUrl.parse(item.url());
            robots.check(uri);
            PageFetcher.Page page = fetcher.get(uri, Map.of("Accept", "text/html,application/xhtml+xml"));
            if (page.status() != 200) {
                int s = page.status();
                throw new FetchFailure("the page answered HTTP " + s, s >= 500 || s == 408 || s == 429);
            }
            String type = page.contentType().toLowerCase(Locale.ROOT);
            if (!type.isEmpty() && !type.startsWith("text/html") && !type.startsWith("application/xhtml+xml")) {
                throw new FetchFailure("not an HTML page (" + type + ")", false);
            }
            ArticlePage read = ArticlePage.read(page.body(), FeedPoll.charset(page.contentType()), item.url());
            if (read.text().isBlank()) {
                throw new FetchFailure("no main text found on the page", false);
            }
            ArticleService.Stored stored = articles.store(input(item, read), Actor.of("feed:" + item.feedId(), ROLE,
                    "found in a watched feed")).await().atMost(FeedPoll.DB_WAIT);
            int drafted = (int) stored.exchanges().stream().filter(e -> e.outcome().equals("created")).count();
            int merged = (int) stored.exchanges().stream().filter(e -> e.outcome().equals("merged")).count();
            store.fetched(item.id(), drafted, merged).await().atMost(FeedPoll.DB_WAIT);
        } catch (FetchFailure e) {
            failed(item, e.getMessage(), e.worthRetrying());
        } catch (ProblemException e) {
            failed(item, "the article path refused it: " + e.problem().detail() + java.util.Objects.requireNonNullElse(e.problem().errors(), List.<org.liaison.web.FieldError> of()).stream()
                    .map(f -> "; " + f.field() + ": " + f.reason()).collect(java.util.stream.Collectors.joining()),
                    e.problem().status() >= 500);
        } catch (RuntimeException e) {
            failed(item, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        }
    }

    /** The article as POST /api/articles takes it; the page's language and date win over the feed's. */
    static ArticleInput input(FeedStore.ClaimedItem item, ArticlePage page) {
        String language = page.language() == null ? item.language()
                : (page.language().equals("en") || page.language().equals("vi") ? page.language() : null);
        LocalDate published = page.published() != null ? page.published() : item.published();
        String date = published == null || DateRange.STORED.problem(published.toString()) != null ? null : published.toString();
        String text = page.text().length() > ArticleService.MAX_TEXT ? page.text().substring(0, ArticleService.MAX_TEXT) : page.text();
        String title = page.title() != null ? page.title() : item.title();
        return new ArticleInput(item.url(), item.outlet(), date, language, title, text);
    }

    private void failed(FeedStore.ClaimedItem item, String reason, boolean retry) {
        boolean again = retry && item.attempts() < config.maxAttempts();
        LOG.warnf("Feed %s: article %s failed (attempt %d): %s; %s", item.feedId(), item.url(), item.attempts(), reason,
                again ? "tried again with back-off" : "given up");
        store.itemFailed(item.id(), reason, retry, config.maxAttempts(), config.retryFirst(), config.retryMax())
                .await().atMost(FeedPoll.DB_WAIT);
    }
}
