package tradetalk.answer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;

class SourcesTest {

    // header "[n] Wire, 2020-01-01, \"T\"" + 3 newlines: 28 chars -> 7 tokens; each TEN_TOKENS passage costs 17
    static SearchHit hit(String id, String text) {
        return Evidence.hit(id, "Wire", "2020-01-01", "T", text);
    }

    static final String TEN_TOKENS = "Forty characters of text in a sentence."; // 39 chars -> 10 tokens

    @Test
    @DisplayName("tokens are estimated as characters / 4, rounded up")
    void should_estimate_tokens() {
        assertThat(Sources.estimateTokens("")).isZero();
        assertThat(Sources.estimateTokens("abcd")).isEqualTo(1);
        assertThat(Sources.estimateTokens("abcde")).isEqualTo(2);
        assertThat(Sources.estimateTokens(TEN_TOKENS)).isEqualTo(10);
    }

    @Test
    @DisplayName("whole passages are taken best first while they fit")
    void should_take_whole_passages_in_order() {
        List<SearchHit> hits = List.of(hit("a", TEN_TOKENS), hit("b", TEN_TOKENS), hit("c", TEN_TOKENS));

        assertThat(Sources.fit(hits, 36)).extracting(Passage::id).containsExactly("a#0", "b#0");
        assertThat(Sources.fit(hits, 54)).extracting(Passage::id).containsExactly("a#0", "b#0", "c#0");
        assertThat(Sources.fit(hits, 54)).extracting(Passage::text).containsOnly(TEN_TOKENS);
    }

    @Test
    @DisplayName("a passage that does not fit is cut to whole leading sentences, never mid-sentence")
    void should_trim_to_whole_sentences() {
        String text = TEN_TOKENS + " " + TEN_TOKENS + " Third sentence is here.";
        List<SearchHit> hits = List.of(hit("a", text));

        List<Passage> fitted = Sources.fit(hits, 7 + 21);

        assertThat(fitted).singleElement().extracting(Passage::text).isEqualTo(TEN_TOKENS + " " + TEN_TOKENS);
    }

    @Test
    @DisplayName("a passage whose first sentence does not fit is skipped; a later short one may still fit")
    void should_skip_what_does_not_fit() {
        String longSentence = "x".repeat(400) + ".";
        List<SearchHit> hits = List.of(hit("a", TEN_TOKENS), hit("long", longSentence), hit("c", "Short one."));

        assertThat(Sources.fit(hits, 17 + 12)).extracting(Passage::id).containsExactly("a#0", "c#0");
        assertThat(Sources.fit(hits, 5)).isEmpty();
    }

    @Test
    @DisplayName("duplicate passages are taken once")
    void should_drop_duplicates() {
        List<SearchHit> hits = List.of(hit("a", TEN_TOKENS), hit("a", TEN_TOKENS));

        assertThat(Sources.fit(hits, 3000)).hasSize(1);
    }

    @Test
    @DisplayName("headers read [n] Outlet, date, \"Title\", with stand-ins for missing values")
    void should_render_headers() {
        List<Passage> p = Sources.fit(List.of(Evidence.hit("a", "", null, "A\ntitle", "Text.")), 3000);

        assertThat(Sources.render(p)).isEqualTo("[1] unknown outlet, undated, \"A title\"\nText.");
    }
}
