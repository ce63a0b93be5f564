package dev.peregrine.signal.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.signal.application.port.out.EvaluatedCandle;
import dev.peregrine.signal.application.port.out.SignalRecord;
import dev.peregrine.signal.application.port.out.SignalValidationStore;
import dev.peregrine.signal.domain.CandleAssessment;
import dev.peregrine.signal.domain.consensus.DebateRecord;
import java.math.BigDecimal;
import java.sql.Types;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a candle's debate in {@code signal.debates} and its validations in {@code signal.signal_validations}
 * (each referring to the debate and carrying it as jsonb too, so one row explains its signal), in one
 * transaction; first write wins on both.
 */
@Repository
public class JdbcSignalValidationStore implements SignalValidationStore {

    private static final String INSERT_DEBATE = """
            INSERT INTO signal.debates (debate_id, symbol, interval, candle_open_time, candle_close_time, regime, verdict,
                conviction, rationale, bull_case, bear_case, consensus, panel, correlation_id, created_at)
            VALUES (:debateId, :symbol, :interval, :candleOpenTime, :candleCloseTime, :regime, :verdict,
                :conviction, :rationale, CAST(:bullCase AS jsonb), CAST(:bearCase AS jsonb), CAST(:consensus AS jsonb),
                CAST(:panel AS jsonb), :correlationId, :createdAt)
            ON CONFLICT (debate_id) DO NOTHING
            """;

    private static final String INSERT_VALIDATION = """
            INSERT INTO signal.signal_validations (signal_id, strategy_id, symbol, interval, candle_open_time,
                candle_close_time, side, strength, grade, confidence, size_multiplier, action, tradeable, reference_price,
                stop_price, reasons, indicators, regime, consensus, debate, breakdown, debate_id, event_id, correlation_id,
                causation_id, created_at, ml_state, ml_probability, model_version)
            VALUES (:signalId, :strategyId, :symbol, :interval, :candleOpenTime,
                :candleCloseTime, :side, :strength, :grade, :confidence, :sizeMultiplier, :action, :tradeable, :referencePrice,
                :stopPrice, CAST(:reasons AS jsonb), CAST(:indicators AS jsonb), :regime, CAST(:consensus AS jsonb),
                CAST(:debate AS jsonb), CAST(:breakdown AS jsonb), :debateId, :eventId, :correlationId,
                :causationId, :createdAt, :mlState, :mlProbability, :modelVersion)
            ON CONFLICT (signal_id) DO NOTHING
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final TransactionTemplate transaction;
    private final SignalJson json = new SignalJson();

    public JdbcSignalValidationStore(
            JdbcClient jdbc, NamedParameterJdbcTemplate batches, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void save(EvaluatedCandle candle) {
        CandleAssessment assessment = candle.assessment();
        DebateRecord debate = assessment.debate();
        String regime = assessment.regime().label();
        // The candle's shared documents are written once, not once per signal.
        String indicators = json.indicators(candle.indicators());
        String debateJson = json.debate(debate);
        String consensusSummary = json.consensusSummary(debate.consensus());
        transaction.executeWithoutResult(status -> {
            jdbc.sql(INSERT_DEBATE)
                    .param("debateId", candle.debateId())
                    .param("symbol", candle.symbol().value())
                    .param("interval", candle.interval().code())
                    .param("candleOpenTime", timestamptz(candle.candleOpenTime()))
                    .param("candleCloseTime", timestamptz(candle.candleCloseTime()))
                    .param("regime", regime)
                    .param("verdict", debate.verdict().decision().name())
                    .param("conviction", BigDecimal.valueOf(debate.verdict().netConviction()))
                    .param("rationale", debate.verdict().rationale())
                    .param("bullCase", json.debateCase(debate.bull()))
                    .param("bearCase", json.debateCase(debate.bear()))
                    .param("consensus", json.consensus(debate.consensus()))
                    .param("panel", json.panel(assessment.seats()))
                    .param("correlationId", candle.correlationId())
                    .param("createdAt", timestamptz(candle.createdAt()))
                    .update();
            // The validations in one JDBC batch: one round trip for all of a candle's signals.
            batches.batchUpdate(
                    INSERT_VALIDATION,
                    candle.signals().stream()
                            .map(record -> validation(candle, record, indicators, regime, consensusSummary, debateJson))
                            .toArray(MapSqlParameterSource[]::new));
        });
    }

    private MapSqlParameterSource validation(
            EvaluatedCandle candle,
            SignalRecord record,
            String indicators,
            String regime,
            String consensusSummary,
            String debateJson) {
        SignalValidated signal = record.signal();
        return new MapSqlParameterSource()
                .addValue("signalId", signal.signalId())
                .addValue("strategyId", signal.strategyId())
                .addValue("symbol", signal.symbol().value())
                .addValue("interval", signal.interval().code())
                .addValue("candleOpenTime", timestamptz(candle.candleOpenTime()))
                .addValue("candleCloseTime", timestamptz(signal.candleCloseTime()))
                .addValue("side", signal.side().name())
                .addValue("strength", signal.strength())
                .addValue("grade", signal.grade().name())
                // Confidence and size are exact decimals of at most two places; keep them so in SQL.
                .addValue("confidence", BigDecimal.valueOf(signal.confidence()))
                .addValue("sizeMultiplier", BigDecimal.valueOf(signal.sizeMultiplier()))
                .addValue("action", signal.action().name())
                .addValue("tradeable", signal.tradeable())
                .addValue("referencePrice", signal.referencePrice().value())
                .addValue("stopPrice", signal.stopPrice().value())
                .addValue("reasons", json.reasons(signal.reasons()))
                .addValue("indicators", indicators)
                .addValue("regime", regime)
                .addValue("consensus", consensusSummary)
                .addValue("debate", debateJson)
                .addValue("breakdown", json.breakdown(record.validation(), record.seat()))
                .addValue("debateId", candle.debateId())
                .addValue("eventId", signal.envelope().eventId())
                .addValue("correlationId", signal.envelope().correlationId())
                .addValue("causationId", signal.envelope().causationId())
                .addValue("createdAt", timestamptz(candle.createdAt()))
                .addValue("mlState", record.ml().state().name())
                .addValue("mlProbability", signal.mlProbability(), Types.DOUBLE)
                .addValue("modelVersion", signal.modelVersion(), Types.VARCHAR);
    }
}
