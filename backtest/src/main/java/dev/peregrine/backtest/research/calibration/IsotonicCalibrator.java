package dev.peregrine.backtest.research.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing step function of the score closest (least
 * squares) to the hits, with blocks of equal value merged so the steps strictly rise. Equal scores are pooled first so they always get one probability. A score between two
 * fitted blocks gets the lower block's value (a step function, no interpolation); below the first block the first
 * value, above the last the last.
 */
public final class IsotonicCalibrator implements Calibrator {

    private final double[] blockStarts;
    private final double[] values;

    private IsotonicCalibrator(double[] blockStarts, double[] values) {
        this.blockStarts = blockStarts;
        this.values = values;
    }

    public static IsotonicCalibrator fit(List<ScoredOutcome> training) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("isotonic calibration needs at least one outcome");
        }
        List<ScoredOutcome> sorted = new ArrayList<>(training);
        sorted.sort(Comparator.comparingDouble(ScoredOutcome::score));
        List<Block> blocks = new ArrayList<>();
        for (ScoredOutcome sample : sorted) {
            Block last = blocks.isEmpty() ? null : blocks.getLast();
            if (last != null && last.end == sample.score()) {
                blocks.set(blocks.size() - 1, last.plus(sample.score(), sample.outcome(), 1));
            } else {
                blocks.add(new Block(sample.score(), sample.score(), sample.outcome(), 1));
            }
            poolViolators(blocks);
        }
        double[] starts = blocks.stream().mapToDouble(Block::start).toArray();
        double[] values = blocks.stream().mapToDouble(Block::mean).toArray();
        return new IsotonicCalibrator(starts, values);
    }

    private static void poolViolators(List<Block> blocks) {
        while (blocks.size() > 1) {
            Block last = blocks.getLast();
            Block previous = blocks.get(blocks.size() - 2);
            if (previous.mean() < last.mean()) {
                return;
            }
            blocks.removeLast();
            blocks.set(blocks.size() - 1, previous.plus(last.end, last.sum, last.weight));
        }
    }

    @Override
    public double probability(double score) {
        int index = Arrays.binarySearch(blockStarts, score);
        int block = index >= 0 ? index : Math.max(0, -index - 2);
        return values[block];
    }

    /** The fitted steps, lowest score first, for reports and tests. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            steps.add(new Step(blockStarts[i], values[i]));
        }
        return List.copyOf(steps);
    }

    /** From {@code fromScore} on (until the next step) the probability is {@code probability}. */
    public record Step(double fromScore, double probability) {}

    /** Scores {@code [start, end]} pooled into one value. */
    private record Block(double start, double end, double sum, double weight) {
        Block plus(double newEnd, double moreSum, double moreWeight) {
            return new Block(start, newEnd, sum + moreSum, weight + moreWeight);
        }

        double mean() {
            return sum / weight;
        }
    }
}
