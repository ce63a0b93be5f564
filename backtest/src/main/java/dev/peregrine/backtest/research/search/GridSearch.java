package dev.peregrine.backtest.research.search;

import dev.peregrine.backtest.research.walkforward.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Evaluates every point of the space in grid order; refuses spaces above {@code maxPoints}. */
public record GridSearch(long maxPoints) implements ParameterSearch {

    public GridSearch {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1: " + maxPoints);
        }
    }

    @Override
    public SearchResult search(ParameterSpace space, Objective objective, TimeWindow window) {
        long size = space.size();
        if (size > maxPoints) {
            throw new IllegalArgumentException("the grid has " + size + " points, more than " + maxPoints
                    + "; narrow the space or use the genetic search");
        }
        List<Trial> trials = new ArrayList<>();
        for (long ordinal = 0; ordinal < size; ordinal++) {
            ParameterAssignment parameters = space.assignment(ordinal);
            trials.add(new Trial(parameters, objective.evaluate(parameters, window)));
        }
        return new SearchResult(trials);
    }

    @Override
    public Map<String, String> settings() {
        return new TreeMap<>(Map.of("type", "grid", "maxPoints", String.valueOf(maxPoints)));
    }
}
