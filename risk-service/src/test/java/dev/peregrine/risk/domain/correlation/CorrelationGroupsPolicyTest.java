package dev.peregrine.risk.domain.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.value.Symbol;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorrelationGroupsPolicyTest {

    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");

    @Test
    void defaultsLookBackThirtyDaysAndLinkAtSevenTenths() {
        CorrelationGroupsPolicy policy = CorrelationGroupsPolicy.defaults();

        assertThat(policy.lookbackDays()).isEqualTo(30);
        assertThat(policy.minCommonReturns()).isEqualTo(10);
        assertThat(policy.threshold()).isEqualTo(0.7);
        assertThat(policy.configuredGroups()).isEmpty();
    }

    @Test
    void copiesTheConfiguredGroupsAndFindsASymbolsGroup() {
        Set<Symbol> majors = new HashSet<>(Set.of(BTC));
        Map<String, Set<Symbol>> configured = new HashMap<>(Map.of("majors", majors));

        CorrelationGroupsPolicy policy = CorrelationGroupsPolicy.of(30, 10, 0.7, configured);
        majors.add(ETH);
        configured.put("other", Set.of(ETH));

        assertThat(policy.configuredGroups()).containsOnlyKeys("majors");
        assertThat(policy.configuredGroups().get("majors")).containsExactly(BTC);
        assertThat(policy.configuredGroupOf(BTC)).contains("majors");
        assertThat(policy.configuredGroupOf(ETH)).isEmpty();
        assertThatThrownBy(() -> policy.configuredGroups().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> CorrelationGroupsPolicy.of(30, 10, 0, Map.of()))
                .hasMessage("threshold must be within (0, 1]: 0.0");
        assertThatThrownBy(() -> CorrelationGroupsPolicy.of(30, 10, 1.01, Map.of()))
                .hasMessage("threshold must be within (0, 1]: 1.01");
        assertThatThrownBy(() -> CorrelationGroupsPolicy.of(30, 10, Double.NaN, Map.of()))
                .hasMessage("threshold must be within (0, 1]: NaN");
        assertThat(CorrelationGroupsPolicy.of(30, 10, 1, Map.of()).threshold()).isEqualTo(1);
    }

    @Test
    void refusesALookbackOrMinimumThatCannotWork() {
        assertThatThrownBy(() -> CorrelationGroupsPolicy.of(1, 3, 0.7, Map.of()))
                .hasMessage("lookbackDays must be within [2, 366]: 1");
        assertThatThrownBy(() -> CorrelationGroupsPolicy.of(400, 10, 0.7, Map.of()))
                .hasMessage("lookbackDays must be within [2, 366]: 400");
        assertThatThrownBy(() -> CorrelationGroupsPolicy.of(30, 2, 0.7, Map.of()))
                .hasMessage("minCommonReturns must be at least 3 (two returns always correlate perfectly): 2");
        assertThatThrownBy(() -> CorrelationGroupsPolicy.of(10, 11, 0.7, Map.of()))
                .hasMessage(
                        "minCommonReturns (11) must not exceed lookbackDays (10): no pair could ever have enough returns");
    }

    @Test
    void refusesConfiguredGroupsThatAreAmbiguous() {
        assertThatThrownBy(
                        () -> CorrelationGroupsPolicy.of(30, 10, 0.7, Map.of("a", Set.of(BTC), "b", Set.of(BTC, ETH))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol BTCUSDT is configured in two groups: 'a' and 'b'");
        assertThatThrownBy(() -> CorrelationGroupsPolicy.of(30, 10, 0.7, Map.of("corr-x", Set.of(BTC))))
                .hasMessage("configured group name 'corr-x' must not start with 'corr-', which names computed groups");
        assertThatThrownBy(() -> CorrelationGroupsPolicy.of(30, 10, 0.7, Map.of("empty", Set.of())))
                .hasMessage("configured group 'empty' must have at least one symbol");
        assertThatThrownBy(() -> CorrelationGroupsPolicy.of(30, 10, 0.7, Map.of(" ", Set.of(BTC))))
                .hasMessage("configured group names must be non-blank without surrounding spaces: ' '");
    }
}
