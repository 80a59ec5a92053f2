package tradetalk.store.lucene;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Chunker;
import tradetalk.retrieval.embed.RandomEmbedder;
import tradetalk.retrieval.store.SearchSettings;

/** Run in a child JVM by {@link CrashConsistencyTest}: ingests many articles, printing progress, until killed. */
public final class IngestChild {

    private IngestChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        try (ArticleIndex index =
                ArticleIndex.open(dir, new RandomEmbedder(16), new Chunker(50, 0), SearchSettings.defaults())) {
            index.ingest(articles(n), List.of(), done -> {
                System.out.println("done " + done);
                System.out.flush();
            });
        }
    }

    static List<Article> articles(int n) {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ArticleMeta m = new ArticleMeta(
                    "a" + i,
                    "Trade talks update " + i,
                    "Wire",
                    LocalDate.of(2019, 1, 1).plusDays(i % 300),
                    "https://example.test/" + i,
                    "",
                    "",
                    "");
            out.add(Article.of(
                    m,
                    ("Negotiators met for round " + i + " of the trade talks. ").repeat(20)
                            + "Tariffs on soybeans were discussed in session " + i + "."));
        }
        return out;
    }
}
