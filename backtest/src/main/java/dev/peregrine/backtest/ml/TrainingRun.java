package dev.peregrine.backtest.ml;

import dev.peregrine.backtest.engine.KlineSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One training of the ML filter on a window [{@code from}, {@code to}): the chain runs once over the whole window
 * (so its indicators are warm throughout); the signals whose horizon ends before {@code split} train the model, the
 * signals from {@code split} on (horizon inside the window) measure it, and the signals whose horizon crosses
 * {@code split} are dropped, so no outcome the model was fitted on overlaps one it is measured on.
 */
public final class TrainingRun {

    /**
     * What the filter at {@code threshold} would have done on the measuring slice: how many signals pass, and the
     * mean forward return after costs of all, the passed and the skipped ones.
     */
    public record ThresholdEffect(
            double threshold,
            int signals,
            int passed,
            double meanReturnAll,
            double meanReturnPassed,
            double meanReturnSkipped) {

        static ThresholdEffect of(double threshold, double[] probabilities, List<LabelledSignal> rows) {
            double all = 0;
            double passed = 0;
            double skipped = 0;
            int passedCount = 0;
            for (int i = 0; i < rows.size(); i++) {
                double r = rows.get(i).forwardReturn();
                all += r;
                if (probabilities[i] >= threshold) {
                    passed += r;
                    passedCount++;
                } else {
                    skipped += r;
                }
            }
            int skippedCount = rows.size() - passedCount;
            return new ThresholdEffect(
                    threshold,
                    rows.size(),
                    passedCount,
                    all / Math.max(1, rows.size()),
                    passedCount == 0 ? Double.NaN : passed / passedCount,
                    skippedCount == 0 ? Double.NaN : skipped / skippedCount);
        }
    }

    /** The fitted model and how it did on the slice it never saw. */
    public record Result(
            ModelTrainer.Fitted model,
            Instant from,
            Instant split,
            Instant to,
            int trainRows,
            int droppedAtSplit,
            ClassifierMetrics trainMetrics,
            ClassifierMetrics validation,
            ThresholdEffect effect) {}

    private final SignalDataset dataset;
    private final ModelTrainer trainer;
    private final double threshold;

    public TrainingRun(SignalDataset dataset, ModelTrainer trainer, double threshold) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.threshold = threshold;
    }

    /** The split point: the last {@code validationFraction} of the window measures the model. */
    public static Instant split(Instant from, Instant to, double validationFraction) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be within (0, 1): " + validationFraction);
        }
        Duration window = Duration.between(from, to);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must end after it starts: " + from + " to " + to);
        }
        return from.plus(Duration.ofMillis((long) (window.toMillis() * (1 - validationFraction))));
    }

    public Result run(List<KlineSeries> series, Instant from, Instant to, double validationFraction) {
        Instant split = split(from, to, validationFraction);
        List<LabelledSignal> train = new ArrayList<>();
        List<LabelledSignal> validation = new ArrayList<>();
        int dropped = 0;
        for (KlineSeries one : series) {
            for (LabelledSignal row : dataset.rows(one, from, to)) {
                if (row.exitTime().isBefore(split)) {
                    train.add(row);
                } else if (!row.time().isBefore(split)) {
                    validation.add(row);
                } else {
                    dropped++;
                }
            }
        }
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("the window gives " + train.size() + " training and " + validation.size()
                    + " validation signals: widen it");
        }
        ModelTrainer.Fitted fitted = trainer.fit(train);
        double[] validationP = fitted.predict(validation);
        return new Result(
                fitted,
                from,
                split,
                to,
                train.size(),
                dropped,
                ClassifierMetrics.of(fitted.predict(train), labels(train)),
                ClassifierMetrics.of(validationP, labels(validation)),
                ThresholdEffect.of(threshold, validationP, validation));
    }

    private static float[] labels(List<LabelledSignal> rows) {
        float[] labels = new float[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).label();
        }
        return labels;
    }
}
