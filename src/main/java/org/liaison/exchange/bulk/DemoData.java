package org.liaison.exchange.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;
import org.liaison.web.ProblemException;

/**
 * The demo dataset: the hand-coded exchanges of the development corpus, as NDJSON. Loaded
 * through the ordinary import, so it is idempotent across restarts and obeys every rule.
 */
@ApplicationScoped
public class DemoData {

    public static final String FILE = "demo/exchanges.ndjson";
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final ExchangeImporter importer;

    public DemoData(ExchangeImporter importer) {
        this.importer = importer;
    }

    /** Blocks (the import does): called at start, before the HTTP server takes requests. */
    public ExchangeImporter.ImportResult load() {
        ExchangeImporter.ImportResult r;
        try {
            r = importer.importNdjson(new StringReader(read()), org.liaison.exchange.Actor.SERVICE);
        } catch (ProblemException e) {
            // the start fails either way; say which lines and why, not only how many
            e.problem().errors().forEach(err -> LOG.errorf("%s:%s: %s: %s", FILE, err.line(), err.field(), err.reason()));
            throw e;
        }
        LOG.infof("Demo data (%s): %d created, %d updated, %d unchanged", FILE, r.created(), r.updated(), r.unchanged());
        return r;
    }

    static String read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
