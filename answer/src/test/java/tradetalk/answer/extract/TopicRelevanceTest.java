package tradetalk.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tradetalk.answer.extract.TopicRelevance.Match;
import tradetalk.answer.support.Names;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;

class TopicRelevanceTest {

    private static final TopicRelevance.Thresholds THRESHOLDS = new TopicRelevance.Thresholds(0.5, 0.72, 0.66, 0.60);

    private static SearchHit hit(String text, double dense) {
        ArticleMeta meta = new ArticleMeta("a", "", "CNN", LocalDate.parse("2025-05-01"), "", "", "", "");
        return new SearchHit(new Passage("a#0", meta, 0, text), 1, 0, dense);
    }

    private static TopicRelevance relevance(String topic) {
        return new TopicRelevance(topic, term -> 1.0, THRESHOLDS);
    }

    @Test
    void a_topic_s_key_names_are_its_countries_acronyms_and_the_last_word_of_other_names() {
        assertThat(Names.inTopic("US China trade talks")).containsExactly("us", "china");
        assertThat(Names.inTopic("tariffs on Chinese goods")).containsExactly("china");
        assertThat(Names.inTopic("Russia's war in Ukraine")).containsExactly("russia", "ukraine");
        assertThat(Names.inTopic("Charlie Kirk assassination")).containsExactly("kirk");
        assertThat(Names.inTopic("Pope Leo XIV")).containsExactly("leo");
        assertThat(Names.inTopic("NASA Artemis II moon mission")).containsExactly("nasa", "artemis");
        assertThat(Names.inTopic("measles outbreak")).isEmpty();
    }

    @Test
    void china_and_talks_with_someone_else_is_not_us_china_trade_however_many_topic_words_it_holds() {
        TopicRelevance r = relevance("US China trade talks");

        SearchHit chinaOnly = hit("China held trade talks with the European Union on Tuesday.", 0.60);
        SearchHit both = hit("China and the US held trade talks on Tuesday.", 0.60);

        assertThat(r.match(chinaOnly)).isEqualTo(Match.NONE);
        assertThat(r.match(both)).isEqualTo(Match.MARGINAL);
    }

    @Test
    void an_acronym_is_named_by_the_initials_of_a_capitalised_phrase_spelled_out() {
        TopicRelevance r = relevance("ICE raids");

        assertThat(r.missingNames("U.S. Immigration and Customs Enforcement launched an operation in Maine."))
                .isZero();
        assertThat(r.missingNames("Federal immigration officers launched an operation in Maine."))
                .isEqualTo(1);
    }

    @Test
    void naming_every_key_name_and_passing_both_tests_is_strong() {
        TopicRelevance r = relevance("US China trade talks");

        assertThat(r.match(hit("US and Chinese negotiators resumed trade talks in Geneva.", 0.75)))
                .isEqualTo(Match.STRONG);
        assertThat(r.match(hit("US and Chinese negotiators met in Geneva.", 0.75)))
                .isEqualTo(Match.MARGINAL);
    }

    @Test
    void one_missing_name_of_several_needs_the_similarity_and_the_only_name_is_always_needed() {
        TopicRelevance several = relevance("US China trade talks");
        TopicRelevance single = relevance("Louvre jewel heist");

        assertThat(several.match(hit("President Trump met Chinese leader Xi Jinping for trade talks.", 0.75)))
                .isEqualTo(Match.MARGINAL);
        assertThat(several.match(hit("President Trump met Chinese leader Xi Jinping for trade talks.", 0.60)))
                .isEqualTo(Match.NONE);
        assertThat(single.match(hit("Thieves took jewels worth $100 million in a brazen heist.", 0.75)))
                .isEqualTo(Match.NONE);
    }

    @Test
    void a_passage_naming_the_key_names_is_about_the_topic_by_its_meaning_without_sharing_its_words() {
        TopicRelevance r = relevance("Charlie Kirk assassination");
        SearchHit words = hit("Kirk, the co-founder of Turning Point USA, died in a shooting at a university.", 0.67);

        assertThat(r.coverage(words)).isLessThan(THRESHOLDS.minCoverage());
        assertThat(r.match(words)).isEqualTo(Match.MARGINAL);
        assertThat(r.match(hit("Kirk, the co-founder of Turning Point USA, spoke at a university.", 0.64)))
                .isEqualTo(Match.NONE);
    }

    @Test
    void the_topic_s_names_and_words_without_its_meaning_are_not_about_it() {
        TopicRelevance r = relevance("US China trade talks");
        // a small kingdom's exports: it names the US and China and holds the topic's words, far from its meaning
        SearchHit aside = hit(
                "Lesotho's exports to the US were hit with a 50% tariff, higher than China's; trade talks stalled.",
                0.58);

        assertThat(r.coverage(aside)).isGreaterThanOrEqualTo(THRESHOLDS.minCoverage());
        assertThat(r.match(aside)).isEqualTo(Match.NONE);
        assertThat(r.match(hit(aside.passage().text(), 0.61))).isEqualTo(Match.MARGINAL);
    }

    @Test
    void a_topic_without_names_is_about_a_passage_holding_its_words_or_close_in_meaning() {
        TopicRelevance r = relevance("measles outbreak");

        assertThat(r.match(hit("A measles outbreak in South Carolina grew to 900 cases.", 0.50)))
                .isEqualTo(Match.MARGINAL);
        assertThat(r.match(hit("Cases of the disease rose in South Carolina schools.", 0.73)))
                .isEqualTo(Match.MARGINAL);
        assertThat(r.match(hit("A hantavirus case aboard a cruise ship killed three.", 0.66)))
                .isEqualTo(Match.NONE);
    }

    @Test
    void the_bars_of_meaning_must_not_rise_above_the_one_they_lower() {
        assertThatThrownBy(() -> new TopicRelevance.Thresholds(0.5, 0.72, 0.75, 0.60))
                .hasMessageStartingWith("status.named-similarity must be from -1 to status.min-similarity (0.72)");
        assertThatThrownBy(() -> new TopicRelevance.Thresholds(0.5, 0.72, 0.66, 0.70))
                .hasMessageStartingWith("status.covered-similarity must be from -1 to status.named-similarity (0.66)");
    }

    @Test
    void plurals_and_demonyms_name_the_same_thing() {
        assertThat(relevance("the Oscars").missingNames("She won an Oscar in 1974."))
                .isZero();
        assertThat(relevance("Russia's war in Ukraine").missingNames("Ukrainian drones struck Russian airbases."))
                .isZero();
    }
}
