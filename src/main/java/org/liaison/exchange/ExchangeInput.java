package org.liaison.exchange;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An exchange as clients write it (POST, PUT, one NDJSON import line). Field names follow the
 * codebook. Localities, people and themes may be given by code or by any alias; the output
 * fields {@code id}, {@code created_at} and {@code updated_at} are accepted and ignored so that
 * an export re-imports as it is, and so are an extraction's {@code evidence} and {@code confidence}.
 */
@JsonIgnoreProperties(value = { "id", "created_at", "updated_at", "evidence", "confidence" }, allowGetters = true)
@RegisterForReflection
public record ExchangeInput(
        String key,
        String date,
        String endDate,
        String datePrecision,
        String format,
        String kind,
        JsonNode venue,
        String level,
        String status,
        String notes,
        Integer version,
        List<ParticipantInput> participants,
        List<LocalityInput> localities,
        List<String> themes,
        List<SourceInput> sources) {

    /** {@code locality} is a code or name, or an object {code|name, country}. */
    public record ParticipantInput(String name, String side, String titles, String organisation, JsonNode locality) {
    }

    public record LocalityInput(String code, String name, String country, String role) {
    }

    public record SourceInput(String url, String outlet, String title, String published, String language) {
    }
}
