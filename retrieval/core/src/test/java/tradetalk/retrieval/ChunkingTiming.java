package tradetalk.retrieval;

import java.time.LocalDate;
import java.util.List;

/**
 * Times {@link Chunker#split} on synthetic news text of the given sizes in MB (figures for BENCHMARKS.md, not a test):
 * {@code java -cp retrieval/target/classes:retrieval/target/test-classes tradetalk.retrieval.ChunkingTiming 1 2 4 50}.
 * Each size is chunked as paragraphs of five sentences and as one long paragraph.
 */
public final class ChunkingTiming {

    private ChunkingTiming() {}

    public static void main(String[] args) {
        Chunker chunker = new Chunker(120, 0);
        for (String arg : args) {
            int mb = Integer.parseInt(arg);
            for (boolean paragraphs : new boolean[] {true, false}) {
                String body = text(mb * 1_000_000, paragraphs);
                Article a = Article.of(new ArticleMeta("t", "T", "", LocalDate.of(2019, 11, 26), "", "", "", ""), body);
                long t0 = System.nanoTime();
                List<Passage> ps = chunker.split(a);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        java.util.Locale.ROOT,
                        "%d MB %s: %d passages in %.2f s%n",
                        mb,
                        paragraphs ? "in paragraphs" : "one paragraph",
                        ps.size(),
                        s);
            }
        }
    }

    /** About {@code chars} characters of sentences, some quoted, some with abbreviations. */
    static String text(int chars, boolean paragraphs) {
        StringBuilder b = new StringBuilder(chars + 200);
        int i = 0;
        while (b.length() < chars) {
            switch (i % 4) {
                case 0 ->
                    b.append("The U.S. and China held talks on tariffs number ")
                            .append(i)
                            .append('.');
                case 1 ->
                    b.append("\"We made progress on item ").append(i).append(", and talks go on,\" Mr. Liu said.");
                case 2 ->
                    b.append("Officials said the phase one deal covers farm goods and the yuan in round ")
                            .append(i)
                            .append('.');
                default ->
                    b.append("Markets rose on the news, with soybeans up ")
                            .append(i % 90)
                            .append(" cents.");
            }
            i++;
            b.append(paragraphs && i % 5 == 0 ? "\n\n" : " ");
        }
        return b.toString();
    }
}
