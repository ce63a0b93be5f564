package dev.peregrine.signal.domain.pattern;

/**
 * A straight line on the chart, price against bar index (bars are equally spaced whatever their time stamps).
 *
 * @param anchorIndex bar index the line is anchored at
 * @param anchorPrice the line's price at {@code anchorIndex}
 * @param slopePerBar price change per bar; 0 for a horizontal line
 */
public record PatternLine(long anchorIndex, double anchorPrice, double slopePerBar) {

    public PatternLine {
        if (!Double.isFinite(anchorPrice) || !Double.isFinite(slopePerBar)) {
            throw new IllegalArgumentException("a line needs a finite price and slope");
        }
    }

    public static PatternLine horizontal(long anchorIndex, double price) {
        return new PatternLine(anchorIndex, price, 0.0);
    }

    public static PatternLine through(SwingPoint from, SwingPoint to) {
        if (from.barIndex() == to.barIndex()) {
            throw new IllegalArgumentException("two points on the same bar do not define a line");
        }
        double slope = (to.price() - from.price()) / (to.barIndex() - from.barIndex());
        return new PatternLine(from.barIndex(), from.price(), slope);
    }

    public double valueAt(long barIndex) {
        return anchorPrice + slopePerBar * (barIndex - anchorIndex);
    }
}
