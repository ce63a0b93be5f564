package dev.peregrine.backtest.research.search;

import java.util.Comparator;
import java.util.List;

/**
 * Every distinct assignment a search evaluated (in evaluation order) and the best of them: the highest score, the
 * first evaluated on a tie. All trials are kept because the overfitting measures need to know how many were tried.
 */
public record SearchResult(List<Trial> trials) {

    public SearchResult {
        trials = List.copyOf(trials);
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a search evaluates at least one assignment");
        }
    }

    public Trial best() {
        Trial best = trials.getFirst();
        for (Trial trial : trials) {
            if (trial.evaluation().score() > best.evaluation().score()) {
                best = trial;
            }
        }
        return best;
    }

    /** Trials from best to worst, for a report's top list. */
    public List<Trial> ranked() {
        return trials.stream()
                .sorted(Comparator.comparingDouble((Trial t) -> t.evaluation().score())
                        .reversed())
                .toList();
    }
}
