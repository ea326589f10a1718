package org.liaison.stats;

import java.util.List;
import java.util.Map;

/** The rows of an aggregate, with its columns in the SQL file's order. */
public record Table(List<String> columns, List<Map<String, Object>> rows) {
}
