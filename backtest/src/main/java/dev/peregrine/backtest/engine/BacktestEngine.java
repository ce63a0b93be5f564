package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Backtests on the code that trades: kline series through ingest's quality stage, signal-service's
 * {@code SignalChain}, risk-service's use cases (sizing, limits, breaker, exits, the book) and execution-service's
 * paper venue (fees, slippage, protective stop and take-profit), each on in-memory ports, in one thread, without
 * Kafka or PostgreSQL. Same input and configuration, same result, ids included.
 *
 * <p>Usage: {@code new BacktestEngine(BacktestConfig.serviceDefaults()).run(List.of(KlineSeries.read(file)))}. An
 * engine holds only its configuration: each {@link #run} starts from a fresh book (the starting balance, no
 * position) and may be called from several threads at once.
 */
public final class BacktestEngine {

    private final BacktestConfig config;
    private final Supplier<SignalSource> signals;

    public BacktestEngine(BacktestConfig config) {
        this(config, () -> SignalSource.chain(config.signal()));
    }

    /** With scripted signals instead of the chain: for tests of risk's and execution's part. */
    BacktestEngine(BacktestConfig config, Supplier<SignalSource> signals) {
        this.config = Objects.requireNonNull(config, "config");
        this.signals = Objects.requireNonNull(signals, "signals");
    }

    public BacktestConfig config() {
        return config;
    }

    /**
     * Runs the series together, interleaved by candle time. The instruments' trading rules come from the
     * configuration's exchangeInfo snapshot, as in a replay.
     */
    public BacktestResult run(List<KlineSeries> series) {
        List<Symbol> symbols =
                series.stream().map(KlineSeries::symbol).distinct().toList();
        return run(InstrumentRules.of(config.instrumentsSnapshot(), symbols), CandleFeed.of(series, config.quality()));
    }

    /**
     * Runs candles as ingest published them ({@link CandleFeed}), in the order given, after the instruments.
     *
     * @param candles in market-time order
     */
    public BacktestResult run(List<InstrumentUpdated> instruments, List<CandleClosed> candles) {
        ResultRecorder recorder = new ResultRecorder(config.risk().startingBalance());
        ServicesInProcess services = new ServicesInProcess(config, signals.get(), recorder);
        instruments.forEach(services::instrument);
        Instant time = null;
        for (CandleClosed candle : candles) {
            if (time != null && !candle.closeTime().equals(time)) {
                recorder.equity(time, services.ledger().valuation());
            }
            time = candle.closeTime();
            services.candle(candle);
        }
        if (time != null) {
            recorder.equity(time, services.ledger().valuation());
        }
        return recorder.result(
                config, services.ledger().decisions(), services.orders().all());
    }
}
