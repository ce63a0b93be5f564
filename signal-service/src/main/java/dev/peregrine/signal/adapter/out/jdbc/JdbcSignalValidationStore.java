package dev.peregrine.signal.adapter.out.jdbc;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.signal.application.port.out.SignalRecord;
import dev.peregrine.signal.application.port.out.SignalValidationStore;
import dev.peregrine.signal.domain.IndicatorSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores validations in {@code signal.signal_validations}, one row per signal id (first write wins). */
@Repository
public class JdbcSignalValidationStore implements SignalValidationStore {

    private static final String INSERT = """
            INSERT INTO signal.signal_validations (signal_id, strategy_id, symbol, interval, candle_close_time, side,
                strength, grade, confidence, size_multiplier, action, tradeable, reference_price, stop_price,
                reasons, indicators, event_id, correlation_id, causation_id, created_at)
            VALUES (:signalId, :strategyId, :symbol, :interval, :candleCloseTime, :side,
                :strength, :grade, :confidence, :sizeMultiplier, :action, :tradeable, :referencePrice, :stopPrice,
                CAST(:reasons AS jsonb), CAST(:indicators AS jsonb), :eventId, :correlationId, :causationId, :createdAt)
            ON CONFLICT (signal_id) DO NOTHING
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public JdbcSignalValidationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean save(SignalRecord record) {
        SignalValidated signal = record.signal();
        int inserted = jdbc.sql(INSERT)
                .param("signalId", signal.signalId())
                .param("strategyId", signal.strategyId())
                .param("symbol", signal.symbol().value())
                .param("interval", signal.interval().code())
                .param("candleCloseTime", utc(signal.candleCloseTime()))
                .param("side", signal.side().name())
                .param("strength", signal.strength())
                .param("grade", signal.grade().name())
                // Confidence and size are exact decimals of at most two places; keep them so in SQL.
                .param("confidence", BigDecimal.valueOf(signal.confidence()))
                .param("sizeMultiplier", BigDecimal.valueOf(signal.sizeMultiplier()))
                .param("action", signal.action().name())
                .param("tradeable", signal.tradeable())
                .param("referencePrice", signal.referencePrice().value())
                .param("stopPrice", signal.stopPrice().value())
                .param("reasons", reasonsJson(signal.reasons()))
                .param("indicators", indicatorsJson(record.indicators()))
                .param("eventId", signal.envelope().eventId())
                .param("correlationId", signal.envelope().correlationId())
                .param("causationId", signal.envelope().causationId())
                .param("createdAt", utc(record.createdAt()))
                .update();
        return inserted == 1;
    }

    private String reasonsJson(List<Reason> reasons) {
        return json.writeValueAsString(reasons.stream()
                .map(reason -> Map.of("code", reason.code(), "detail", reason.detail()))
                .toList());
    }

    private String indicatorsJson(IndicatorSnapshot indicators) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("fastEma", indicators.fastEma());
        values.put("slowEma", indicators.slowEma());
        values.put("previousSlowEma", indicators.previousSlowEma());
        values.put("atr", indicators.atr());
        return json.writeValueAsString(values);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
