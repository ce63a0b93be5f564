package dev.peregrine.monitor;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Hourly Binance-style candles (closing 1 ms before the next opens) and signals on them, from a start time. */
public final class OutcomeTestEvents {

    private final Symbol symbol;
    private final Instant start;

    public OutcomeTestEvents(String symbol, Instant start) {
        this.symbol = Symbol.of(symbol);
        this.start = start;
    }

    /** A symbol no other test uses: {@code prefix}, six random letters, USDT. */
    public static String randomSymbol(String prefix) {
        StringBuilder symbol = new StringBuilder(prefix);
        for (int i = 0; i < 6; i++) {
            symbol.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return symbol.append("USDT").toString();
    }

    public Symbol symbol() {
        return symbol;
    }

    public Instant open(int hour) {
        return start.plus(Duration.ofHours(hour));
    }

    public CandleClosed candle(int hour, String open, String high, String low, String close) {
        Instant openTime = open(hour);
        Instant closeTime = open(hour + 1).minusMillis(1);
        return new CandleClosed(
                Envelope.root(DerivedIds.from("candle-event", symbol, openTime), closeTime, closeTime),
                symbol,
                Interval.ONE_HOUR,
                openTime,
                closeTime,
                Price.of(open),
                Price.of(high),
                Price.of(low),
                Price.of(close),
                Quantity.of("1"),
                Quantity.of("100"),
                10,
                Quantity.of("0.5"),
                Quantity.of("50"),
                "test",
                List.of());
    }

    /** A flat candle at {@code price}. */
    public CandleClosed candle(int hour, String price) {
        return candle(hour, price, price, price, price);
    }

    /** A signal computed on the candle of {@code hour}. */
    public SignalValidated signal(int hour, String strategy, Side side, Grade grade) {
        Instant close = open(hour + 1).minusMillis(1);
        UUID eventId = DerivedIds.from("signal-event", strategy, symbol, close);
        return new SignalValidated(
                Envelope.root(eventId, close, close.plusMillis(20)),
                DerivedIds.from("signal", strategy, symbol, Interval.ONE_HOUR, close),
                strategy,
                symbol,
                Interval.ONE_HOUR,
                close,
                side,
                64,
                grade,
                0.7,
                0.5,
                RecommendedAction.TRADE,
                false,
                Price.of("100"),
                Price.of(side == Side.BUY ? "95" : "105"),
                List.of(Reason.of("TEST", "a test signal")),
                null);
    }
}
