package dev.peregrine.signal.domain.pattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The façade: fed one closed bar at a time, returns the patterns confirmed on that bar.
 *
 * <p>Per bar it updates the {@link SwingDetector} (O(k)), scores the bar's volume against the mean of the
 * previous {@link PatternConfig#volumePeriod()} bars (O(1)), and asks each recogniser about the most recent
 * swings (O(maxSwings)). Everything it knows comes from bars already fed, so the patterns reported for the
 * first {@code n} bars are the same whatever bars follow.
 *
 * <h2>When a pattern is reported</h2>
 * On the first bar on which both (a) its last swing is confirmed — {@code window} bars after that swing's
 * own bar — and (b) the close is beyond the neckline/boundary, while its swings are still the most recent
 * ones. A close beyond the neckline before the last swing is confirmed is therefore reported on the
 * confirming bar, the first moment the pattern can be known.
 *
 * <h2>Once per formation</h2>
 * A swing point is used by at most one reported pattern of each {@link PatternType#family() family}: a
 * match whose first swing is not newer than the last swing of the previous report of its family overlaps it
 * and is dropped. This keeps a formation from being reported again on every later bar that closes beyond the
 * neckline, and a triple top from counting as two double tops.
 *
 * <h2>Volume score</h2>
 * {@code clamp(volume / average - 0.5, 0, 1)}: 0 at half the average volume or less, 1 at 1.5 times or more;
 * 0.5 (neutral) until {@code volumePeriod} earlier bars exist or when their average is 0.
 * Not thread-safe: one detector per symbol and interval.
 */
public final class PatternDetector {

    private final SwingDetector swingDetector;
    private final List<PatternRecognizer> recognizers;
    private final double[] volumes;
    private final Map<String, Long> lastReportedSwingByFamily = new HashMap<>();
    private double volumeSum;
    private long index = -1;

    public PatternDetector(SwingConfig swingConfig, PatternConfig patternConfig) {
        Objects.requireNonNull(swingConfig, "swingConfig");
        Objects.requireNonNull(patternConfig, "patternConfig");
        if (swingConfig.maxSwings() < patternConfig.swingsNeeded()) {
            throw new IllegalArgumentException("maxSwings " + swingConfig.maxSwings() + " must keep at least the "
                    + patternConfig.swingsNeeded() + " swings the largest pattern needs");
        }
        this.swingDetector = new SwingDetector(swingConfig);
        this.recognizers = List.of(
                new DoubleTopBottomRecognizer(patternConfig),
                new HeadAndShouldersRecognizer(patternConfig),
                new TriangleRecognizer(patternConfig));
        this.volumes = new double[patternConfig.volumePeriod()];
    }

    public static PatternDetector withDefaults() {
        return new PatternDetector(SwingConfig.defaults(), PatternConfig.defaults());
    }

    /** Feeds the next closed bar; returns the patterns it confirms, in recogniser order (usually none). */
    public List<PatternMatch> onBar(PatternBar bar) {
        Objects.requireNonNull(bar, "bar");
        index++;
        swingDetector.onBar(bar);
        BarContext context = new BarContext(index, bar, volumeScore(bar.volume()));
        List<SwingPoint> swings = swingDetector.swings();
        List<PatternMatch> confirmed = List.of();
        for (PatternRecognizer recognizer : recognizers) {
            var match = recognizer.recognize(swings, context);
            if (match.isEmpty() || overlapsLastReport(match.get())) {
                continue;
            }
            PatternMatch pattern = match.get();
            lastReportedSwingByFamily.put(
                    pattern.type().family(), pattern.swings().getLast().barIndex());
            if (confirmed.isEmpty()) {
                confirmed = new ArrayList<>(2);
            }
            confirmed.add(pattern);
        }
        return confirmed.isEmpty() ? confirmed : List.copyOf(confirmed);
    }

    /** The swings the recognisers currently see, oldest first. */
    public List<SwingPoint> swings() {
        return List.copyOf(swingDetector.swings());
    }

    public long barsSeen() {
        return index + 1;
    }

    private boolean overlapsLastReport(PatternMatch match) {
        Long lastUsed = lastReportedSwingByFamily.get(match.type().family());
        return lastUsed != null && match.swings().getFirst().barIndex() <= lastUsed;
    }

    /** Scores against the bars before this one, then adds this bar to the rolling window. */
    private double volumeScore(double volume) {
        int period = volumes.length;
        double score = 0.5;
        if (index >= period) {
            double average = volumeSum / period;
            if (average > 0) {
                score = PatternConfig.clamp01(volume / average - 0.5);
            }
        }
        int slot = (int) (index % period);
        volumeSum += volume - volumes[slot];
        volumes[slot] = volume;
        return score;
    }
}
