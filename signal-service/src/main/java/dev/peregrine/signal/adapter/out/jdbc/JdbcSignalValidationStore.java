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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Stores a candle's debate in {@code signal.debates} and its validations in {@code signal.signal_validations}
 * (each referring to the debate and carrying it as jsonb too, so one row explains its signal), in one statement (the
 * debate's insert a data-modifying {@code WITH} of the validations' multi-row insert: atomic, and one round trip to
 * PostgreSQL instead of a transaction's three or more); first write wins on both.
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

    private static final String INSERT_VALIDATIONS = """
            INSERT INTO signal.signal_validations (signal_id, strategy_id, symbol, interval, candle_open_time,
                candle_close_time, side, strength, grade, confidence, size_multiplier, action, tradeable, reference_price,
                stop_price, reasons, indicators, regime, consensus, debate, breakdown, debate_id, event_id, correlation_id,
                causation_id, created_at, ml_state, ml_probability, model_version, calibration_version)
            VALUES
            """;

    /** One validation's row; its parameters carry the row's index as a suffix ({@code :signalId0}). */
    private static final String VALIDATION_ROW = """
            (:signalId, :strategyId, :symbol, :interval, :candleOpenTime,
                :candleCloseTime, :side, :strength, :grade, :confidence, :sizeMultiplier, :action, :tradeable, :referencePrice,
                :stopPrice, CAST(:reasons AS jsonb), CAST(:indicators AS jsonb), :regime, CAST(:consensus AS jsonb),
                CAST(:debate AS jsonb), CAST(:breakdown AS jsonb), :debateId, :eventId, :correlationId,
                :causationId, :createdAt, :mlState, :mlProbability, :modelVersion, :calibrationVersion)""";

    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

    /** The statement for a candle of n validations (one to the panel's size), built once per n. */
    private static final Map<Integer, String> STATEMENTS = new ConcurrentHashMap<>();

    private final NamedParameterJdbcTemplate jdbc;
    private final SignalJson json = new SignalJson();

    public JdbcSignalValidationStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("debateId", candle.debateId())
                .addValue("symbol", candle.symbol().value())
                .addValue("interval", candle.interval().code())
                .addValue("candleOpenTime", timestamptz(candle.candleOpenTime()))
                .addValue("candleCloseTime", timestamptz(candle.candleCloseTime()))
                .addValue("regime", regime)
                .addValue("verdict", debate.verdict().decision().name())
                .addValue("conviction", BigDecimal.valueOf(debate.verdict().netConviction()))
                .addValue("rationale", debate.verdict().rationale())
                .addValue("bullCase", json.debateCase(debate.bull()))
                .addValue("bearCase", json.debateCase(debate.bear()))
                .addValue("consensus", json.consensus(debate.consensus()))
                .addValue("panel", json.panel(assessment.seats()))
                .addValue("correlationId", candle.correlationId())
                .addValue("createdAt", timestamptz(candle.createdAt()));
        List<SignalRecord> records = candle.signals();
        if (records.isEmpty()) {
            jdbc.update(INSERT_DEBATE, parameters);
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            MapSqlParameterSource row =
                    validation(candle, records.get(i), indicators, regime, consensusSummary, debateJson);
            for (String name : row.getParameterNames()) {
                int type = row.getSqlType(name);
                if (type == SqlParameterSource.TYPE_UNKNOWN) {
                    parameters.addValue(name + i, row.getValue(name));
                } else {
                    parameters.addValue(name + i, row.getValue(name), type);
                }
            }
        }
        jdbc.update(STATEMENTS.computeIfAbsent(records.size(), JdbcSignalValidationStore::statement), parameters);
    }

    private static String statement(int rows) {
        StringBuilder sql = new StringBuilder("WITH debate AS (\n")
                .append(INSERT_DEBATE)
                .append(")\n")
                .append(INSERT_VALIDATIONS);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",\n")
                    .append(PARAMETER.matcher(VALIDATION_ROW).replaceAll(":$1" + i));
        }
        return sql.append("\nON CONFLICT (signal_id) DO NOTHING").toString();
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
                // Confidence (strength / 100, or a calibrated probability) and size as the doubles' exact decimal text.
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
                .addValue("modelVersion", signal.modelVersion(), Types.VARCHAR)
                .addValue("calibrationVersion", signal.calibrationVersion(), Types.VARCHAR);
    }
}
