package dev.peregrine.backtest.research.overfitting;

/**
 * What combinatorially symmetric cross-validation found.
 *
 * @param probabilityOfOverfitting share of splits where the in-sample best ranked at or below the out-of-sample
 *                                 median; near 0 is good, 0.5 and above means the choice is noise
 * @param probabilityOfLoss        share of splits where the in-sample best lost out of sample (Sharpe below 0)
 * @param meanLogit                mean logit of the chosen trial's out-of-sample relative rank
 * @param combinations             number of in-/out-of-sample splits, C(S, S/2)
 * @param trials                   configurations compared
 * @param periods                  rows of the performance matrix
 * @param partitions               S
 */
public record PboResult(
        double probabilityOfOverfitting,
        double probabilityOfLoss,
        double meanLogit,
        int combinations,
        int trials,
        int periods,
        int partitions) {}
