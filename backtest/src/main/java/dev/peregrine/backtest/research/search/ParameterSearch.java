package dev.peregrine.backtest.research.search;

import dev.peregrine.backtest.research.walkforward.TimeWindow;
import java.util.Map;

/** A strategy for looking through a parameter space on one (training) window. */
public interface ParameterSearch {

    SearchResult search(ParameterSpace space, Objective objective, TimeWindow window);

    /** Its name and settings (seed included) as stored with a run's results. */
    Map<String, String> settings();
}
