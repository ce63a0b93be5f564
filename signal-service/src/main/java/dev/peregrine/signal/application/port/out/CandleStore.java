package dev.peregrine.signal.application.port.out;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.domain.bar.Bar;
import java.util.List;

/**
 * The closed candles each series applied, kept so a restart can rebuild the series' memory from them. Holds
 * exactly the bars the series moved by (late, out-of-order candles are not stored), so a rebuild replays what
 * the live series saw.
 */
public interface CandleStore {

    /** Stores the candle unless one with its series and open time is stored; storing it again changes nothing. */
    void save(CandleClosed candle);

    /** The last {@code limit} stored bars of the series, oldest first. */
    List<Bar> latest(Symbol symbol, Interval interval, int limit);
}
