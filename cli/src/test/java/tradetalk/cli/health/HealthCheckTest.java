package tradetalk.cli.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as healthy: an index with articles, and processes that report recently with a connected gateway. */
class HealthCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final HealthCheck.IndexState THREE = new HealthCheck.IndexState("/data/index", true, 3);

    @TempDir
    Path dir;

    private final ObjectMapper mapper = StatusFiles.mapper();

    private void report(String process, Instant updated, Map<Integer, String> gateway, List<ProcessStatus.FeedStatus> f)
            throws IOException {
        mapper.writeValue(
                dir.resolve(process + ".json").toFile(),
                new ProcessStatus(process, 42, NOW.minusSeconds(600), updated, gateway, NOW.minusSeconds(300), f));
    }

    private HealthCheck.Report check(HealthCheck.IndexState index, boolean allowEmpty) {
        return new HealthCheck().check(index, allowEmpty, dir, NOW);
    }

    @Test
    void given_articles_and_no_process_reporting_then_healthy() {
        HealthCheck.Report r = check(THREE, false);

        assertThat(r.healthy()).isTrue();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void given_no_index_or_an_empty_one_then_unhealthy_unless_an_empty_index_is_expected() {
        var missing = new HealthCheck.IndexState("/nonexistent", false, 0);
        var empty = new HealthCheck.IndexState("/data/index", true, 0);

        assertThat(check(missing, false).problems())
                .singleElement()
                .asString()
                .startsWith("there is no index at " + "/nonexistent: ");
        assertThat(check(empty, false).problems())
                .singleElement()
                .asString()
                .startsWith("the index /data/index has no articles: ")
                .contains("health.allow-empty-index");
        assertThat(check(empty, true).healthy()).isTrue();
        assertThat(check(empty, true).notes()).singleElement().asString().contains("expected");
    }

    @Test
    void given_a_connected_bot_then_healthy_with_its_gateway_in_the_notes() throws IOException {
        report("discord", NOW.minusSeconds(5), Map.of(0, "CONNECTED"), List.of());

        HealthCheck.Report r = check(THREE, false);

        assertThat(r.healthy()).isTrue();
        assertThat(r.notes()).containsExactly("discord: gateway connected since 2026-12-07T11:55:00Z");
    }

    @Test
    void given_a_bot_whose_gateway_is_not_connected_then_unhealthy_naming_the_state() throws IOException {
        report("discord", NOW.minusSeconds(5), Map.of(0, "CONNECTED", 1, "WAITING_TO_RECONNECT"), List.of());

        assertThat(check(THREE, false).problems())
                .containsExactly("discord: gateway shard 1 WAITING_TO_RECONNECT since 2026-12-07T11:55:00Z");
    }

    @Test
    void given_a_bot_still_starting_then_unhealthy() throws IOException {
        report("discord", NOW.minusSeconds(5), Map.of(), List.of());

        assertThat(check(THREE, false).problems())
                .singleElement()
                .asString()
                .startsWith("discord: not connected to the Discord gateway yet");
    }

    @Test
    void given_a_process_that_stopped_reporting_then_unhealthy() throws IOException {
        report("discord", NOW.minus(HealthCheck.STALE_AFTER).minusSeconds(1), Map.of(0, "CONNECTED"), List.of());

        assertThat(check(THREE, false).problems())
                .singleElement()
                .asString()
                .startsWith("discord: no report since ")
                .contains("not running or hangs");
    }

    @Test
    void given_feeds_that_all_failed_their_last_refresh_then_unhealthy_and_some_failing_is_a_note() throws IOException {
        var failed = new ProcessStatus.FeedStatus("Wire", NOW.minusSeconds(60), false, "HTTP 503", 3);
        var ok = new ProcessStatus.FeedStatus("Gazette", NOW.minusSeconds(30), true, "", 0);
        var notYet = new ProcessStatus.FeedStatus("Daily", null, false, "", 0);
        report("watch", NOW.minusSeconds(5), Map.of(), List.of(failed, notYet));

        assertThat(check(THREE, false).problems())
                .containsExactly("watch: every feed failed its last refresh (Wire: HTTP 503)");

        report("watch", NOW.minusSeconds(5), Map.of(), List.of(failed, ok, notYet));
        HealthCheck.Report r = check(THREE, false);
        assertThat(r.healthy()).isTrue();
        assertThat(r.notes()).containsExactly("watch: 3 feed(s), last refresh 2026-12-07T11:59:30Z, 1 failing");
    }

    @Test
    void given_a_reporter_then_its_file_reads_back_and_is_removed_when_it_stops() throws IOException {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var feed = new ProcessStatus.FeedStatus("Wire", NOW, true, "", 0);
        StatusReporter reporter = StatusReporter.start(dir, "watch", "watch", Map::of, () -> List.of(feed), clock);
        try {
            assertThat(reporter.file()).isEqualTo(dir.resolve("watch.json"));
            ProcessStatus read = mapper.readValue(reporter.file().toFile(), ProcessStatus.class);
            assertThat(read.process()).isEqualTo("watch");
            assertThat(read.updated()).isEqualTo(NOW);
            assertThat(read.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(read.feeds()).containsExactly(feed);
            assertThat(check(THREE, false).notes()).containsExactly("watch: 1 feed(s), last refresh " + NOW);
        } finally {
            reporter.close();
        }
        assertThat(reporter.file()).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }
}
