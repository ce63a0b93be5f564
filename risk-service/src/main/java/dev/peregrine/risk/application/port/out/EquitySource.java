package dev.peregrine.risk.application.port.out;

import dev.peregrine.common.value.Money;

/** The account equity sizing risks a fraction of, in quote asset. */
public interface EquitySource {

    Money currentEquity();
}
