package dev.peregrine.backtest.research.walkforward;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a range into walk-forward folds. The first test window starts after one training length and the gap; the
 * test windows then tile the rest of the range in order (the last one may be shorter). Each training window ends a
 * gap before its test window: rolling ones have the plan's training length, anchored ones start at the range start.
 */
public final class WalkForwardSplitter {

    private final WalkForwardPlan plan;

    public WalkForwardSplitter(WalkForwardPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    public List<WalkForwardWindow> split(TimeWindow range) {
        Instant firstTest = range.from().plus(plan.trainLength()).plus(plan.gap());
        if (!firstTest.isBefore(range.to())) {
            throw new IllegalArgumentException("range " + range + " is too short for one fold: training "
                    + plan.trainLength() + " and gap " + plan.gap() + " leave no test window");
        }
        List<WalkForwardWindow> windows = new ArrayList<>();
        for (Instant testFrom = firstTest; testFrom.isBefore(range.to()); testFrom = testFrom.plus(plan.testLength())) {
            Instant testTo = min(testFrom.plus(plan.testLength()), range.to());
            Instant trainTo = testFrom.minus(plan.gap());
            Instant trainFrom =
                    plan.scheme() == WindowScheme.ANCHORED ? range.from() : trainTo.minus(plan.trainLength());
            windows.add(new WalkForwardWindow(
                    windows.size(),
                    new TimeWindow(trainFrom, trainTo),
                    new TimeWindow(testFrom, testTo),
                    plan.labelHorizon()));
        }
        return List.copyOf(windows);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
