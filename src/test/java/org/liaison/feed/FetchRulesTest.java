package org.liaison.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liaison.feed.fetch.AddressPolicy;
import org.liaison.feed.fetch.CanonicalUrl;
import org.liaison.feed.fetch.RobotsTxt;

/** The SSRF rule as the production build applies it, URL normalisation and robots.txt (no network: literal addresses only). */
class FetchRulesTest {

    final AddressPolicy production = new AddressPolicy(false, Set.of("10.1.2.3"));

    @Test
    void privateLoopbackLinkLocalAndMetadataAddressesAreRefused() {
        for (String url : new String[] { "http://127.0.0.1/feed", "http://127.8.9.1/", "http://localhost:8080/",
                "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[fe80::1]/", "http://[fd00:ec2::254]/",
                "http://[::ffff:10.0.0.1]/", "http://224.0.0.1/" }) {
            String problem = production.problem(URI.create(url));
            assertNotNull(problem, url);
            assertTrue(problem.contains("refused"), problem);
        }
        assertNull(production.problem(URI.create("http://8.8.8.8/feed")), "a public address");
        assertNull(production.problem(URI.create("http://10.1.2.3/feed")), "allowed by liaison.feeds.allow-hosts");
        assertNull(new AddressPolicy(true, Set.of()).problem(URI.create("http://127.0.0.1/")), "a local trial");
        assertTrue(production.problem(URI.create("http://no-such-host.invalid/")).contains("does not resolve"));
    }

    @Test
    void urlsAreNormalised() {
        assertEquals("https://example.org/a?id=3&page=2",
                CanonicalUrl.of("HTTPS://Example.ORG:443/a?utm_source=x&id=3&fbclid=y&page=2&gclid=z#comments"));
        assertEquals("http://example.org/", CanonicalUrl.of("http://EXAMPLE.org:80"));
        assertEquals("http://example.org:8080/x", CanonicalUrl.of("http://example.org:8080/x?utm_medium=rss"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalUrl.of("ftp://example.org/"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalUrl.of("http://user:pw@example.org/"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalUrl.of("mailto:x@example.org"));
    }

    @Test
    void robotsTxtGroupsAndLongestMatch() {
        String text = """
                User-agent: *
                Disallow: /private/
                Disallow: /*.pdf$

                User-agent: Liaison
                Disallow: /news/archive
                Allow: /news/archive/open
                """;
        RobotsTxt ours = RobotsTxt.parse(text, "Liaison");
        assertFalse(ours.allows("/news/archive/2003"));
        assertTrue(ours.allows("/news/archive/open/1"), "the longer Allow wins");
        assertTrue(ours.allows("/private/x"), "our group replaces *");
        RobotsTxt others = RobotsTxt.parse(text, "OtherBot");
        assertFalse(others.allows("/private/x"));
        assertFalse(others.allows("/a/report.pdf"));
        assertTrue(others.allows("/a/report.pdf?x=1"));
        assertTrue(RobotsTxt.parse("", "Liaison").allows("/anything"));
    }

    /** The example outlets (not loaded by the service): every line of the documented form. */
    @Test
    void theOutletsFileIsWellFormed() throws Exception {
        int line = 0;
        int feeds = 0;
        for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/main/resources/feeds/outlets.tsv"))) {
            line++;
            if (l.startsWith("#") || l.isBlank()) {
                continue;
            }
            String[] c = l.split("\t", -1);
            String at = "outlets.tsv:" + line;
            assertEquals(5, c.length, at + ": outlet, url, kind, language, note");
            assertFalse(c[0].isBlank(), at);
            assertEquals(CanonicalUrl.of(c[1]), c[1], at + ": a normalised http(s) URL");
            assertTrue(Set.of("rss", "atom", "listing").contains(c[2]), at);
            assertTrue(Set.of("en", "vi", "-").contains(c[3]), at);
            if (c[2].equals("listing")) {
                java.util.regex.Pattern.compile(c[4].replaceFirst(".*link pattern: ", ""));
            }
            feeds++;
        }
        assertTrue(feeds >= 5, "feeds: " + feeds);
    }
}
