package dev.peregrine.signal.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.application.port.in.EvaluateClosedCandle;
import dev.peregrine.signal.application.port.out.SignalMetrics;
import dev.peregrine.signal.application.port.out.SignalPublisher;
import dev.peregrine.signal.application.port.out.SignalRecord;
import dev.peregrine.signal.application.port.out.SignalValidationStore;
import dev.peregrine.signal.domain.Bar;
import dev.peregrine.signal.domain.EmaCrossoverOpinion;
import dev.peregrine.signal.domain.EmaCrossoverStrategy;
import dev.peregrine.signal.domain.SignalCandidate;
import dev.peregrine.signal.domain.SignalValidation;
import dev.peregrine.signal.domain.SignalValidator;
import dev.peregrine.signal.domain.Strategy;
import dev.peregrine.signal.domain.StrategyOutcome;
import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.consensus.DebateRecord;
import dev.peregrine.signal.domain.consensus.Deliberation;
import dev.peregrine.signal.domain.consensus.PanelMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs the EMA crossover strategy on each (symbol, interval) series, validates what it proposes, stores
 * the validation and then publishes it.
 *
 * <p>Transitional: the crossover is validated by the v2 validator as the only member of a one-analyst
 * panel (its weight the registry's runtime weight, regime weight 1, no volatility figure yet), until the
 * analyst panel replaces the EMA crossover.
 *
 * <p>A candle carrying data-quality flags still moves the indicators (the series stays continuous); a
 * signal on such a candle is recorded but skipped by the validator.
 *
 * <p>First version: indicator state lives in memory only and starts cold after a restart (each series
 * needs its warm-up bars again); a later issue rebuilds it from stored candles.
 *
 * <p>At-least-once: the indicators move before the signal is stored and published, so if storing or
 * publishing fails, the redelivered candle is a duplicate for the strategy. The series therefore keeps the
 * output of its last bar, and a duplicate of that bar stores (idempotently) and publishes that same output
 * again: the retry completes what the first attempt started, with identical ids.
 */
public final class EvaluateClosedCandleService implements EvaluateClosedCandle {

    private static final Logger log = LoggerFactory.getLogger(EvaluateClosedCandleService.class);

    /** Until the regime classifier is wired in, the lone analyst fits every regime fully. */
    private static final double SINGLE_ANALYST_REGIME_WEIGHT = 1.0;

    private final Supplier<EmaCrossoverStrategy> strategyFactory;
    private final Deliberation deliberation;
    private final SignalValidator validator;
    private final StrategyRegistry registry;
    private final SignalValidationStore store;
    private final SignalPublisher publisher;
    private final SignalMetrics metrics;
    private final IdGenerator idGenerator;
    private final Clock clock;
    private final Map<SeriesKey, Series> series = new ConcurrentHashMap<>();

    public EvaluateClosedCandleService(Supplier<EmaCrossoverStrategy> strategyFactory, Deliberation deliberation,
                                       SignalValidator validator, StrategyRegistry registry, SignalValidationStore store,
                                       SignalPublisher publisher, SignalMetrics metrics, IdGenerator idGenerator, Clock clock) {
        this.strategyFactory = Objects.requireNonNull(strategyFactory, "strategyFactory");
        this.deliberation = Objects.requireNonNull(deliberation, "deliberation");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<SignalValidated> evaluate(CandleClosed candle) {
        long started = System.nanoTime();
        Series current = series.computeIfAbsent(new SeriesKey(candle.symbol(), candle.interval()),
                key -> new Series(strategyFactory.get()));
        // One partition feeds a series, so this lock is uncontended; it only guards against a rebalance
        // handing the series to another listener thread while the previous one is still on it.
        synchronized (current) {
            Optional<SignalValidated> result = evaluate(current, candle);
            metrics.evaluationLatency(Duration.ofNanos(System.nanoTime() - started));
            return result;
        }
    }

    private Optional<SignalValidated> evaluate(Series current, CandleClosed candle) {
        Bar bar = new Bar(candle.openTime(), candle.closeTime(), candle.open().value(), candle.high().value(),
                candle.low().value(), candle.close().value(), candle.volume().value(), candle.quoteVolume().value(),
                candle.takerBuyBaseVolume().value(), candle.qualityFlags());
        StrategyOutcome outcome = current.strategy.onBar(bar);
        return switch (outcome) {
            case StrategyOutcome.Ignored ignored -> ignore(current, candle, ignored.reason());
            case StrategyOutcome.WarmingUp warmingUp -> current.forget();
            case StrategyOutcome.NoSignal noSignal -> current.forget();
            case StrategyOutcome.Signal signal -> Optional.of(emit(current, candle, signal));
        };
    }

    private Optional<SignalValidated> ignore(Series current, CandleClosed candle, StrategyOutcome.IgnoreReason reason) {
        metrics.candleIgnored(reason.name().toLowerCase(Locale.ROOT));
        if (reason == StrategyOutcome.IgnoreReason.DUPLICATE && current.lastOutput != null) {
            SignalRecord replay = current.lastOutput;
            log.debug("Candle {} {} {} is a duplicate of the last bar: re-publishing signal {}", candle.symbol(),
                    candle.interval(), candle.openTime(), replay.signal().signalId());
            store.save(replay);
            publisher.publish(replay.signal());
            return Optional.of(replay.signal());
        }
        log.debug("Ignoring {} candle {} {} {} (last bar opened {})", reason, candle.symbol(), candle.interval(),
                candle.openTime(), current.strategy.lastOpenTime());
        return Optional.empty();
    }

    private SignalValidated emit(Series current, CandleClosed candle, StrategyOutcome.Signal signal) {
        String strategyId = EmaCrossoverStrategy.ID;
        Opinion opinion = EmaCrossoverOpinion.of(signal.side(), signal.indicators());
        boolean paused = registry.isPaused(strategyId);
        double runtimeWeight = registry.find(strategyId).map(Strategy::weight).map(BigDecimal::doubleValue).orElse(0.0);
        DebateRecord debate = deliberation.deliberate(List.of(
                new PanelMember(opinion, SINGLE_ANALYST_REGIME_WEIGHT * runtimeWeight, paused)));
        SignalValidation validation = validator.validate(new SignalCandidate(opinion, SINGLE_ANALYST_REGIME_WEIGHT, paused,
                candle.close().value(), OptionalDouble.of(signal.indicators().atr()), candle.qualityFlags(),
                OptionalDouble.empty(), debate.consensus(), debate.verdict()));
        UUID signalId = DerivedIds.from("signal", strategyId, candle.symbol(), candle.interval(), candle.openTime());
        Instant now = clock.instant();
        Envelope envelope = Envelope.causedBy(candle.envelope(), idGenerator.next(), candle.envelope().eventTime(), now);
        SignalValidated event = new SignalValidated(envelope, signalId, strategyId, candle.symbol(), candle.interval(),
                candle.closeTime(), validation.side(), validation.strength(), validation.grade(), validation.confidence(),
                validation.sizeMultiplier(), validation.action(), validation.tradeable(),
                Price.of(validation.referencePrice()), Price.of(validation.stopPrice()), validation.reasons());
        SignalRecord record = new SignalRecord(event, signal.indicators(), now);
        current.lastOutput = record;
        store.save(record);
        publisher.publish(event);
        metrics.signalValidated(strategyId, validation.grade(), validation.action(), validation.strength());
        return event;
    }

    private record SeriesKey(Symbol symbol, Interval interval) {
    }

    private static final class Series {

        private final EmaCrossoverStrategy strategy;
        /** The signal of the series' last bar, or null when that bar produced none. */
        private SignalRecord lastOutput;

        private Series(EmaCrossoverStrategy strategy) {
            this.strategy = strategy;
        }

        private Optional<SignalValidated> forget() {
            lastOutput = null;
            return Optional.empty();
        }
    }
}
