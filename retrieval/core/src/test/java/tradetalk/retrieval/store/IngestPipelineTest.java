package tradetalk.retrieval.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.Rejected;
import tradetalk.retrieval.embed.RecordingEmbedder;

/** The one ingest pipeline against a store writer that records what it is asked: the diff, lookups, order. */
class IngestPipelineTest {

    /** A store in memory that records its lookups, writes and commits. */
    private static final class RecordingWriter implements StoreWriter {
        final Map<String, Stored> held = new HashMap<>();
        final List<List<String>> lookups = new ArrayList<>();
        final List<String> log = new ArrayList<>();

        @Override
        public Map<String, Stored> stored(Collection<String> ids) {
            lookups.add(List.copyOf(ids));
            Map<String, Stored> out = new HashMap<>();
            ids.forEach(id -> {
                if (held.containsKey(id)) {
                    out.put(id, held.get(id));
                }
            });
            return out;
        }

        @Override
        public void write(Article a, List<Passage> passages, List<float[]> vectors, List<String> alsoIn) {
            assertThat(vectors).hasSameSizeAs(passages);
            log.add("write " + a.id() + " " + a.body() + " also=" + alsoIn);
        }

        @Override
        public void commit() {
            log.add("commit");
        }

        @Override
        public void finish() {
            log.add("finish");
        }
    }

    private static Article article(String id, String body) {
        ArticleMeta m = new ArticleMeta(id, "Title " + id, "Wire", LocalDate.of(2025, 5, 1), "", "/in/" + id, "", "");
        return Article.of(m, body);
    }

    private final RecordingEmbedder embedder = new RecordingEmbedder(8);
    private final IngestPipeline pipeline = new IngestPipeline(embedder, new Chunker(120, 0), 16);

    @Test
    void given_new_changed_unchanged_and_empty_articles_then_only_new_and_changed_are_written_and_reported()
            throws Exception {
        RecordingWriter w = new RecordingWriter();
        Article same = article("same", "Tariffs stay as they were.");
        w.held.put("same", new StoreWriter.Stored(same.contentHash(), List.of()));
        w.held.put("changed", new StoreWriter.Stored("old-hash", List.of("https://copy.test/a")));
        List<Integer> progress = new ArrayList<>();

        IngestReport r = pipeline.run(
                w,
                List.of(
                        same,
                        article("changed", "Talks resume in Geneva."),
                        article("new", "Soybean purchases rise."),
                        article("empty", "")),
                List.of(new Rejected("/in/bad.json", "not JSON")),
                progress::add,
                (location, done, total) -> {});

        assertThat(r.added()).isEqualTo(1);
        assertThat(r.replaced()).isEqualTo(1);
        assertThat(r.unchanged()).isEqualTo(1);
        assertThat(r.passages()).isEqualTo(2);
        assertThat(r.rejected()).extracting(Rejected::reason).containsExactly("not JSON", "no text to index");
        assertThat(w.log)
                .containsExactly(
                        "write changed Talks resume in Geneva. also=[https://copy.test/a]",
                        "write new Soybean purchases rise. also=[]",
                        "finish");
        assertThat(progress).containsExactly(1, 2, 3, 4);
        assertThat(embedder.embedded()).hasSize(2);
    }

    @Test
    void given_more_articles_than_a_commit_then_lookups_and_commits_come_every_200_and_a_rewrite_follows_the_write()
            throws Exception {
        RecordingWriter w = new RecordingWriter();
        List<Article> in = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            in.add(article("a" + i, "Round " + i + " of the talks."));
        }
        in.set(300, article("a7", "Round 7 of the talks, corrected."));

        IngestReport r = pipeline.run(w, in, List.of(), n -> {}, (location, done, total) -> {});

        assertThat(w.lookups).extracting(List::size).containsExactly(200, 199, 50);
        assertThat(w.lookups.get(1)).doesNotContain("a7"); // written by this ingest: judged by what it wrote
        assertThat(r.added()).isEqualTo(449);
        assertThat(r.replaced()).isEqualTo(1);
        assertThat(w.log.stream().filter(x -> x.startsWith("write a7 ")))
                .containsExactly(
                        "write a7 Round 7 of the talks. also=[]", "write a7 Round 7 of the talks, corrected. also=[]");
        assertThat(w.log.indexOf("commit")).isEqualTo(200); // after the first 200 articles' writes
        assertThat(w.log).filteredOn("commit"::equals).hasSize(2);
        assertThat(w.log.getLast()).isEqualTo("finish");
    }
}
