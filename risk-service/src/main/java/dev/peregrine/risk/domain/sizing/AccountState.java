package dev.peregrine.risk.domain.sizing;

import dev.peregrine.common.event.Reason;
import dev.peregrine.risk.domain.InstrumentFilters;
import dev.peregrine.risk.domain.control.CapitalRamp;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the limits are checked against at the moment of one decision, gathered by the application from the
 * portfolio, the controls and the correlation groups.
 *
 * @param positionValue     value of this strategy's position in the symbol (plus its entries in flight)
 * @param symbolValue       value held in the symbol across strategies (plus entries in flight)
 * @param group             the symbol's correlation group
 * @param groupValue        value held in the group (plus entries in flight)
 * @param grossValue        value of all positions plus entries in flight
 * @param openPositions     positions open or being entered
 * @param ordersLastMinute  intents sent in the 60 s of market time before this one
 * @param positionOpen      whether this strategy already holds the symbol (or is entering it)
 * @param blocks            reasons no entry may be sent at all (kill switch, breaker, drawdown)
 * @param sizeFactor        the breaker's size factor (1, or less while REDUCING)
 * @param filters           the symbol's exchange filters; null when none are known yet
 * @param capitalRamp       the operator's caps on live capital, in the quote asset (off for paper trading)
 */
public record AccountState(
        BigDecimal equity,
        BigDecimal availableCash,
        BigDecimal positionValue,
        BigDecimal symbolValue,
        String group,
        BigDecimal groupValue,
        BigDecimal grossValue,
        int openPositions,
        int ordersLastMinute,
        boolean positionOpen,
        List<Reason> blocks,
        BigDecimal sizeFactor,
        InstrumentFilters filters,
        String quoteAsset,
        CapitalRamp capitalRamp) {

    public AccountState {
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(availableCash, "availableCash");
        Objects.requireNonNull(group, "group");
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(sizeFactor, "sizeFactor");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(capitalRamp, "capitalRamp");
    }
}
