package org.liaison.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The built-in dashboard's own files (META-INF/resources and the chart library). They hold no data,
 * so the read gate serves them without a token (auth.ReadGate). Their names stay the same from one
 * release to the next, so they are answered {@code Cache-Control: no-cache} (the browser asks again
 * each time and gets a 304 while the file is the same) instead of the static handler's
 * {@code public, immutable, max-age=86400}, with which a browser kept a day-old page after an
 * upgrade. The chart library's path carries its version and keeps the static handler's headers.
 */
@Singleton
public class DashboardPage {

    /** The page, its script and style sheet. */
    public static final Set<String> PAGE = Set.of("/", "/index.html", "/dashboard.js", "/dashboard.css");

    /** The chart library the page loads (pom.xml copies it out of the ECharts WebJar). */
    public static final String CHART_LIBRARY = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    /** Every file the page needs. */
    public static final Set<String> FILES = java.util.stream.Stream.concat(PAGE.stream(), java.util.stream.Stream.of(CHART_LIBRARY))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    void register(@Observes Filters filters) {
        filters.register(DashboardPage::handle, SecurityHeaders.PRIORITY - 1);
    }

    static void handle(RoutingContext rc) {
        if (PAGE.contains(rc.normalizedPath())) {
            rc.addHeadersEndHandler(v -> {
                if (rc.response().getStatusCode() < 400) {
                    rc.response().headers().set("Cache-Control", "no-cache");
                }
            });
        }
        rc.next();
    }
}
