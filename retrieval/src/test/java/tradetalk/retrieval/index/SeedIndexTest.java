package tradetalk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.ReadResult;
import tradetalk.retrieval.SearchHit;
import tradetalk.retrieval.SearchRequest;
import tradetalk.retrieval.SearchRequest.Mode;
import tradetalk.retrieval.embed.BgeSmallEmbedder;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.parse.ArticleReader;

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

    private static String topFile(SearchRequest r) {
        List<SearchHit> hits = index.search(r);
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
    void given_a_rare_word_when_searching_bm25_then_only_passages_containing_it_match() {
        List<SearchHit> hits = index.search(SearchRequest.of("Kudlow", 10).withMode(Mode.BM25));

        assertThat(hits).isNotEmpty().allSatisfy(h -> {
            assertThat(h.passage().text()).contains("Kudlow");
            assertThat(h.passage().article().path()).endsWith(NOV18);
        });
        long withWord = index
                .passages(seeds.stream()
                        .filter(a -> a.meta().path().endsWith(NOV18))
                        .findFirst()
                        .orElseThrow()
                        .id())
                .stream()
                .filter(p -> p.text().contains("Kudlow"))
                .count();
        assertThat(hits).hasSize((int) withWord);
    }

    @Test
    void given_date_bounds_when_searching_then_articles_outside_them_are_excluded() {
        SearchRequest q = SearchRequest.of("phase one trade deal", 20);

        assertThat(files(index.search(q))).containsExactlyInAnyOrder(NOV18, OCT25, NOV26);
        assertThat(files(index.search(q.withDates(LocalDate.of(2019, 11, 1), null))))
                .containsExactlyInAnyOrder(NOV18, NOV26);
        assertThat(files(index.search(q.withAsOf(LocalDate.of(2019, 11, 20))))).containsExactlyInAnyOrder(NOV18, OCT25);
        assertThat(index.search(q.withDates(LocalDate.of(2020, 1, 1), null))).isEmpty();
    }

    @Test
    void given_an_index_when_listing_articles_then_they_come_newest_first_with_metadata() {
        List<ArticleMeta> list = index.articles();

        assertThat(list)
                .extracting(ArticleMeta::publishedAt)
                .containsExactly(LocalDate.of(2019, 11, 26), LocalDate.of(2019, 11, 18), LocalDate.of(2019, 10, 25));
        assertThat(list.get(1).source()).isEqualTo("Bloomberg");
        assertThat(index.article(list.get(2).id()))
                .get()
                .satisfies(a -> assertThat(a.body()).contains("Asia-Pacific Economic Cooperation summit in Santiago"));
        assertThat(index.passages(list.get(2).id()))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.article()).isEqualTo(list.get(2)));
    }

    @Test
    void given_the_same_articles_when_ingested_again_then_nothing_changes() {
        int passages = index.passageCount();

        IngestReport again = index.ingest(seeds);

        assertThat(again.added()).isZero();
        assertThat(again.replaced()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.passages()).isZero();
        assertThat(index.articleCount()).isEqualTo(3);
        assertThat(index.passageCount()).isEqualTo(passages);
    }

    @Test
    void given_an_index_built_with_another_model_when_opened_then_it_is_refused_with_a_reason() {
        assertThatThrownBy(() -> ArticleIndex.open(
                        dir.resolve("index"), new RandomEmbedder(16), new Chunker(120, 0), SearchSettings.defaults()))
                .isInstanceOf(IndexException.class)
                .hasMessageContaining("bge-small-en-v1.5-q");
    }

    private static Set<String> files(List<SearchHit> hits) {
        return hits.stream()
                .map(h -> Path.of(h.passage().article().path()).getFileName().toString())
                .collect(Collectors.toSet());
    }

    /** Replacement runs on its own index so the shared one stays as the other tests expect. */
    @Test
    void given_a_changed_article_when_ingested_then_it_replaces_the_old_passages(@TempDir Path own) throws Exception {
        try (ArticleIndex idx =
                ArticleIndex.open(own, new RandomEmbedder(16), new Chunker(120, 0), SearchSettings.defaults())) {
            Article original = seeds.getFirst();
            idx.ingest(List.of(original));
            Article changed = Article.of(original.meta(), original.body() + "\n\nA zebra correction was appended.");

            IngestReport r = idx.ingest(List.of(changed));

            assertThat(r.replaced()).isEqualTo(1);
            assertThat(idx.articleCount()).isEqualTo(1);
            assertThat(idx.search(SearchRequest.of("zebra correction", 5).withMode(Mode.BM25)))
                    .isNotEmpty();
            assertThat(idx.article(original.id()))
                    .get()
                    .extracting(Article::body)
                    .asString()
                    .contains("zebra");
            assertThat(idx.passages(original.id())).extracting(p -> p.id()).doesNotHaveDuplicates();
            assertThat(Files.exists(own)).isTrue();
        }
    }
}
