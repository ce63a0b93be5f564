package dev.peregrine.signal.domain.indicator;

import dev.peregrine.signal.domain.bar.Bar;
import java.util.List;

/** The indicator bank against ta4j on the 580 real ETH/USD 5-minute bars shipped in ta4j-examples 0.18. */
class EthTa4jOracleTest extends Ta4jOracleContract {

    @Override
    List<Bar> bars() {
        return RealBars.eth();
    }
}
