package dev.peregrine.backtest.research.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BreakdownTableTest {

    @Test
    void groupsOutcomesByLabelAndCountsAHitOnlyAboveZero() {
        BreakdownTable table = new BreakdownTable();
        table.add("A", 0.02);
        table.add("A", -0.01);
        table.add("A", 0.0);
        table.add("B", -0.03);

        BreakdownTable.Row a = table.rows().get("A");
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.hitRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(a.mean()).isCloseTo(0.01 / 3, within(1e-12));
        // sample stdev of (0.02, -0.01, 0) is sqrt(0.000233..), over sqrt(3)
        assertThat(a.standardError()).isCloseTo(Math.sqrt((0.0005 - 0.0001 / 3) / 2 / 3), within(1e-12));
        assertThat(table.all().count()).isEqualTo(4);
        assertThat(table.all().total()).isCloseTo(-0.02, within(1e-12));
    }

    @Test
    void printsEveryLabelAndTheTotalRowScaled() {
        BreakdownTable table = new BreakdownTable();
        table.add("momentum", 0.001);
        table.add("breakout", -0.002);

        String markdown = table.markdown("strategy", "bp", 10_000.0);

        assertThat(markdown)
                .contains("| breakout | 1 | 0.0 % | -20.000 |")
                .contains("| momentum | 1 | 100.0 % | 10.000 |")
                .contains("| **all** | 2 | 50.0 % | -5.000 | 15.000 | -10.00 |");
        assertThat(markdown.indexOf("breakout")).isLessThan(markdown.indexOf("momentum"));
    }

    @Test
    void anEmptyRowHasNoRates() {
        assertThat(new BreakdownTable.Row().hitRate()).isNaN();
        assertThat(new BreakdownTable.Row().standardError()).isNaN();
    }
}
