package dev.peregrine.monitor.domain.degradation;

import java.util.SplittableRandom;

/** Where simulated net returns per trade come from; the random source is passed in so runs are reproducible. */
public interface ReturnModel {

    double next(SplittableRandom random);

    /** A short statement of the model for reports, e.g. "Student-t(4), mean 0, sd 0.01". */
    String describe();
}
