package dev.peregrine.signal.domain.analyst;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Collects which of the inputs an analyst needs are still empty, so the analyst can stay NEUTRAL and say why.
 * The label text is only built for missing inputs, so a warm series pays for a few {@code isPresent} checks.
 */
final class WarmUp {

    static final String ARGUMENT = "WARMING_UP";

    private StringBuilder missing;
    private int count;

    WarmUp need(OptionalDouble value, String label) {
        if (value.isEmpty()) {
            if (missing == null) {
                missing = new StringBuilder("not warm yet: ");
            } else {
                missing.append(", ");
            }
            missing.append(label);
            count++;
        }
        return this;
    }

    boolean ready() {
        return count == 0;
    }

    /** The NEUTRAL opinion of an analyst that cannot judge yet: one argument naming what is not warm. */
    Opinion neutral(String analystId) {
        return Opinion.neutral(analystId, List.of(new Argument(ARGUMENT, count, 0, missing.toString())));
    }
}
