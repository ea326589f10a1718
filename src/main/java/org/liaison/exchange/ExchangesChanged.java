package org.liaison.exchange;

/**
 * Fired (synchronously, after commit) when this instance has changed exchanges, so that its own
 * caches drop stale answers at once; other instances learn of it through PostgreSQL's
 * NOTIFY liaison_data_changed (see stats/DataChangeListener).
 */
public record ExchangesChanged() {
}
