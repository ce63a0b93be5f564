package dev.peregrine.ingest.domain.stream;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.RejectionReason;
import java.time.Instant;

/**
 * Reads a {@code kline} event's payload: the kline's own rules (it closes after it opens, its inner symbol is the
 * event's) live here, the field rules in {@link PayloadFields}.
 */
final class KlinePayload {

    private KlinePayload() {}

    static StreamMessage.Kline read(PayloadFields data) {
        Instant eventTime = data.time("E");
        Symbol symbol = data.symbol("s");
        PayloadFields k = data.object("k");
        Instant openTime = k.time("t");
        Instant closeTime = k.time("T");
        if (!closeTime.isAfter(openTime)) {
            throw new FieldRejection(
                    RejectionReason.BAD_TIMESTAMP,
                    k.path() + "T " + closeTime + " is not after " + k.path() + "t " + openTime);
        }
        Symbol klineSymbol = k.symbol("s");
        if (!klineSymbol.equals(symbol)) {
            throw new FieldRejection(
                    RejectionReason.BAD_VALUE,
                    k.path() + "s " + klineSymbol + " differs from " + data.path() + "s " + symbol);
        }
        return new StreamMessage.Kline(
                eventTime,
                symbol,
                k.interval("i"),
                openTime,
                closeTime,
                k.price("o"),
                k.price("h"),
                k.price("l"),
                k.price("c"),
                k.amount("v"),
                k.amount("q"),
                k.nonNegativeLong("n"),
                k.amount("V"),
                k.amount("Q"),
                k.bool("x"));
    }
}
