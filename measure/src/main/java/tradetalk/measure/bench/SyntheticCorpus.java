package tradetalk.measure.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleIds;
import tradetalk.retrieval.ArticleMeta;

/**
 * Reproducible synthetic news: the same seed gives the same articles. Words follow a Zipf law over a generated
 * vocabulary; sentences average about 21 words (normal, sd 9, at least 5) and articles about 600 words (log-normal,
 * median 550, clamped to 120..2500), the shape of wire-service news. Questions are runs of 5 to 9 words taken from
 * a sentence of a known article. The text has no meaning: it measures speed and scaling, not quality.
 */
public final class SyntheticCorpus {

    private static final String[] SOURCES = {
        "Reuters",
        "Bloomberg",
        "AP",
        "CNBC",
        "Financial Times",
        "Xinhua",
        "South China Morning Post",
        "The Wall Street Journal"
    };
    private static final String[] SYLLABLES = {
        "ta", "ri", "ff", "chi", "na", "tra", "de", "deal", "ex", "port", "im", "bei", "jing", "wash", "ing", "ton",
        "so", "y", "bean", "steel", "tech", "mar", "ket", "gro", "wth", "ban", "k", "lo", "an", "cur", "ren", "cy",
        "min", "is", "ter", "ta", "lk", "sum", "mit", "pol", "icy"
    };

    private final SplittableRandom random;
    private final List<String> vocabulary;
    private final double[] cumulative;

    /** A generator; {@code seed} fixes everything it produces. */
    public SyntheticCorpus(long seed) {
        this.random = new SplittableRandom(seed);
        SplittableRandom v = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.vocabulary = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (vocabulary.size() < 20_000) {
            StringBuilder w = new StringBuilder();
            int parts = 1 + v.nextInt(4);
            for (int i = 0; i < parts; i++) {
                w.append(SYLLABLES[v.nextInt(SYLLABLES.length)]);
            }
            if (seen.add(w.toString())) {
                vocabulary.add(w.toString());
            }
        }
        this.cumulative = new double[vocabulary.size()];
        double sum = 0;
        for (int r = 0; r < cumulative.length; r++) {
            sum += 1 / Math.pow(r + 1, 1.07);
            cumulative[r] = sum;
        }
        for (int r = 0; r < cumulative.length; r++) {
            cumulative[r] /= sum;
        }
    }

    /** {@code n} articles, numbered from 0. */
    public List<Article> articles(int n) {
        List<Article> out = new ArrayList<>(n);
        LocalDate start = LocalDate.of(2018, 1, 1);
        for (int i = 0; i < n; i++) {
            int words = (int) Math.round(Math.exp(Math.log(550) + 0.5 * gaussian()));
            words = Math.max(120, Math.min(2500, words));
            StringBuilder body = new StringBuilder();
            int written = 0;
            int inParagraph = 0;
            while (written < words) {
                String s = sentence();
                written += s.split(" ").length;
                if (inParagraph == 3) {
                    body.append("\n\n");
                    inParagraph = 0;
                } else if (!body.isEmpty()) {
                    body.append(' ');
                }
                body.append(s);
                inParagraph++;
            }
            String title = capitalize(words(6 + random.nextInt(7)));
            String url = "https://news.example/" + i;
            ArticleMeta meta = new ArticleMeta(
                    ArticleIds.forUrl(url),
                    title,
                    SOURCES[random.nextInt(SOURCES.length)],
                    start.plusDays(random.nextInt(1500)),
                    url,
                    "",
                    "",
                    "");
            out.add(Article.of(meta, body.toString()));
        }
        return out;
    }

    /** A question and the article it was taken from. */
    public record Question(String text, String articleId) {}

    /** {@code n} questions taken from random sentences of the articles. */
    public List<Question> questions(List<Article> articles, int n) {
        List<Question> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Article a = articles.get(random.nextInt(articles.size()));
            String[] words = a.body().replace("\n\n", " ").split(" ");
            int len = Math.min(words.length, 5 + random.nextInt(5));
            int from = random.nextInt(Math.max(1, words.length - len));
            String q = String.join(" ", java.util.Arrays.copyOfRange(words, from, from + len))
                    .replace(".", "");
            out.add(new Question(q + "?", a.id()));
        }
        return out;
    }

    private String sentence() {
        int n = Math.max(5, (int) Math.round(21 + 9 * gaussian()));
        return capitalize(words(n)) + ".";
    }

    private String words(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(word());
        }
        return sb.toString();
    }

    private String word() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary.get(lo);
    }

    private double gaussian() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
