package dev.peregrine.backtest.research.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.research.export.CandidateSpace;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
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
        assertThatThrownBy(() ->
                        ServiceKeyOverrides.apply(BacktestConfig.serviceDefaults(), CandidateSpace.seedCandidate()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("research.strategy.pause-below-average-strength");
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
}
