package dev.peregrine.ingest.domain.stream;

import dev.peregrine.ingest.domain.MessageKind;

/** A message the parser read: one of the kinds of {@link MessageKind}. */
public sealed interface MarketMessage extends StreamMessage
        permits StreamMessage.Kline,
                StreamMessage.AggTrade,
                StreamMessage.Trade,
                StreamMessage.BookTicker,
                StreamMessage.DepthUpdate,
                StreamMessage.DepthSnapshot {

    MessageKind kind();
}
