package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.adapter.out.jdbc.JdbcCandleStore;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.ParseResult;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * ingest's waits on PostgreSQL are bounded (docs/ingest.md, "Database timeouts"): the template its stores use
 * cancels a statement after {@code spring.jdbc.template.query-timeout}, the pool gives up waiting for a connection,
 * and a read that gets nothing ends. A store whose statement is blocked by another transaction's lock is cancelled
 * at the timeout instead of waiting for as long as the lock is held.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = IngestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults,ingest-service",
            "management.server.port=0",
            "peregrine.ingest.replay.allowed-directories=${java.io.tmpdir}"
        })
class JdbcTimeoutsIT {

    private static final Instant START = Instant.parse("2024-08-01T00:00:00Z");
    private static final String RUN_TAG =
            Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36).toUpperCase(Locale.ROOT);

    @Autowired
    JdbcTemplate template;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbcClient;

    @Test
    void theServiceConfiguresAStatementTimeoutAPoolTimeoutAndASocketTimeout() {
        assertThat(template.getQueryTimeout())
                .as("seconds, from ingest-service.yml")
                .isEqualTo(30);
        NamedParameterJdbcOperations named =
                (NamedParameterJdbcOperations) ReflectionTestUtils.getField(jdbcClient, "namedParamOps");
        assertThat(named.getJdbcOperations())
                .as("the stores' JdbcClient runs its statements through that template")
                .isSameAs(template);
        HikariDataSource pool = (HikariDataSource) dataSource;
        assertThat(pool.getConnectionTimeout()).isEqualTo(Duration.ofSeconds(10).toMillis());
        assertThat(pool.getDataSourceProperties())
                .containsEntry("socketTimeout", "300")
                .containsEntry("connectTimeout", "10");
    }

    @Test
    void aStoreBlockedByAnotherTransactionsLockIsCancelledAtTheTimeout() throws Exception {
        JdbcTemplate oneSecond = new JdbcTemplate(dataSource);
        oneSecond.setQueryTimeout(1);
        JdbcCandleStore store = new JdbcCandleStore(JdbcClient.create(oneSecond));
        Series series = new Series(Symbol.of("JT" + RUN_TAG + "USDT"), Interval.FIFTEEN_MINUTES);
        Candle candle =
                ((ParseResult.Parsed) new KlineCsvParser(series).parse(KlineLines.candle15m(START, 0))).candle();
        NewCandle offered = new NewCandle(candle, List.of(), "replay:test", UUID.randomUUID(), START);

        try (Connection blocker = dataSource.getConnection();
                Statement lock = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            lock.execute("LOCK TABLE ingest.candles IN ACCESS EXCLUSIVE MODE");
            long started = System.nanoTime();

            assertThatThrownBy(() -> store.storeIfAbsent(offered, UUID.randomUUID()))
                    .isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("canceling statement due to user request");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            blocker.rollback();
        }
        // Once the lock is gone, the same store goes through.
        assertThat(store.storeIfAbsent(offered, UUID.randomUUID()).eventId()).isEqualTo(offered.eventId());
    }
}
