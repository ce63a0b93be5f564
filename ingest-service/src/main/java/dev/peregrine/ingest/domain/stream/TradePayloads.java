package dev.peregrine.ingest.domain.stream;

/** Reads the trade streams' payloads: {@code aggTrade} and {@code trade}, each a flat list of typed fields. */
final class TradePayloads {

    private TradePayloads() {}

    static StreamMessage.AggTrade aggTrade(PayloadFields data) {
        return new StreamMessage.AggTrade(
                data.time("E"),
                data.symbol("s"),
                data.nonNegativeLong("a"),
                data.price("p"),
                data.amount("q"),
                data.nonNegativeLong("f"),
                data.nonNegativeLong("l"),
                data.time("T"),
                data.bool("m"));
    }

    static StreamMessage.Trade trade(PayloadFields data) {
        return new StreamMessage.Trade(
                data.time("E"),
                data.symbol("s"),
                data.nonNegativeLong("t"),
                data.price("p"),
                data.amount("q"),
                data.time("T"),
                data.bool("m"));
    }
}
