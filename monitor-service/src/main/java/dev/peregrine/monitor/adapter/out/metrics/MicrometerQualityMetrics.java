package dev.peregrine.monitor.adapter.out.metrics;

import dev.peregrine.common.event.Grade;
import dev.peregrine.monitor.application.quality.metrics.QualityMetrics;
import dev.peregrine.monitor.domain.quality.QualityFigures;
import dev.peregrine.monitor.domain.quality.SampleQuality;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The quality gauges, {@code peregrine_monitor_quality_*}: per strategy and horizon (ISO, e.g. {@code PT4H}) the
 * sample size, hit rate and its Wilson bounds, expectancy and its bounds, Brier skill, calibration gap and error; per
 * grade and horizon the sample size, hit rate and expectancy; per horizon Kendall's τ of the grades. A series is
 * registered the first time its strategy, grade or horizon is refreshed and holds the latest value.
 */
@Component
public class MicrometerQualityMetrics implements QualityMetrics {

    /** The per-strategy gauges in the order of {@link #values(QualityFigures)}. */
    static final List<String> STRATEGY_GAUGES = List.of(
            "sample.size",
            "hit.rate",
            "hit.rate.lower",
            "hit.rate.upper",
            "expectancy",
            "expectancy.lower",
            "expectancy.upper",
            "brier.skill",
            "calibration.gap",
            "calibration.error");

    static final List<String> GRADE_GAUGES = List.of("grade.sample.size", "grade.hit.rate", "grade.expectancy");

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("sample.size", "Measured outcomes of the strategy in the lookback"),
            Map.entry("hit.rate", "Share of the strategy's outcomes with a positive net return"),
            Map.entry("hit.rate.lower", "Lower end of the hit rate's 95 % Wilson interval"),
            Map.entry("hit.rate.upper", "Upper end of the hit rate's 95 % Wilson interval"),
            Map.entry("expectancy", "Mean net return per outcome after costs, as a fraction"),
            Map.entry("expectancy.lower", "Lower end of the expectancy's 95 % Student-t interval"),
            Map.entry("expectancy.upper", "Upper end of the expectancy's 95 % Student-t interval"),
            Map.entry("brier.skill", "Brier skill of the validation's confidence against the base rate"),
            Map.entry("calibration.gap", "Realised hit rate minus mean stated confidence (negative: over-confident)"),
            Map.entry("calibration.error", "Expected calibration error of the confidence (10 bins)"),
            Map.entry("grade.sample.size", "Measured outcomes of the grade, all strategies, in the lookback"),
            Map.entry("grade.hit.rate", "Hit rate of the grade, all strategies"),
            Map.entry("grade.expectancy", "Mean net return of the grade, all strategies"));

    private final MeterRegistry registry;
    /** The values of each registered group of gauges, by its first gauge's name and its tags; held strongly here. */
    private final Map<String, double[]> slots = new ConcurrentHashMap<>();

    private final double[] refreshed = {Double.NaN};

    public MicrometerQualityMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("peregrine.monitor.quality.refreshed", refreshed, v -> v[0])
                .description("When the quality gauges were last computed, in seconds since the epoch")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public void strategy(String strategy, Duration horizon, QualityFigures figures) {
        set(Tags.of("strategy", strategy, "horizon", horizon.toString()), STRATEGY_GAUGES, values(figures));
    }

    @Override
    public void grade(Grade grade, Duration horizon, SampleQuality quality) {
        set(Tags.of("grade", grade.name(), "horizon", horizon.toString()), GRADE_GAUGES, new double[] {
            quality.count(), quality.hitRate().rate(), quality.expectancy()
        });
    }

    @Override
    public void gradeOrder(Duration horizon, double hitRateTau, double returnTau) {
        set(Tags.of("horizon", horizon.toString(), "measure", "hit_rate"), List.of("grade.kendall.tau"), new double[] {
            hitRateTau
        });
        set(
                Tags.of("horizon", horizon.toString(), "measure", "net_return"),
                List.of("grade.kendall.tau"),
                new double[] {returnTau});
    }

    @Override
    public void refreshed(Instant at) {
        refreshed[0] = at.toEpochMilli() / 1000.0;
    }

    static double[] values(QualityFigures f) {
        return new double[] {
            f.sampleSize(),
            f.hitRate(),
            f.hitRateLower(),
            f.hitRateUpper(),
            f.expectancy(),
            f.expectancyLower(),
            f.expectancyUpper(),
            f.brierSkill(),
            f.calibrationGap(),
            f.calibrationError()
        };
    }

    private void set(Tags tags, List<String> names, double[] values) {
        double[] slot = slots.computeIfAbsent(names.getFirst() + tags, key -> {
            double[] created = new double[names.size()];
            for (int i = 0; i < names.size(); i++) {
                int index = i;
                Gauge.builder("peregrine.monitor.quality." + names.get(i), created, v -> v[index])
                        .tags(tags)
                        .description(DESCRIPTIONS.getOrDefault(
                                names.get(i),
                                "Kendall's tau of the grades (A best) against the measure; 1 monotone, -1 inverted"))
                        .register(registry);
            }
            return created;
        });
        System.arraycopy(values, 0, slot, 0, values.length);
    }
}
