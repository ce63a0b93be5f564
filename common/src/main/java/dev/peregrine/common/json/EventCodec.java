package dev.peregrine.common.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AccountEvent;
import dev.peregrine.common.event.AlertEvent;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.CandleEvent;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.InstrumentEvent;
import dev.peregrine.common.event.OrderIntentEvent;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.PortfolioEvent;
import dev.peregrine.common.event.QualityEvent;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.common.event.SignalEvent;
import dev.peregrine.common.event.SignalOutcomeEvent;
import dev.peregrine.common.event.StrategyCommandEvent;
import dev.peregrine.common.event.StrategyLifecycleEvent;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Encodes events to JSON and back. Thread-safe; one instance serves a whole service.
 *
 * <p>Decimals travel as strings (never floats) and are read within {@link dev.peregrine.common.value.Decimals}'
 * bounds (at most 18 decimals and 20 integer digits), instants as ISO-8601 text, and every event carries a
 * {@code type} discriminator. Unknown properties are ignored so that a consumer tolerates a producer that
 * added a field (schema evolution within a topic version); anything else that does not fit the contract
 * is an {@link EventDecodingException} with the reason.
 *
 * <p>An event whose {@link Envelope#schemaVersion()} is newer than this codec reads (by default
 * {@link Envelope#CURRENT_SCHEMA_VERSION}) is refused with a {@link NewerSchemaVersionException} naming both versions,
 * so the platform dead-letters it instead of a consumer misreading it; a consumer that can read newer versions
 * declares it with {@link #readingSchemaVersionsUpTo(int)}. The rule behind the versions is in
 * {@code docs/architecture.md} ("Event versions").
 */
public final class EventCodec {

    private static final Map<String, Class<? extends PeregrineEvent>> TOPIC_TYPES = Map.ofEntries(
            Map.entry(Topics.MARKET_CANDLES, CandleEvent.class),
            Map.entry(Topics.MARKET_QUALITY, QualityEvent.class),
            Map.entry(Topics.MARKET_INSTRUMENTS, InstrumentEvent.class),
            Map.entry(Topics.SIGNALS_VALIDATED, SignalEvent.class),
            Map.entry(Topics.RISK_DECISIONS, RiskDecisionEvent.class),
            Map.entry(Topics.ORDERS_INTENTS, OrderIntentEvent.class),
            Map.entry(Topics.EXECUTION_REPORTS, ExecutionReportEvent.class),
            Map.entry(Topics.EXECUTION_ACCOUNTS, AccountEvent.class),
            Map.entry(Topics.RISK_PORTFOLIO, PortfolioEvent.class),
            Map.entry(Topics.STRATEGY_COMMANDS, StrategyCommandEvent.class),
            Map.entry(Topics.STRATEGY_EVENTS, StrategyLifecycleEvent.class),
            Map.entry(Topics.SIGNALS_OUTCOMES, SignalOutcomeEvent.class),
            Map.entry(Topics.ALERTS, AlertEvent.class));

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Bare BigDecimals (Money.amount, forwardReturn) as plain strings too, like Price and Quantity:
            // a JSON number would be read as a double by many consumers and loses the scale.
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Price and Quantity bound themselves; this bounds the other decimals the same way (Decimals).
            .addModule(new SimpleModule("peregrine-decimals")
                    .addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer()))
            .build();

    private final int highestSchemaVersion;

    /** A codec that reads events up to {@link Envelope#CURRENT_SCHEMA_VERSION}, the version this code writes. */
    public EventCodec() {
        this(Envelope.CURRENT_SCHEMA_VERSION);
    }

    private EventCodec(int highestSchemaVersion) {
        this.highestSchemaVersion = highestSchemaVersion;
    }

    /**
     * A codec for a consumer that declares it reads events up to {@code highestSchemaVersion}, newer than the
     * {@link Envelope#CURRENT_SCHEMA_VERSION} it writes: e.g. one that only stores or forwards what it reads and
     * is safe with fields it does not know. Events above that version are still refused.
     */
    public static EventCodec readingSchemaVersionsUpTo(int highestSchemaVersion) {
        if (highestSchemaVersion < Envelope.CURRENT_SCHEMA_VERSION) {
            throw new IllegalArgumentException("a codec reads at least schemaVersion " + Envelope.CURRENT_SCHEMA_VERSION
                    + ", the version it writes: " + highestSchemaVersion);
        }
        return new EventCodec(highestSchemaVersion);
    }

    /** The newest {@link Envelope#schemaVersion()} this codec decodes. */
    public int highestSchemaVersion() {
        return highestSchemaVersion;
    }

    /** The sealed event type a topic carries. */
    public static Class<? extends PeregrineEvent> eventTypeOf(String topic) {
        Class<? extends PeregrineEvent> type = TOPIC_TYPES.get(topic);
        if (type == null) {
            throw new IllegalArgumentException("no event contract for topic '" + topic + "'");
        }
        return type;
    }

    public String encode(PeregrineEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            // Ingest's hot path: one per candle.
            if (event instanceof CandleClosed candle) {
                return CandleClosedWriter.write(mapper, candle);
            }
            return mapper.writeValueAsString(event);
        } catch (JacksonException e) {
            throw new IllegalStateException(
                    "cannot encode " + event.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The mapper's own serialization, which {@link CandleClosedWriter} must match. */
    String encodeByMapper(PeregrineEvent event) {
        return mapper.writeValueAsString(event);
    }

    public <T extends PeregrineEvent> T decode(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new EventDecodingException("empty record, expected a " + type.getSimpleName(), null);
        }
        T event;
        try {
            event = mapper.readValue(json, type);
        } catch (JacksonException e) {
            // A newer schema is the likelier reason it does not fit: name the versions, not the field it tripped on.
            JsonNode tree = treeOrNull(json);
            if (tree != null && tree.path("envelope").path("schemaVersion").asInt(0) > highestSchemaVersion) {
                throw newerSchema(
                        tree.path("type").asString(type.getSimpleName()),
                        tree.path("envelope").path("schemaVersion").asInt(),
                        e);
            }
            throw new EventDecodingException("not a valid " + type.getSimpleName() + ": " + rootMessage(e), e);
        }
        if (event == null) {
            throw new EventDecodingException("record is JSON null, expected a " + type.getSimpleName(), null);
        }
        if (event.envelope().schemaVersion() > highestSchemaVersion) {
            throw newerSchema(event.getClass().getSimpleName(), event.envelope().schemaVersion(), null);
        }
        return event;
    }

    private NewerSchemaVersionException newerSchema(String typeName, int schemaVersion, Throwable cause) {
        return new NewerSchemaVersionException(
                typeName + " has schemaVersion " + schemaVersion + ", newer than the "
                        + highestSchemaVersion + " this consumer reads (Envelope.CURRENT_SCHEMA_VERSION "
                        + Envelope.CURRENT_SCHEMA_VERSION
                        + "): refused, not misread; upgrade the consumer, then re-drive the"
                        + " dead letter",
                schemaVersion,
                highestSchemaVersion,
                cause);
    }

    private JsonNode treeOrNull(String json) {
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Decodes a record read from {@code topic} into that topic's event type. */
    public PeregrineEvent decodeFrom(String topic, String json) {
        return decode(json, eventTypeOf(topic));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JacksonException je ? je.getOriginalMessage() : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
