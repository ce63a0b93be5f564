package dev.peregrine.signal.adapter.in.rest;

import dev.peregrine.signal.application.port.in.ManageModels;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an upload body into a candidate. Decimals are kept exact (BigDecimal), so the model's split conditions are
 * stored digit for digit as the trainer wrote them. Every missing or malformed field is an
 * {@link IllegalArgumentException} naming it (a 400).
 */
final class CandidateParser {

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    ManageModels.Upload parse(String body) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object (the trainer's candidate.json)");
        }
        JsonNode metrics = root.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            throw new IllegalArgumentException(
                    "metrics must be a JSON object of the trainer's figures, e.g. {\"auc\": 0.55}");
        }
        JsonNode artefact = root.get("artefact");
        if (artefact == null || !artefact.isObject()) {
            throw new IllegalArgumentException("artefact must be the XGBoost JSON model (the object in model.json)");
        }
        return new ManageModels.Upload(
                text(root, "version"),
                text(root, "kind"),
                instant(root, "trainedFrom"),
                instant(root, "trainedTo"),
                text(root, "featureSchema"),
                json.writeValueAsString(metrics),
                json.writeValueAsString(artefact));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty text");
        }
        return node.asString().trim();
    }

    private static Instant instant(JsonNode root, String field) {
        String text = text(root, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    field + " must be an ISO-8601 instant, e.g. 2024-01-01T00:00:00Z: " + text);
        }
    }
}
