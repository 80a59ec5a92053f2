package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.ForwardingEmbedder;
import tradetalk.retrieval.embed.RecordingEmbedder;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.retrieval.store.StoreFields;

/**
 * Ingest as a pipeline: the model embeds one batch while the batch before it is written, batches span commits, and
 * commits, progress and the model's input keep the articles' order, with at most two batches unwritten.
 */
class IngestPipelineTest {

    @TempDir
    Path dir;

    private static List<Article> snippets(int from, int to, String version) {
        List<Article> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ArticleMeta m = new ArticleMeta(
                    "s" + i,
                    "Snippet " + i,
                    "Wire",
                    LocalDate.of(2025, 1, 1).plusDays(i % 300),
                    "https://example.test/s" + i,
                    "",
                    "",
                    "");
            out.add(Article.of(m, "Round " + i + " of the trade talks on soybean tariffs " + version + "."));
        }
        return out;
    }

    /** The ids of the articles in the index's last commit, read as another process would. */
    private Set<String> committedIds() {
        try (var d = FSDirectory.open(dir);
                DirectoryReader r = DirectoryReader.open(d)) {
            IndexSearcher s = new IndexSearcher(r);
            StoredFields sf = s.storedFields();
            Set<String> ids = new HashSet<>();
            for (ScoreDoc sd : s.search(
                            new TermQuery(new Term(StoreFields.TYPE, StoreFields.ARTICLE)), Math.max(1, r.maxDoc()))
                    .scoreDocs) {
                Document doc = sf.document(sd.doc, Set.of(StoreFields.ARTICLE_ID));
                ids.add(doc.get(StoreFields.ARTICLE_ID));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> ids(int from, int to) {
        Set<String> out = new HashSet<>();
        IntStream.range(from, to).forEach(i -> out.add("s" + i));
        return out;
    }

    @Test
    void given_more_articles_than_a_commit_when_ingested_then_batches_span_commits_which_hold_the_first_articles() {
        RecordingEmbedder embedder = new RecordingEmbedder(16);
        Map<Integer, Set<String>> committedAt = new TreeMap<>();
        List<Integer> progress = new ArrayList<>();
        try (ArticleIndex index =
                ArticleIndex.open(dir, embedder, new Chunker(120, 0), SearchSettings.defaults(), 256)) {
            IngestReport r = index.ingest(snippets(0, 450, "v1"), List.of(), n -> {
                progress.add(n);
                if (n == 199 || n == 200 || n == 201 || n == 399 || n == 400) {
                    committedAt.put(n, committedIds());
                }
            });

            assertThat(r.added()).isEqualTo(450);
            // one model call of a full batch across the 200-article commit, then the rest
            assertThat(embedder.callSizes()).containsExactly(256, 194);
            assertThat(embedder.embedded())
                    .containsExactlyElementsOf(snippets(0, 450, "v1").stream()
                            .map(a -> a.meta().title() + ". " + a.body())
                            .toList());
            assertThat(progress)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, 450).boxed().toList());
            assertThat(committedAt.get(199)).isEmpty();
            assertThat(committedAt.get(200)).isEqualTo(ids(0, 200));
            assertThat(committedAt.get(201)).isEqualTo(ids(0, 200));
            assertThat(committedAt.get(399)).isEqualTo(ids(0, 200));
            assertThat(committedAt.get(400)).isEqualTo(ids(0, 400));
            assertThat(committedIds()).isEqualTo(ids(0, 450));
            assertThat(index.passageCount()).isEqualTo(450);
        }
    }

    @Test
    void given_unchanged_articles_among_changed_ones_when_ingested_then_progress_and_commits_keep_the_input_order() {
        RecordingEmbedder embedder = new RecordingEmbedder(16);
        try (ArticleIndex index =
                ArticleIndex.open(dir, embedder, new Chunker(120, 0), SearchSettings.defaults(), 32)) {
            index.ingest(snippets(0, 300, "v1"));
            embedder.calls.clear();
            // every third article changed, the rest as before
            List<Article> next = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                next.addAll(snippets(i, i + 1, i % 3 == 0 ? "v2" : "v1"));
            }
            List<Integer> progress = new ArrayList<>();
            Map<Integer, Integer> changedCommittedAt = new TreeMap<>();
            IngestReport r = index.ingest(next, List.of(), n -> {
                progress.add(n);
                if (n == 200) {
                    changedCommittedAt.put(n, changedCommitted());
                }
            });

            assertThat(r.replaced()).isEqualTo(100);
            assertThat(r.unchanged()).isEqualTo(200);
            assertThat(embedder.embedded()).hasSize(100).allMatch(t -> t.endsWith("v2."));
            assertThat(embedder.callSizes()).allMatch(n -> n <= 32);
            assertThat(progress)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, 300).boxed().toList());
            // the commit after the 200th article holds the changed ones among the first 200 (0, 3, ..., 198)
            assertThat(changedCommittedAt.get(200)).isEqualTo(67);
            assertThat(changedCommitted()).isEqualTo(100);
        }
    }

    /** Committed articles whose body is the changed one. */
    private int changedCommitted() {
        try (var d = FSDirectory.open(dir);
                DirectoryReader r = DirectoryReader.open(d)) {
            IndexSearcher s = new IndexSearcher(r);
            int n = 0;
            StoredFields sf = s.storedFields();
            for (ScoreDoc sd : s.search(
                            new TermQuery(new Term(StoreFields.TYPE, StoreFields.ARTICLE)), Math.max(1, r.maxDoc()))
                    .scoreDocs) {
                if (sf.document(sd.doc).get(StoreFields.BODY).endsWith("v2.")) {
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void given_a_long_ingest_when_the_model_starts_a_batch_then_at_most_the_batch_before_it_is_unwritten() {
        AtomicInteger written = new AtomicInteger();
        List<int[]> startedAt = new ArrayList<>(); // {articles given to the model so far, articles written}
        AtomicInteger given = new AtomicInteger();
        RecordingEmbedder inner = new RecordingEmbedder(16);
        Embedder embedder = new ForwardingEmbedder(inner) {
            @Override
            public List<float[]> embedPassages(List<String> passages) {
                synchronized (startedAt) {
                    startedAt.add(new int[] {given.addAndGet(passages.size()), written.get()});
                }
                return inner.embedPassages(passages);
            }
        };
        try (ArticleIndex index =
                ArticleIndex.open(dir, embedder, new Chunker(120, 0), SearchSettings.defaults(), 16)) {
            index.ingest(snippets(0, 160, "v1"), List.of(), written::set);
        }

        assertThat(startedAt).hasSize(10);
        for (int[] s : startedAt) {
            // the batch now in the model and the one before it: all older articles are written
            assertThat(s[1]).as("written when the model got %d articles", s[0]).isGreaterThanOrEqualTo(s[0] - 32);
        }
        assertThat(written.get()).isEqualTo(160);
    }

    @Test
    void given_the_model_fails_mid_ingest_when_ingesting_then_its_error_surfaces_and_the_commits_hold_whole_articles() {
        AtomicInteger calls = new AtomicInteger();
        RecordingEmbedder inner = new RecordingEmbedder(16);
        Embedder failing = new ForwardingEmbedder(inner) {
            @Override
            public List<float[]> embedPassages(List<String> passages) {
                if (calls.incrementAndGet() == 3) {
                    throw new IllegalStateException("model gone");
                }
                return inner.embedPassages(passages);
            }
        };
        try (ArticleIndex index =
                ArticleIndex.open(dir, failing, new Chunker(120, 0), SearchSettings.defaults(), 128)) {
            assertThatThrownBy(() -> index.ingest(snippets(0, 450, "v1")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("model gone");

            // batches of 128: the third (articles 256-383) failed while the second was written; the writer commits
            // what was written when it closes: whole articles, the first ones, none of the failed batch
            assertThat(committedIds()).isEqualTo(ids(0, 256));
            assertThat(index.articleCount()).isEqualTo(256);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("ingest-embedding")));
    }
}
