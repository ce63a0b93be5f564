package dev.peregrine.common.json;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import java.io.StringWriter;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link CandleClosed} written field by field to the mapper's own generator: the same text as the mapper's
 * serialization of the record (CandleClosedWriterTest compares the two), for a fraction of its cost. Ingest
 * publishes one per candle, and the general path (type lookup, reflective accessors, Instant's formatter) was
 * about half of its publishing thread.
 */
final class CandleClosedWriter {

    /** A candle's JSON is 600 to 800 characters. */
    private static final int EXPECTED_LENGTH = 1_024;

    private CandleClosedWriter() {}

    static String write(JsonMapper mapper, CandleClosed candle) {
        StringWriter out = new StringWriter(EXPECTED_LENGTH);
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("type", "CandleClosed");
            json.writeName("envelope");
            writeEnvelope(json, candle.envelope());
            json.writeStringProperty("symbol", candle.symbol().value());
            json.writeStringProperty("interval", candle.interval().code());
            json.writeStringProperty("openTime", IsoInstant.format(candle.openTime()));
            json.writeStringProperty("closeTime", IsoInstant.format(candle.closeTime()));
            json.writeStringProperty("open", candle.open().text());
            json.writeStringProperty("high", candle.high().text());
            json.writeStringProperty("low", candle.low().text());
            json.writeStringProperty("close", candle.close().text());
            json.writeStringProperty("volume", candle.volume().text());
            json.writeStringProperty("quoteVolume", candle.quoteVolume().text());
            json.writeNumberProperty("trades", candle.trades());
            json.writeStringProperty(
                    "takerBuyBaseVolume", candle.takerBuyBaseVolume().text());
            json.writeStringProperty(
                    "takerBuyQuoteVolume", candle.takerBuyQuoteVolume().text());
            json.writeStringProperty("source", candle.source());
            json.writeName("qualityFlags");
            json.writeStartArray();
            for (String flag : candle.qualityFlags()) {
                json.writeString(flag);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toString();
    }

    private static void writeEnvelope(JsonGenerator json, Envelope envelope) {
        json.writeStartObject();
        writeUuid(json, "eventId", envelope.eventId());
        json.writeNumberProperty("schemaVersion", envelope.schemaVersion());
        json.writeStringProperty("eventTime", IsoInstant.format(envelope.eventTime()));
        json.writeStringProperty("processingTime", IsoInstant.format(envelope.processingTime()));
        writeUuid(json, "correlationId", envelope.correlationId());
        writeUuid(json, "causationId", envelope.causationId());
        json.writeEndObject();
    }

    private static void writeUuid(JsonGenerator json, String name, UUID id) {
        json.writeStringProperty(name, id.toString());
    }
}
