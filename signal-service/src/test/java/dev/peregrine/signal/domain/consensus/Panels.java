package dev.peregrine.signal.domain.consensus;

import dev.peregrine.signal.domain.analyst.Argument;
import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.analyst.Stance;
import java.util.List;
import java.util.Locale;

/** Hand-made opinions and panel members for the consensus, debate and validation tests. */
public final class Panels {

    private Panels() {}

    /** An opinion with one argument named {@code <ID>_<STANCE>} (e.g. {@code MOMENTUM_BULLISH}). */
    public static Opinion opinion(String analystId, Stance stance, double confidence) {
        return new Opinion(
                analystId,
                stance,
                stance == Stance.NEUTRAL ? 0.0 : confidence,
                List.of(argument(analystId, stance.name())));
    }

    public static Argument argument(String analystId, String suffix) {
        String name = analystId.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + suffix;
        return new Argument(name, 1.0, 0.5, analystId + " says " + suffix.toLowerCase());
    }

    public static PanelMember member(String analystId, Stance stance, double confidence, double weight) {
        return new PanelMember(opinion(analystId, stance, confidence), weight, false);
    }

    public static PanelMember paused(String analystId, Stance stance, double confidence, double weight) {
        return new PanelMember(opinion(analystId, stance, confidence), weight, true);
    }

    public static PanelMember neutral(String analystId, double weight) {
        return new PanelMember(opinion(analystId, Stance.NEUTRAL, 0.0), weight, false);
    }
}
