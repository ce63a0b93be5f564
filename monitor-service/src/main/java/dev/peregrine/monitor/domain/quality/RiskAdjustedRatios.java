package dev.peregrine.monitor.domain.quality;

/**
 * Sharpe and Sortino ratios <b>per trade</b> (per outcome), with a zero risk-free rate and a zero target: outcomes
 * arrive irregularly, so a per-period annualisation would be a guess. {@link #annualised(double)} scales both by
 * √(trades per year) for whoever knows the trade frequency.
 * <ul>
 *   <li>Sharpe = mean / s, s the sample standard deviation (n − 1).</li>
 *   <li>Sortino = mean / DD, DD = √(Σ min(0, r)² / n), the downside deviation over all n outcomes.</li>
 * </ul>
 * NaN when undefined (fewer than two outcomes, zero spread); +∞ Sortino for a positive mean without losses.
 */
public record RiskAdjustedRatios(double sharpe, double sortino) {

    public static RiskAdjustedRatios perTrade(double[] returns) {
        SampleMoments moments = SampleMoments.of(returns);
        double sharpe = moments.count() < 2 || moments.variance() == 0
                ? Double.NaN
                : moments.mean() / moments.standardDeviation();
        double downsideSquares = 0;
        for (double r : returns) {
            if (r < 0) {
                downsideSquares += r * r;
            }
        }
        double sortino;
        if (moments.count() < 2) {
            sortino = Double.NaN;
        } else if (downsideSquares == 0) {
            sortino = moments.mean() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            sortino = moments.mean() / Math.sqrt(downsideSquares / moments.count());
        }
        return new RiskAdjustedRatios(sharpe, sortino);
    }

    /** Both ratios times √(tradesPerYear), assuming independent trades. */
    public RiskAdjustedRatios annualised(double tradesPerYear) {
        if (!(tradesPerYear > 0)) {
            throw new IllegalArgumentException("tradesPerYear must be > 0: " + tradesPerYear);
        }
        double factor = Math.sqrt(tradesPerYear);
        return new RiskAdjustedRatios(sharpe * factor, sortino * factor);
    }
}
