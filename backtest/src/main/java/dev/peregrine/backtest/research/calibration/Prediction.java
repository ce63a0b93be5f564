package dev.peregrine.backtest.research.calibration;

/**
 * A calibrated probability and what then happened.
 *
 * @param probability predicted chance of a hit, 0-1
 * @param hit         whether it hit
 */
public record Prediction(double probability, boolean hit) {

    public Prediction {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be within [0, 1]: " + probability);
        }
    }

    public double outcome() {
        return hit ? 1.0 : 0.0;
    }
}
