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
        ArticleMeta meta = new ArticleMeta("a1", "Title", "Outlet", LocalDate.of(2019, 11, 26), "https://x/1", "",
                "", "");
        return Article.of(meta, body);
    }

    private static String sentences(int n, int wordsEach) {
        return IntStream.range(0, n).mapToObj(i -> "Sentence" + i + " " + "word ".repeat(wordsEach - 2) + "end.")
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
}
