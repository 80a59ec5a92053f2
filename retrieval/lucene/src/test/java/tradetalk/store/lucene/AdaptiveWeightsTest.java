package tradetalk.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.HybridRanker;
import tradetalk.retrieval.store.SearchSettings;
import tradetalk.retrieval.store.StoreFields;

/** What adaptive weights read from a question: the share of its IDF-weighted terms in BM25's best passage. */
class AdaptiveWeightsTest {

    @TempDir
    Path dir;

    private static Article article(String id, String title, String body) {
        return Article.of(
                new ArticleMeta(id, title, "Wire", LocalDate.of(2019, 11, 1), "https://example.test/" + id, "", "", ""),
                body);
    }

    @Test
    void coverage_is_the_idf_share_of_the_question_terms_the_passage_holds() throws Exception {
        SearchSettings d = SearchSettings.defaults();
        SearchSettings s = new SearchSettings(
                d.candidates(), 0.5, 0.5, d.titleBoost(), 0, 7, d.fusion(), 0, SearchSettings.Weights.ADAPTIVE);
        Path idx = dir.resolve("idx");
        try (ArticleIndex index = ArticleIndex.open(idx, new RandomEmbedder(16), new Chunker(50, 0), s)) {
            index.ingest(List.of(
                    article("soy", "Farm trade", "China agreed to buy soybeans from American farmers."),
                    article("steel", "Metals", "The steel tariff stays in place, officials said."),
                    article("fx", "Currency", "The yuan weakened against the dollar.")));
            double soy = index.idf("soybean");
            double steel = index.idf("steel");
            try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(idx))) {
                IndexSearcher searcher = new IndexSearcher(r);
                HybridSearch hs = new HybridSearch(searcher, index.embedder(), s);
                HybridRanker ranker = new HybridRanker(s);
                int soyDoc = searcher.search(new TermQuery(new Term(StoreFields.TEXT, "soybean")), 1).scoreDocs[0].doc;

                assertThat(ranker.coverage("soybeans", soyDoc, hs)).isCloseTo(1.0, within(1e-9));
                assertThat(ranker.coverage("soybeans steel", soyDoc, hs)).isCloseTo(soy / (soy + steel), within(1e-9));
                assertThat(ranker.coverage("farm steel", soyDoc, hs)) // a title word counts too
                        .isCloseTo(index.idf("farm") / (index.idf("farm") + steel), within(1e-9));
                assertThat(ranker.coverage("steel", soyDoc, hs)).isZero();
            }
        }
    }
}
