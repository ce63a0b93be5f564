package dev.peregrine.ingest.domain.stream;

import java.util.List;
import java.util.Map;

/** How a rejection's detail shows what it found: a value's JSON kind, and a long text cut short. */
final class RejectionText {

    private static final int SHOWN = 60;

    private RejectionText() {}

    static String describe(Object value) {
        return switch (value) {
            case Map<?, ?> ignored -> "an object";
            case List<?> ignored -> "an array";
            case String ignored -> "a string";
            case Json.Number ignored -> "a number";
            case Boolean ignored -> "a boolean";
            default -> "null";
        };
    }

    static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
