package dev.peregrine.monitor.adapter.in.rest.health;

import dev.peregrine.monitor.application.health.JudgeStrategies;
import dev.peregrine.monitor.application.health.StrategyHealth;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/strategies/health} (VIEWER): each strategy's standing under the degradation rule. */
@RestController
public class StrategyHealthController {

    private final JudgeStrategies judge;

    public StrategyHealthController(JudgeStrategies judge) {
        this.judge = judge;
    }

    /** @param cusum the rule's statistic in standard deviations; {@code pausedByMonitor} the monitor's last command */
    public record HealthView(
            String strategyId,
            int outcomes,
            double meanNetReturn,
            double standardDeviation,
            double cusum,
            boolean degraded,
            boolean pausedByMonitor,
            Instant lastOutcome) {

        static HealthView of(StrategyHealth health) {
            var state = health.state();
            return new HealthView(
                    health.strategyId(),
                    state.count(),
                    state.mean(),
                    Double.isNaN(state.standardDeviation()) ? 0 : state.standardDeviation(),
                    state.statistic(),
                    state.degraded(),
                    health.paused(),
                    state.lastTime());
        }
    }

    @GetMapping("/api/v1/strategies/health")
    public List<HealthView> health() {
        return judge.standings().stream().map(HealthView::of).toList();
    }
}
