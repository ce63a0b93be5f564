package dev.peregrine.monitor.domain.degradation;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Net returns per trade with fat tails, as crypto returns have: mean + sd·√((ν−2)/ν)·T, T ~ Student-t(ν) drawn as
 * Z/√(χ²_ν/ν) with χ²_ν a sum of ν squared standard normals; the scaling makes {@code standardDeviation} the true
 * standard deviation.
 */
public record StudentTReturns(double mean, double standardDeviation, int degreesOfFreedom) implements ReturnModel {

    public StudentTReturns {
        if (degreesOfFreedom < 3) {
            throw new IllegalArgumentException(
                    "degreesOfFreedom must be >= 3 for a finite variance: " + degreesOfFreedom);
        }
        if (!(standardDeviation > 0)) {
            throw new IllegalArgumentException("standardDeviation must be > 0: " + standardDeviation);
        }
    }

    @Override
    public double next(SplittableRandom random) {
        double chiSquare = 0;
        for (int i = 0; i < degreesOfFreedom; i++) {
            double g = random.nextGaussian();
            chiSquare += g * g;
        }
        double t = random.nextGaussian() / Math.sqrt(chiSquare / degreesOfFreedom);
        return mean + standardDeviation * Math.sqrt((degreesOfFreedom - 2.0) / degreesOfFreedom) * t;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT, "Student-t(%d), mean %.5f, sd %.5f per trade", degreesOfFreedom, mean, standardDeviation);
    }
}
