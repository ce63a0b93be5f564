package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.application.SignalChainSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the signals of a closed candle come from: in every backtest signal-service's own {@link SignalChain}
 * ({@link #chain}); a unit test may script them instead, to check risk's and execution's part against figures
 * worked out by hand.
 */
interface SignalSource {

    /** The signals signal-service publishes for {@code candle}, in the panel's order (empty: none). */
    List<SignalValidated> judge(CandleClosed candle, IdGenerator ids, Clock clock);

    /** The chain with these settings and the registry as signal-service's migrations register it. */
    static SignalSource chain(SignalChainSettings settings) {
        SignalChain chain = new SignalChain(settings, SignalChain.registeredAnalysts());
        Map<Symbol, Map<Interval, SignalChain.Series>> series = new HashMap<>();
        return (candle, ids, clock) -> {
            SignalChain.Series one = series.computeIfAbsent(candle.symbol(), symbol -> new HashMap<>())
                    .computeIfAbsent(candle.interval(), interval -> chain.newSeries(candle.symbol(), interval));
            if (!(one.next(SignalBar.of(candle)) instanceof SignalChain.Step.Judged judged)
                    || !judged.hasCandidates()) {
                return List.of();
            }
            List<SignalValidated> published = new ArrayList<>(judged.signals().size());
            for (SignalChain.ValidatedSignal signal : judged.signals()) {
                // As signal-service: each signal's envelope is caused by the candle's, at the candle's event time.
                Envelope envelope = Envelope.causedBy(
                        candle.envelope(), ids.next(), candle.envelope().eventTime(), clock.instant());
                published.add(judged.event(signal, envelope));
            }
            return published;
        };
    }
}
