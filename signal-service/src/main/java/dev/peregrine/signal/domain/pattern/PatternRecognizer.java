package dev.peregrine.signal.domain.pattern;

import java.util.List;
import java.util.Optional;

/**
 * Looks for one kind of pattern ending at the most recent swings and confirmed by the close of the given bar.
 * Implementations are pure functions of their arguments: the same swings and bar give the same answer.
 */
public interface PatternRecognizer {

    /**
     * @param swings the detector's recent swings, oldest first, alternating high/low
     * @param bar    the bar just closed
     * @return the pattern confirmed by this bar's close, if any
     */
    Optional<PatternMatch> recognize(List<SwingPoint> swings, BarContext bar);
}
