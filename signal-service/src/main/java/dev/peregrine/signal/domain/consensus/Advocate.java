package dev.peregrine.signal.domain.consensus;

/**
 * An analyst arguing one side of the debate.
 *
 * @param weight       its effective weight in the panel
 * @param confidence   its own confidence
 * @param contribution weight x confidence / the panel's active weight: what it adds to its case's score
 */
public record Advocate(String analystId, double weight, double confidence, double contribution) {}
