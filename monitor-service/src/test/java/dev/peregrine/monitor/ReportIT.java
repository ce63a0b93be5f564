package dev.peregrine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.monitor.application.report.SendReports;
import dev.peregrine.monitor.domain.report.ReportPeriod;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.ServiceApi;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Daily and weekly reports over rows in PostgreSQL (outcomes, a closed position, a pause decision, an alert) on a day
 * of their own: JSON with hand-checked figures, the HTML page, an empty day, bad periods, the VIEWER token, and the
 * summary recorded once as an alert for the channels.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = MonitorServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,monitor-service", "management.server.port=0"})
class ReportIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SendReports send;

    private final JsonMapper json = JsonMapper.builder().build();
    private LocalDate day;
    private String a;
    private String b;

    @BeforeEach
    void aDayOfItsOwn() {
        // A past day no other test writes: the report covers every strategy of the day.
        day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        String run = UUID.randomUUID().toString().substring(0, 8);
        a = "rep-a-" + run;
        b = "rep-b-" + run;
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
        MeasuredOutcomeRows rows = new MeasuredOutcomeRows(jdbc);
        // 20 outcomes each, the default minimum to be ranked: a hits 14, b 4.
        for (int i = 0; i < 20; i++) {
            rows.insert(a, i < 14 ? "0.01" : "-0.01", start.plusSeconds(900L * i), 14_400);
            rows.insert(b, i < 4 ? "0.01" : "-0.01", start.plusSeconds(900L * i), 14_400);
        }
        Instant noon = start.plusSeconds(11 * 3600);
        jdbc.sql("""
                        INSERT INTO monitor.trade_outcomes (position_id, strategy_id, symbol, exit_client_order_id,
                          opened_at, closed_at, holding_seconds, realised_pnl, pnl_currency, fees, fee_currency,
                          average_entry, close_reason, recorded_at)
                        VALUES (:id, :strategy, 'QLTUSDT', 'exit-1', :opened, :closed, 3600, 12.5, 'USDT', 0.4, 'USDT',
                          100, 'TAKE_PROFIT', :closed)""")
                .param("id", UUID.randomUUID())
                .param("strategy", a)
                .param("opened", at(noon.minusSeconds(3600)))
                .param("closed", at(noon))
                .update();
        jdbc.sql("""
                        INSERT INTO monitor.health_decisions (decision_id, strategy_id, action, evidence, decided_at,
                          announced_at) VALUES (:id, :strategy, 'PAUSE', 'one-sided lower CUSUM: S=24.3', :at, :at)""")
                .param("id", UUID.randomUUID())
                .param("strategy", b)
                .param("at", at(noon))
                .update();
        UUID alert = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO monitor.alerts (alert_id, dedup_key, severity, source, subject, code, message, runbook,
                          event_time, received_at)
                        VALUES (:id, :key, 'CRITICAL', 'monitor-service', :strategy, 'STRATEGY_AUTO_PAUSED', 'paused',
                          'resume deliberately', :at, :at)""")
                .param("id", alert)
                .param("key", "monitor-service|STRATEGY_AUTO_PAUSED|" + b)
                .param("strategy", b)
                .param("at", at(noon.plusSeconds(1)))
                .update();
    }

    @Test
    void aDailyReportWithHandCheckedFigures() throws Exception {
        JsonNode report = get("/api/v1/reports/daily?date=" + day);

        assertThat(report.get("period").get("label").asString()).isEqualTo(day.toString());
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("empty").asBoolean()).isFalse();
        JsonNode all = report.get("overall");
        assertThat(all.get("signals").asInt()).isEqualTo(40);
        // 18 hits in 40 at 4 h: Wilson [0.3071, 0.6017], expectancy (18 - 22) x 0.01 / 40 = -0.001
        assertThat(all.get("outcomes").get("count").asInt()).isEqualTo(40);
        assertThat(all.get("outcomes").get("hits").asInt()).isEqualTo(18);
        assertThat(all.get("outcomes").get("hitRateLower").asDouble()).isCloseTo(0.3071, within(1e-4));
        assertThat(all.get("outcomes").get("expectancy").asDouble()).isCloseTo(-0.001, within(1e-12));
        assertThat(all.get("trades").get("trades").asInt()).isEqualTo(1);
        assertThat(all.get("trades").get("realisedPnl").get("USDT").asDouble()).isEqualTo(12.5);
        assertThat(report.get("best").asString()).isEqualTo(a);
        assertThat(report.get("worst").asString()).isEqualTo(b);
        assertThat(report.get("decisions"))
                .singleElement()
                .satisfies(d -> assertThat(d.get("strategy").asString()).isEqualTo(b));
        assertThat(report.get("alertCounts").get("CRITICAL").asInt()).isEqualTo(1);

        JsonNode week =
                get("/api/v1/reports/weekly?week=" + ReportPeriod.weekOf(day).label());
        assertThat(week.get("overall").get("outcomes").get("count").asInt()).isEqualTo(40);
    }

    @Test
    void theHtmlPageAnEmptyDayAndBadRequests() throws Exception {
        ServiceApi api = ServiceApi.at(port).asViewer();
        HttpResponse<String> page = api.get("/api/v1/reports/daily.html?date=" + day);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<svg", a, b, "STRATEGY_AUTO_PAUSED");

        HttpResponse<byte[]> pdf = api.getBytes("/api/v1/reports/daily.pdf?date=" + day);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Daily report " + day + " (UTC)", a, b, "STRATEGY_AUTO_PAUSED", "12.5 USDT");
        }
        assertThat(api.getBytes("/api/v1/reports/weekly.pdf?week=2026-W60").statusCode())
                .isEqualTo(400);

        JsonNode empty = get("/api/v1/reports/daily?date=1999-01-01");
        assertThat(empty.get("empty").asBoolean()).isTrue();
        assertThat(empty.get("overall").get("outcomes").isNull()).isTrue();
        assertThat(empty.get("notes").get(0).asString()).contains("nothing was stored for 1999-01-01");

        assertThat(api.anonymous().get("/api/v1/reports/daily?date=" + day).statusCode())
                .isEqualTo(401);
        for (String bad : new String[] {
            "/api/v1/reports/daily?date=yesterday",
            "/api/v1/reports/weekly?week=2026-W60",
            "/api/v1/reports/daily?date=2999-01-01"
        }) {
            assertThat(api.get(bad).statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void theSummaryIsRecordedOnceForTheAlertChannelsAndIsNotCountedAsAnAlert() throws Exception {
        ReportPeriod period = ReportPeriod.day(day);

        assertThat(send.send(period)).isTrue();
        assertThat(send.send(period)).isFalse();

        assertThat(jdbc.sql("SELECT message FROM monitor.alerts WHERE code = 'DAILY_REPORT' AND subject = :label")
                        .param("label", period.label())
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("Daily report " + day + " (UTC)", "Best: " + a, "Alerts: 1 CRITICAL");
        JsonNode next = get("/api/v1/reports/daily?date=" + day.plusDays(1));
        assertThat(next.get("alerts").isEmpty())
                .as("the report's own message is not an alert of the next day")
                .isTrue();
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(ServiceApi.at(port).asViewer().getOk(path));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
