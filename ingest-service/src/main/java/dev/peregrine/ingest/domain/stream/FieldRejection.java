package dev.peregrine.ingest.domain.stream;

import dev.peregrine.ingest.domain.RejectionReason;

/**
 * Why a message is rejected, thrown from deep inside field access so that the readers stay straight-line code;
 * internal control flow only: {@link BinanceStreamParser#parse(String)} catches it and returns {@link #rejected()}.
 */
final class FieldRejection extends RuntimeException {

    private final StreamMessage.Rejected rejected;

    FieldRejection(RejectionReason reason, String detail) {
        super(detail, null, false, false);
        this.rejected = new StreamMessage.Rejected(reason, detail);
    }

    StreamMessage.Rejected rejected() {
        return rejected;
    }
}
