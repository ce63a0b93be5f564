package dev.peregrine.signal.domain.analyst;

/**
 * A strategy: turns the market context of one closed candle into an opinion. Implementations are pure
 * (same context, same opinion) so that a replay gives the same decisions.
 */
public interface Analyst {

    /** Stable id, also the strategy id in the registry and on signals (e.g. {@code momentum}). */
    String id();

    Opinion assess(MarketContext context);
}
