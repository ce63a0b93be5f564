package dev.peregrine.backtest.research.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.BacktestEngine;
import dev.peregrine.backtest.engine.BacktestResult;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.backtest.research.export.CandidateSpace;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.signal.domain.LowStrengthPause;
import dev.peregrine.testkit.SharedData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceKeyOverridesTest {

    @Test
    void servicePropertyKeysReachTheEnginesConfiguration() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CandidateSpace.MIN_AGREEING, 3);
        values.put(CandidateSpace.CONVICTION_THRESHOLD, new BigDecimal("0.35"));
        values.put(CandidateSpace.RISK_PER_TRADE, new BigDecimal("0.005"));
        values.put(CandidateSpace.REWARD_TO_RISK, new BigDecimal("2.5"));
        BacktestConfig defaults = BacktestConfig.serviceDefaults();

        BacktestConfig config = ServiceKeyOverrides.apply(defaults, new ParameterAssignment(values));

        assertThat(config.signal().consensus().minAgreeing()).isEqualTo(3);
        assertThat(config.signal().consensus().conflictThreshold())
                .isEqualTo(defaults.signal().consensus().conflictThreshold());
        assertThat(config.signal().arbiter().convictionThreshold()).isEqualTo(0.35);
        assertThat(config.risk().riskPerTrade()).isEqualByComparingTo("0.005");
        assertThat(config.risk().rewardToRisk()).isEqualByComparingTo("2.5");
        assertThat(config.risk().maxOpenPositions()).isEqualTo(defaults.risk().maxOpenPositions());
        assertThat(config.venue()).isEqualTo(defaults.venue());
    }

    @Test
    void aParameterTheServicesHaveNoSettingForIsRefusedNotIgnored() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CandidateSpace.MIN_AGREEING, 3);
        values.put("research.strategy.no-such-setting", 50);
        assertThatThrownBy(() ->
                        ServiceKeyOverrides.apply(BacktestConfig.serviceDefaults(), new ParameterAssignment(values)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("research.strategy.no-such-setting");
    }

    @Test
    void theSeedCandidateIsAllServiceKeysAndItsPauseReachesTheChain() {
        BacktestConfig config =
                ServiceKeyOverrides.apply(BacktestConfig.serviceDefaults(), CandidateSpace.seedCandidate());

        assertThat(config.signal().strengthPause()).isEqualTo(new LowStrengthPause(20, 50));
        assertThat(BacktestConfig.serviceDefaults().signal().strengthPause()).isEqualTo(LowStrengthPause.OFF);
    }

    @Test
    void theSeedsConfidenceThresholdsReachTheValidator() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CandidateSpace.MIN_CONFIDENCE, new BigDecimal("0.70"));
        values.put(CandidateSpace.TARGET_CONFIDENCE, new BigDecimal("0.85"));
        BacktestConfig config =
                ServiceKeyOverrides.apply(BacktestConfig.serviceDefaults(), new ParameterAssignment(values));
        assertThat(config.signal().validation().minConfidence()).isEqualTo(0.70);
        assertThat(config.signal().validation().targetConfidence()).isEqualTo(0.85);
        assertThat(config.signal().validation().calibration()).isEmpty();
        assertThat(BacktestConfig.serviceDefaults().signal().validation().minConfidence())
                .isZero();
    }

    /** A month of real BTCUSDT 15m candles through the engine (skipped without ../shared/data). */
    @Test
    void theEngineRunsThePauseTheSeedCandidateTurnsOn() {
        KlineSeries btc = KlineSeries.read(
                SharedData.require("binance/klines/BTCUSDT-15m.csv.gz"),
                Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-02-01T00:00:00Z"),
                Integer.MAX_VALUE);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CandidateSpace.PAUSE_THRESHOLD, 50);
        values.put(CandidateSpace.PAUSE_WINDOW, 20);
        BacktestConfig paused =
                ServiceKeyOverrides.apply(BacktestConfig.serviceDefaults(), new ParameterAssignment(values));

        BacktestResult on = new BacktestEngine(paused).run(List.of(btc));
        BacktestResult off = new BacktestEngine(BacktestConfig.serviceDefaults()).run(List.of(btc));

        assertThat(on.signals()).hasSameSizeAs(off.signals());
        assertThat(pausedSignals(off)).isZero();
        assertThat(pausedSignals(on)).isPositive().isLessThan(on.signals().size());
    }

    private static long pausedSignals(BacktestResult result) {
        return result.signals().stream()
                .filter(s -> s.reasons().stream().anyMatch(r -> r.code().equals(LowStrengthPause.REASON)))
                .peek(s -> assertThat(s.tradeable()).isFalse())
                .count();
    }
}
