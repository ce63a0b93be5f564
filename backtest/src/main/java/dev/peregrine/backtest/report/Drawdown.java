package dev.peregrine.backtest.report;

/**
 * Drawdown of an equity curve: at each point, how far the equity is below the highest equity seen so far (the
 * starting cash counts as the first peak), as a fraction (-0.25 = 25 % below the peak).
 */
public final class Drawdown {

    private Drawdown() {}

    /** The drawdown at each point, each in -1..0. */
    public static double[] series(double startingEquity, double[] equity) {
        double[] drawdown = new double[equity.length];
        double peak = startingEquity;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            drawdown[i] = peak > 0 ? equity[i] / peak - 1.0 : 0.0;
        }
        return drawdown;
    }

    /** The deepest drawdown as a positive fraction (0.25 = the equity fell 25 % from a peak), 0 for none. */
    public static double max(double startingEquity, double[] equity) {
        double worst = 0.0;
        for (double d : series(startingEquity, equity)) {
            worst = Math.min(worst, d);
        }
        return -worst;
    }
}
