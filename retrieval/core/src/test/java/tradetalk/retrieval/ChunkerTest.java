package tradetalk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static Article article(String body) {
        ArticleMeta meta =
                new ArticleMeta("a1", "Title", "Outlet", LocalDate.of(2019, 11, 26), "https://x/1", "", "", "");
        return Article.of(meta, body);
    }

    private static String sentences(int n, int wordsEach) {
        return IntStream.range(0, n)
                .mapToObj(i -> "Sentence" + i + " " + "word ".repeat(wordsEach - 2) + "end.")
                .collect(Collectors.joining(" "));
    }

    @Test
    void given_a_long_article_when_split_then_passages_hold_whole_sentences_near_the_target_size() {
        Article a = article(sentences(20, 20)); // 400 words

        List<Passage> ps = new Chunker(100, 0).split(a);

        assertThat(ps).hasSize(4);
        assertThat(ps).allSatisfy(p -> {
            assertThat(p.text()).startsWith("Sentence").endsWith("end.");
            assertThat(Chunker.wordCount(p.text())).isEqualTo(100);
            assertThat(p.article()).isEqualTo(a.meta());
        });
        assertThat(ps).extracting(Passage::id).containsExactly("a1#0", "a1#1", "a1#2", "a1#3");
        assertThat(ps).extracting(Passage::ordinal).containsExactly(0, 1, 2, 3);
    }

    @Test
    void given_a_short_tail_when_split_then_it_joins_the_last_passage() {
        Article a = article(sentences(11, 20)); // 220 words: 100 + 100 + 20-word tail

        List<Passage> ps = new Chunker(100, 0).split(a);

        assertThat(ps).hasSize(2);
        assertThat(Chunker.wordCount(ps.get(1).text())).isEqualTo(120);
    }

    @Test
    void given_overlap_when_split_then_neighbours_share_a_sentence() {
        Article a = article(sentences(10, 20));

        List<Passage> ps = new Chunker(100, 1).split(a);

        assertThat(ps.get(1).text()).startsWith("Sentence4 ");
        assertThat(ps.get(0).text()).contains("Sentence4 ");
    }

    @Test
    void rejects_settings_out_of_range_naming_the_key() {
        assertThatThrownBy(() -> new Chunker(5, 0)).hasMessageContaining("index.passage-words");
        assertThatThrownBy(() -> new Chunker(100, 9)).hasMessageContaining("index.passage-overlap");
    }

    /** A list that counts how often its elements are read. */
    private static final class CountingList extends java.util.AbstractList<String> {
        private final List<String> items;
        private long reads;

        CountingList(List<String> items) {
            this.items = items;
        }

        @Override
        public String get(int index) {
            reads++;
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    @Test
    void given_thousands_of_sentences_when_split_then_each_sentence_is_read_a_bounded_number_of_times() {
        List<String> sentences = IntStream.range(0, 20_000)
                .mapToObj(i -> "Sentence" + i + " has six words here.")
                .toList();
        CountingList counting = new CountingList(sentences);

        List<Passage> ps = new Chunker(120, 1).split(article("unused"), counting);

        // a sentence is read once for its word count and at most twice into passages (once more with overlap):
        // the old chunker re-counted the words of the whole rest of the article for every passage
        assertThat(counting.reads).isLessThanOrEqualTo(3L * sentences.size());
        assertThat(ps).hasSizeGreaterThan(800);
    }

    @Test
    void given_a_four_megabyte_article_when_split_then_every_sentence_is_in_a_passage_in_order() {
        String body = IntStream.range(0, 100_000)
                .mapToObj(i -> (i % 3 == 0
                                ? "\"We talked about item " + i + ",\" Mr. Liu said."
                                : "The U.S. side " + "answered on point " + i + " of the phase one deal.")
                        + (i % 7 == 6 ? "\n\n" : " "))
                .collect(Collectors.joining());
        assertThat(body.length()).isGreaterThan(4_000_000);

        List<Passage> ps = new Chunker(120, 0).split(article(body));

        assertThat(ps.stream().map(Passage::text).collect(Collectors.joining(" ")))
                .isEqualTo(String.join(" ", Sentences.split(body)));
        assertThat(ps).allSatisfy(p -> assertThat(Chunker.wordCount(p.text())).isBetween(40, 160));
        assertThat(ps.getLast().text()).endsWith("\"We talked about item 99999,\" Mr. Liu said.");
    }

    @Test
    void given_a_megabyte_without_sentence_punctuation_when_split_then_it_is_cut_into_passages_of_the_target_size() {
        String body = "transcript " + "and then the talks went on ".repeat(40_000) + "end";

        List<Passage> ps = new Chunker(100, 0).split(article(body));

        assertThat(ps).hasSizeGreaterThan(2_000);
        assertThat(ps).allSatisfy(p -> assertThat(Chunker.wordCount(p.text())).isBetween(33, 130));
        assertThat(ps.stream().map(Passage::text).collect(Collectors.joining(" ")))
                .isEqualTo(body);
    }
}
