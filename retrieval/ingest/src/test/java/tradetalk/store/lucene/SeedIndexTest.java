package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.ingest.parse.ArticleReader;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.ReadResult;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.embed.BgeSmallEmbedder;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.IndexException;
import tradetalk.retrieval.store.IngestReport;
import tradetalk.retrieval.store.SearchSettings;

/** Golden retrieval over the three seed articles, with the real embedding model. */
class SeedIndexTest {

    private static final String NOV18 = "000_75e7d6d2605e1b51.txt";
    private static final String OCT25 = "001_094b3742853613a8.txt";
    private static final String NOV26 = "002_a3e20f71e49fec1f.txt";

    @TempDir
    static Path dir;

    static ArticleIndex index;
    static List<Article> seeds;

    @BeforeAll
    static void ingestSeeds() throws Exception {
        Path seedDir = Path.of(SeedIndexTest.class.getResource("/seeds").toURI());
        ReadResult read = new ArticleReader().read(List.of(seedDir));
        assertThat(read.rejected()).isEmpty();
        seeds = read.articles();
        index = ArticleIndex.open(
                dir.resolve("index"), new BgeSmallEmbedder(), new Chunker(120, 0), SearchSettings.defaults());
        IngestReport r = index.ingest(seeds);
        assertThat(r.added()).isEqualTo(3);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    /** The seeds are an archive asked years later, as a member asks them (the answer service gives today). */
    private static final java.time.LocalDate ASKED = java.time.LocalDate.of(2026, 12, 7);

    private static String topFile(SearchRequest r) {
        List<SearchHit> hits = index.search(r.asOf() == null ? r.withAsOf(ASKED) : r);
        assertThat(hits).isNotEmpty();
        return Path.of(hits.getFirst().passage().article().path()).getFileName().toString();
    }

    @Test
    void given_the_seeds_when_searching_hybrid_then_each_question_finds_its_article_first() {
        assertThat(topFile(SearchRequest.of("Where was the APEC summit where Trump hoped to sign the deal?", 5)))
                .isEqualTo(OCT25);
        assertThat(topFile(SearchRequest.of("Hong Kong human rights bill and the trade deal", 5)))
                .isEqualTo(NOV26);
        assertThat(topFile(SearchRequest.of("Dow Jones above 28,000 after Kudlow's comments", 5)))
                .isEqualTo(NOV18);
        assertThat(topFile(SearchRequest.of("Why did talks break down six months earlier?", 5)))
                .isEqualTo(NOV18);
    }

    @Test
    void given_an_index_built_with_another_model_when_opened_then_it_is_refused_with_a_reason() {
        assertThatThrownBy(() -> ArticleIndex.open(
                        dir.resolve("index"), new RandomEmbedder(16), new Chunker(120, 0), SearchSettings.defaults()))
                .isInstanceOf(IndexException.class)
                .hasMessageContaining("bge-small-en-v1.5-q");
    }
}
