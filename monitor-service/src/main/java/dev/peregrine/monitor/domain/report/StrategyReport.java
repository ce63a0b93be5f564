package dev.peregrine.monitor.domain.report;

import java.util.Objects;

/**
 * One strategy's (or, as {@value #ALL}, every strategy's) line of a report.
 *
 * @param outcomes null when no outcome was measured in the period
 * @param trades   null when no position was closed in the period
 */
public record StrategyReport(
        String strategy, int signals, int tradeableSignals, OutcomeFigures outcomes, TradeFigures trades) {

    /** The strategy name of the overall line. */
    public static final String ALL = "ALL";

    public StrategyReport {
        Objects.requireNonNull(strategy, "strategy");
    }
}
