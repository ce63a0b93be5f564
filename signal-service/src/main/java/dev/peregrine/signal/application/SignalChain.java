package dev.peregrine.signal.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.domain.AnalystStatus;
import dev.peregrine.signal.domain.CandleAssessment;
import dev.peregrine.signal.domain.LowStrengthPause;
import dev.peregrine.signal.domain.PanelSeat;
import dev.peregrine.signal.domain.SeriesState;
import dev.peregrine.signal.domain.SignalPipeline;
import dev.peregrine.signal.domain.SignalValidation;
import dev.peregrine.signal.domain.Strategy;
import dev.peregrine.signal.domain.analyst.AnalystPanel;
import dev.peregrine.signal.domain.analyst.MarketContext;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.indicator.BarUpdate;
import dev.peregrine.signal.domain.ml.MlFeatures;
import dev.peregrine.signal.domain.ml.MlFilter;
import dev.peregrine.signal.domain.ml.MlModel;
import dev.peregrine.signal.domain.ml.MlScore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one signal chain: what signal-service does with a closed candle of a (symbol, interval) series, from the
 * series state to the validated signals with their ids, in plain Java, without storage, Kafka or metrics.
 * <ol>
 *   <li>the series' {@link SeriesState} (indicator bank, pattern detector, feature tracker, regime classifier)
 *       moves by the candle; a duplicate or older candle moves nothing ({@link Step.Ignored});</li>
 *   <li>the {@link SignalPipeline} judges it: five opinions, weights = regime weight x the registry's runtime weight
 *       (read from the registry on every candle; paused analysts do not vote), consensus, debate and verdict, one
 *       {@link SignalValidation} per directional opinion, paused or not;</li>
 *   <li>the {@link MlFilter} scores every validation with the active model (if any) on its {@link MlFeatures} and
 *       turns it into a SKIP below the threshold; without a model it records "no model" and changes nothing;</li>
 *   <li>the {@link LowStrengthPause}, when on, turns the validation of a strategy whose last signals in the series
 *       averaged a strength below its threshold into a SKIP ({@code LOW_AVERAGE_STRENGTH}); a restart's rebuild
 *       ({@link Series#replay}) feeds the replayed candles' signals to that average, so it is what it was live;</li>
 *   <li>every validation gets its signal id, derived from analyst, symbol, interval and candle open time
 *       ({@link #signalId}); the candle's debate id from symbol, interval and open time ({@link #debateId}).</li>
 * </ol>
 * signal-service's Kafka path runs it ({@link EvaluateClosedCandleService}, which adds the restart rebuild, storing,
 * publishing and metrics around it, and turns each {@link ValidatedSignal} into the published {@code SignalValidated}
 * with {@link Step.Judged#event}); offline tools (the benchmarks' grade report and JMH benchmark) run the same
 * class with {@link #withServiceDefaults()}. So the same candles and the same registry give the same signals, ids
 * included, wherever the chain runs.
 *
 * <p>The chain itself is stateless and may be shared; each {@link Series} is not thread-safe: one per series,
 * fed in open-time order.
 */
public final class SignalChain {

    private final Supplier<SeriesState> seriesFactory;
    private final SignalPipeline pipeline;
    private final Function<String, AnalystStatus> registry;
    private final MlFilter mlFilter;
    private final LowStrengthPause strengthPause;

    /**
     * A chain without an ML model.
     *
     * @param seriesFactory a fresh series state for each new series
     * @param registry      the registry's view of each analyst, read on every candle
     */
    public SignalChain(
            Supplier<SeriesState> seriesFactory, SignalPipeline pipeline, Function<String, AnalystStatus> registry) {
        this(seriesFactory, pipeline, registry, MlFilter.withoutModel());
    }

    /** @param mlFilter the last step of every validation; its model is read once per judged candle */
    public SignalChain(
            Supplier<SeriesState> seriesFactory,
            SignalPipeline pipeline,
            Function<String, AnalystStatus> registry,
            MlFilter mlFilter) {
        this(seriesFactory, pipeline, registry, mlFilter, LowStrengthPause.OFF);
    }

    /** @param strengthPause after the ML filter: a strategy whose recent signals in the series were weak is SKIP */
    public SignalChain(
            Supplier<SeriesState> seriesFactory,
            SignalPipeline pipeline,
            Function<String, AnalystStatus> registry,
            MlFilter mlFilter,
            LowStrengthPause strengthPause) {
        this.seriesFactory = Objects.requireNonNull(seriesFactory, "seriesFactory");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.mlFilter = Objects.requireNonNull(mlFilter, "mlFilter");
        this.strengthPause = Objects.requireNonNull(strengthPause, "strengthPause");
    }

    /** The chain as signal-service runs it with these settings, reading this registry. */
    public SignalChain(SignalChainSettings settings, StrategyRegistry registry) {
        this(
                SeriesState::withDefaults,
                Objects.requireNonNull(settings, "settings").pipeline(),
                Objects.requireNonNull(registry, "registry")::status,
                settings.mlFilter(),
                settings.strengthPause());
    }

    /**
     * The chain as a freshly installed signal-service runs it: {@link SignalChainSettings#serviceDefaults()} and the registry as
     * its migration registers it ({@link #registeredAnalysts()}: the five analysts ACTIVE at weight 1).
     */
    public static SignalChain withServiceDefaults() {
        return new SignalChain(SignalChainSettings.serviceDefaults(), registeredAnalysts());
    }

    /**
     * The strategies signal-service's Flyway migration V2 registers: every analyst of the panel, ACTIVE at weight 1
     * ({@code SignalChainSettingsTest} reads the migration and checks they agree).
     */
    public static StrategyRegistry registeredAnalysts() {
        return new StrategyRegistry(AnalystPanel.withDefaults().ids().stream()
                .map(id -> new Strategy(
                        id, StrategyState.ACTIVE, BigDecimal.ONE, "initial registration", "migration", Instant.EPOCH))
                .toList());
    }

    /** A fresh series: nothing applied yet, not warm. */
    public Series newSeries(Symbol symbol, Interval interval) {
        return new Series(symbol, interval, seriesFactory.get());
    }

    /**
     * The bar a published candle makes, quality flags included: the one conversion signal-service's Kafka path and
     * the offline tools (the backtest engine, the ML trainer) share, so all feed the chain the same bars.
     */
    public static Bar barOf(CandleClosed candle) {
        return new Bar(
                candle.openTime(),
                candle.closeTime(),
                candle.open().value(),
                candle.high().value(),
                candle.low().value(),
                candle.close().value(),
                candle.volume().value(),
                candle.quoteVolume().value(),
                candle.takerBuyBaseVolume().value(),
                candle.qualityFlags());
    }

    public static UUID signalId(String strategyId, Symbol symbol, Interval interval, Instant candleOpenTime) {
        return DerivedIds.from("signal", strategyId, symbol, interval, candleOpenTime);
    }

    public static UUID debateId(Symbol symbol, Interval interval, Instant candleOpenTime) {
        return DerivedIds.from("debate", symbol, interval, candleOpenTime);
    }

    /**
     * One validation of a judged candle with its signal id, the analyst's seat on the panel and the ML filter's score
     * ({@code validation} is already filtered: a SKIP below the threshold).
     */
    public record ValidatedSignal(UUID signalId, SignalValidation validation, PanelSeat seat, MlScore ml) {

        public ValidatedSignal {
            Objects.requireNonNull(signalId, "signalId");
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(seat, "seat");
            Objects.requireNonNull(ml, "ml");
        }

        /** A validation no model scored. */
        public ValidatedSignal(UUID signalId, SignalValidation validation, PanelSeat seat) {
            this(signalId, validation, seat, MlScore.NO_MODEL);
        }

        public String strategyId() {
            return validation.analystId();
        }
    }

    /** What one closed candle did in a series. */
    public sealed interface Step {

        /** The candle was a duplicate of the last applied one or older than it: nothing moved, nothing judged. */
        record Ignored(BarUpdate reason) implements Step {

            public Ignored {
                Objects.requireNonNull(reason, "reason");
            }
        }

        /**
         * The candle moved the series and was judged.
         *
         * @param context         what the analysts judged (the bar, the indicators after it, regime, patterns)
         * @param volatilityRatio the candle's volatility over its normal level, empty until known
         * @param warm            whether the series is warm after this candle
         * @param signals         one per directional opinion, in the panel's order (empty: no analyst took a side)
         */
        record Judged(
                Symbol symbol,
                Interval interval,
                MarketContext context,
                OptionalDouble volatilityRatio,
                boolean warm,
                CandleAssessment assessment,
                List<ValidatedSignal> signals)
                implements Step {

            public Judged {
                Objects.requireNonNull(symbol, "symbol");
                Objects.requireNonNull(interval, "interval");
                Objects.requireNonNull(context, "context");
                Objects.requireNonNull(volatilityRatio, "volatilityRatio");
                Objects.requireNonNull(assessment, "assessment");
                signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
            }

            public Bar bar() {
                return context.bar();
            }

            /** Whether any analyst, paused or not, took a side: only then are there signals and a debate to keep. */
            public boolean hasCandidates() {
                return !signals.isEmpty();
            }

            public UUID debateId() {
                return SignalChain.debateId(symbol, interval, context.bar().openTime());
            }

            /** {@code signal} as signal-service publishes it on {@code signals.validated.v1}, in this envelope. */
            public SignalValidated event(ValidatedSignal signal, Envelope envelope) {
                SignalValidation validation = signal.validation();
                return new SignalValidated(
                        envelope,
                        signal.signalId(),
                        validation.analystId(),
                        symbol,
                        interval,
                        context.bar().closeTime(),
                        validation.side(),
                        validation.strength(),
                        validation.grade(),
                        validation.confidence(),
                        validation.sizeMultiplier(),
                        validation.action(),
                        validation.tradeable(),
                        Price.of(validation.referencePrice()),
                        Price.of(validation.stopPrice()),
                        validation.reasons(),
                        assessment.regime().label(),
                        signal.ml().probabilityOrNull(),
                        signal.ml().modelVersion(),
                        validation.calibrationVersion());
            }
        }
    }

    /** One (symbol, interval) series of this chain. Not thread-safe: fed in open-time order by one thread at a time. */
    public final class Series {

        private final Symbol symbol;
        private final Interval interval;
        private final SeriesState state;
        /** The series' recent strengths per strategy; null while the pause is off (nothing to keep). */
        private final LowStrengthPause.Tracker strengths;

        private Series(Symbol symbol, Interval interval, SeriesState state) {
            this.symbol = Objects.requireNonNull(symbol, "symbol");
            this.interval = Objects.requireNonNull(interval, "interval");
            this.state = Objects.requireNonNull(state, "state");
            this.strengths = strengthPause.enabled() ? strengthPause.newTracker() : null;
        }

        /**
         * Moves the series by the next closed candle and judges it.
         *
         * @throws IllegalArgumentException when the bank refuses the bar (high below low, a non-positive price):
         *                                  nothing moved
         */
        public Step next(Bar bar) {
            SeriesState.Step step = state.advance(bar);
            return switch (step) {
                case SeriesState.Step.Ignored ignored -> new Step.Ignored(ignored.reason());
                case SeriesState.Step.Applied applied -> judge(applied);
            };
        }

        private Step.Judged judge(SeriesState.Step.Applied applied) {
            MarketContext context = applied.context();
            CandleAssessment assessment = pipeline.assess(context, applied.volatilityRatio(), registry);
            List<ValidatedSignal> signals;
            if (!assessment.hasCandidates()) {
                signals = List.of();
            } else {
                Instant openTime = context.bar().openTime();
                Optional<MlModel> model = mlFilter.model();
                signals = new ArrayList<>(assessment.validations().size());
                for (SignalValidation validation : assessment.validations()) {
                    String strategyId = validation.analystId();
                    MlFilter.Filtered filtered = mlFilter.apply(
                            validation,
                            model,
                            () -> MlFeatures.of(validation, context, applied.volatilityRatio(), assessment.debate()));
                    signals.add(new ValidatedSignal(
                            signalId(strategyId, symbol, interval, openTime),
                            strengths == null ? filtered.validation() : strengths.apply(filtered.validation()),
                            assessment.seat(strategyId),
                            filtered.score()));
                }
            }
            return new Step.Judged(
                    symbol, interval, context, applied.volatilityRatio(), applied.warm(), assessment, signals);
        }

        /**
         * Moves the series by a candle without judging it (a restart rebuilding the series from candles whose
         * signals already went out).
         *
         * @return whether the candle was applied
         */
        public boolean replay(Bar bar) {
            if (!(state.advance(bar) instanceof SeriesState.Step.Applied applied)) {
                return false;
            }
            if (strengths != null) {
                // the pause's average must be what it was live: the replayed candles' signals join it, unjudged
                pipeline.assess(applied.context(), applied.volatilityRatio(), registry)
                        .validations()
                        .forEach(strengths::record);
            }
            return true;
        }

        public Symbol symbol() {
            return symbol;
        }

        public Interval interval() {
            return interval;
        }

        /** Whether every indicator, the features and the regime baseline are warm; once warm, a series stays warm. */
        public boolean warm() {
            return state.warm();
        }

        /** Open time of the last applied bar, or null before the first. */
        public Instant lastOpenTime() {
            return state.lastOpenTime();
        }
    }
}
