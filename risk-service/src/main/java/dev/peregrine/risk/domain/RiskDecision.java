package dev.peregrine.risk.domain;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Quantity;
import java.util.List;
import java.util.Objects;

/** What risk makes of one signal: a size to trade, or a refusal with its reasons. */
public sealed interface RiskDecision permits RiskDecision.Approved, RiskDecision.Denied {

    List<Reason> reasons();

    /**
     * @param quantity   base asset quantity, already rounded down to the instrument's step size
     * @param riskAmount what is lost if the stop is hit: quantity x |entry - stop|
     * @param reasons    how the size was arrived at (never empty)
     */
    record Approved(Quantity quantity, Money riskAmount, List<Reason> reasons) implements RiskDecision {

        public Approved {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(riskAmount, "riskAmount");
            reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
            if (quantity.isZero()) {
                throw new IllegalArgumentException("an approval needs a positive quantity");
            }
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("an approval must explain its size");
            }
        }
    }

    /** @param reasons why the signal is not traded (never empty) */
    record Denied(List<Reason> reasons) implements RiskDecision {

        public Denied {
            reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a denial must give at least one reason");
            }
        }
    }
}
