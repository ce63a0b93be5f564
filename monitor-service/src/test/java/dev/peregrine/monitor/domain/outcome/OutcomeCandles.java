package dev.peregrine.monitor.domain.outcome;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Hourly candles and pending outcomes for tests, Binance-style: a candle closes 1 ms before the next one opens. */
public final class OutcomeCandles {

    public static final Symbol SYMBOL = Symbol.of("BTCUSDT");
    public static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private OutcomeCandles() {}

    /** The hourly candle opening {@code hour} hours after {@link #T0}. */
    public static OutcomeCandle hour(int hour, String open, String high, String low, String close) {
        Instant openTime = T0.plus(Duration.ofHours(hour));
        return new OutcomeCandle(
                SYMBOL,
                Interval.ONE_HOUR,
                openTime,
                openTime.plus(Duration.ofHours(1)).minusMillis(1),
                new BigDecimal(open),
                new BigDecimal(high),
                new BigDecimal(low),
                new BigDecimal(close),
                false);
    }

    /** A signal computed on the candle of {@code hour}, pending at {@code horizon}. */
    public static PendingOutcome pending(int hour, Side side, Duration horizon) {
        UUID signalId = UUID.nameUUIDFromBytes(("signal|" + hour + side).getBytes());
        return new PendingOutcome(
                signalId,
                horizon,
                UUID.nameUUIDFromBytes(("event|" + hour).getBytes()),
                UUID.nameUUIDFromBytes(("candle|" + hour).getBytes()),
                "ema-cross",
                SYMBOL,
                Interval.ONE_HOUR,
                side,
                Grade.B,
                70,
                0.6,
                RecommendedAction.TRADE,
                true,
                "TRENDING_LOW",
                T0.plus(Duration.ofHours(hour + 1)).minusMillis(1));
    }
}
