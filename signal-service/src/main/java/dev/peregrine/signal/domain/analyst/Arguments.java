package dev.peregrine.signal.domain.analyst;

import java.util.List;
import java.util.Objects;

/**
 * The naming convention that tells which side an {@link Argument} helps, since the record has no field for it.
 *
 * <p>An argument whose name starts with {@value #BULL_PREFIX} is evidence for higher prices, one starting with
 * {@value #BEAR_PREFIX} evidence for lower prices, whatever the stance of the opinion carrying it: a BULLISH
 * momentum opinion on a weak trend carries {@code BEAR_WEAK_TREND}, an argument against its own stance that
 * belongs to the bear case of a debate. Any other name (e.g. {@code WARMING_UP}, {@code REGIME_TRENDING}) is
 * context that helps neither side; NEUTRAL opinions carry mostly such arguments.
 */
public final class Arguments {

    public static final String BULL_PREFIX = "BULL_";
    public static final String BEAR_PREFIX = "BEAR_";

    private Arguments() {}

    /** Which case the argument belongs to: BULLISH, BEARISH, or NEUTRAL for context. */
    public static Stance lean(Argument argument) {
        Objects.requireNonNull(argument, "argument");
        String name = argument.name();
        if (name.startsWith(BULL_PREFIX)) {
            return Stance.BULLISH;
        }
        if (name.startsWith(BEAR_PREFIX)) {
            return Stance.BEARISH;
        }
        return Stance.NEUTRAL;
    }

    /** True when the argument leans against the stance it is listed under (never for NEUTRAL). */
    public static boolean opposes(Argument argument, Stance stance) {
        Stance lean = lean(argument);
        return lean != Stance.NEUTRAL && stance != Stance.NEUTRAL && lean != stance;
    }

    /** The arguments of {@code opinion} that lean against its own stance. */
    public static List<Argument> against(Opinion opinion) {
        return opinion.arguments().stream()
                .filter(a -> opposes(a, opinion.stance()))
                .toList();
    }

    /** {@code BULL_name} for BULLISH, {@code BEAR_name} for BEARISH. */
    static String named(Stance lean, String name) {
        return switch (lean) {
            case BULLISH -> BULL_PREFIX + name;
            case BEARISH -> BEAR_PREFIX + name;
            case NEUTRAL -> name;
        };
    }
}
