/**
 * A Binance-compatible exchange simulator: REST ({@code /api/v3/...}) and WebSocket market streams over real
 * sockets, driven by recorded klines and captured stream messages on a simulated market clock, with Binance's
 * limits enforced and faults injected on demand, so that unmodified Binance client code can be tested offline.
 * Signed spot trading endpoints ({@link dev.peregrine.exchangesim.TradingApi}) fill orders against the replayed
 * market in a {@link dev.peregrine.exchangesim.MatchingEngine} (see {@code docs/exchange-sim.md}, "Trading").
 * Start one with {@link dev.peregrine.exchangesim.ExchangeSimulator#start(SimulatorConfig)}.
 */
package dev.peregrine.exchangesim;
