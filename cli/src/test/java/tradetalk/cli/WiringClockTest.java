package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.answer.AnswerRequest;
import tradetalk.cli.config.ConfigLoader;
import tradetalk.cli.config.TradetalkConfig;
import tradetalk.retrieval.store.IngestReport;

/** The wiring's one clock says what "today" is, for questions and for ingest alike. */
class WiringClockTest {

    @TempDir
    Path home;

    private static final LocalDate DAY = LocalDate.of(2019, 11, 20);

    @Test
    void given_a_clock_when_wiring_then_an_undated_question_is_asked_on_its_day() {
        TradetalkConfig config =
                new ConfigLoader().load(null, Map.of("TRADETALK_INDEX_ARTICLES", ""), home.resolve("idx"));
        Clock clock = Clock.fixed(DAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (Tradetalk tt = new Tradetalk(config, config.feeds().hostPolicy(), clock)) {
            assertThat(tt.clock()).isSameAs(clock);
            assertThat(tt.answers().askedOn(new AnswerRequest("Where do the talks stand?", List.of(), 8, null)))
                    .isEqualTo(DAY);
        }
    }

    @Test
    void given_a_clock_when_ingesting_then_a_date_after_its_tomorrow_is_refused_as_a_mistake() throws Exception {
        TradetalkConfig config =
                new ConfigLoader().load(null, Map.of("TRADETALK_INDEX_ARTICLES", ""), home.resolve("idx"));
        Path article = home.resolve("later.txt");
        Files.writeString(
                article,
                " date 2019-12-01 BEIJING • Trade negotiators resumed talks on Sunday.\n\nBoth sides said the call "
                        + "was constructive and agreed to stay in close touch.\n");
        Clock clock = Clock.fixed(DAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (Tradetalk tt = new Tradetalk(config, config.feeds().hostPolicy(), clock)) {
            IngestReport r = tt.ingest(List.of(article));
            assertThat(r.added()).isZero();
            assertThat(r.rejected())
                    .singleElement()
                    .satisfies(x -> assertThat(x.reason()).contains("implausible date 2019-12-01"));
        }
    }
}
