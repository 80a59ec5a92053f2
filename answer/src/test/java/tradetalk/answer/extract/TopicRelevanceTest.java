package tradetalk.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tradetalk.answer.extract.TopicRelevance.Match;
import tradetalk.answer.support.Names;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;

class TopicRelevanceTest {

    private static final TopicRelevance.Thresholds THRESHOLDS = new TopicRelevance.Thresholds(0.5, 0.72);

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
    void plurals_and_demonyms_name_the_same_thing() {
        assertThat(relevance("the Oscars").missingNames("She won an Oscar in 1974."))
                .isZero();
        assertThat(relevance("Russia's war in Ukraine").missingNames("Ukrainian drones struck Russian airbases."))
                .isZero();
    }
}
