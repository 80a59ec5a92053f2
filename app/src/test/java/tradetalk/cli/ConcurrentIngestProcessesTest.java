package tradetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.opensearch.local.OpenSearchClusterExtension;
import tradetalk.opensearch.local.OpenSearchTestCluster;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.embed.BgeSmallEmbedder;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.store.opensearch.OpenSearchArticleStore;
import tradetalk.store.opensearch.OpenSearchSettings;
import tradetalk.store.opensearch.TestIndexes;

/** Two {@code tradetalk ingest} processes write the same articles into one OpenSearch index at the same time. */
@ExtendWith(OpenSearchClusterExtension.class)
class ConcurrentIngestProcessesTest {

    private static final int ARTICLES = 24;

    @TempDir
    Path dir;

    /**
     * A text of its own per article: ingest records a near-copy of an indexed story in its also_in instead of indexing
     * it (the feeds' rule), so articles that differ only in a number would not all be there.
     */
    private static String body(int article) {
        StringBuilder b = new StringBuilder("Negotiators met for round " + article + " of the tariff talks.");
        for (int w = 0; w < 300; w++) {
            b.append(w % 12 == 0 ? ". Term" : " term")
                    .append(Integer.toString((article * 7919 + w * 104729) % 1000003, 36));
        }
        return b.append(".").toString();
    }

    @Test
    void given_two_ingest_processes_at_once_into_one_index_then_every_article_is_there_once(
            OpenSearchTestCluster cluster) throws Exception {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        for (int i = 0; i < ARTICLES; i++) {
            Files.writeString(
                    articles.resolve("a" + i + ".md"),
                    "---\ntitle: Tariff round " + i + "\ndate: 2019-11-" + (10 + i % 15) + "\nsource: Wire\n---\n"
                            + body(i));
        }
        OpenSearchSettings settings = TestIndexes.settings(cluster.urls(), "ingest2", 3, 0);
        String urls =
                String.join(",", cluster.urls().stream().map(Object::toString).toList());
        Map<String, String> env = Map.of(
                "TRADETALK_INDEX_BACKEND", "opensearch",
                "TRADETALK_OPENSEARCH_URLS", urls,
                "TRADETALK_OPENSEARCH_INDEX", settings.index(),
                "TRADETALK_OPENSEARCH_SHARDS", "3",
                "TRADETALK_OPENSEARCH_REPLICAS", "0",
                "TRADETALK_INDEX_DIR", dir.resolve("unused-lucene-dir").toString(),
                "OPT_OUT_TRACKING", "true");

        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder pb = new ProcessBuilder(CliRun.childCommand("ingest", articles.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child-" + i + ".log").toFile());
            pb.environment().putAll(env);
            children.add(pb.start());
        }
        for (int i = 0; i < children.size(); i++) {
            assertThat(children.get(i).waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(children.get(i).exitValue())
                    .as("child %d: %s", i, Files.readString(dir.resolve("child-" + i + ".log")))
                    .isZero();
        }

        try (OpenSearchArticleStore s = OpenSearchArticleStore.open(
                settings,
                new BgeSmallEmbedder(),
                new Chunker(120, 0),
                SearchSettings.defaults(),
                256)) { // reads only: the model never loads
            assertThat(s.articleCount()).isEqualTo(ARTICLES);
            List<ArticleMeta> metas = s.articles();
            assertThat(metas)
                    .extracting(ArticleMeta::id)
                    .doesNotHaveDuplicates()
                    .hasSize(ARTICLES);
            assertThat(metas).allSatisfy(m -> assertThat(m.publishedAt()).isAfter(LocalDate.of(2019, 11, 1)));
            Set<String> passageIds = new HashSet<>();
            int passages = 0;
            for (ArticleMeta m : metas) {
                List<Passage> ps = s.passages(m.id());
                assertThat(ps).extracting(Passage::ordinal).containsExactlyElementsOf(range(ps.size()));
                ps.forEach(p -> passageIds.add(p.id()));
                passages += ps.size();
            }
            assertThat(passageIds).hasSize(passages);
            assertThat(s.passageCount()).isEqualTo(passages);
            s.deleteIndex();
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
