package tradetalk.answer.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tradetalk.answer.support.Names;

class QuestionIntentTest {

    @Test
    void the_subject_of_a_latest_question_keeps_its_names_as_written_so_their_key_names_are_found() {
        String topic = QuestionIntent.latestTopic("What is the latest on ICE raids in Chicago?");

        assertThat(topic).isEqualTo("ICE raids Chicago");
        assertThat(Names.inTopic(topic)).containsExactly("ice", "chicago");
    }

    @Test
    void an_opening_auxiliary_or_verb_is_no_key_name_but_a_name_after_it_is() {
        assertThat(Names.inTopic(QuestionIntent.latestTopic("Is Pope Leo's visit to Turkey going ahead now?")))
                .containsExactly("leo", "turkey");
        assertThat(Names.inTopic(QuestionIntent.latestTopic("Give me the latest on the shutdown")))
                .isEmpty();
    }

    @Test
    void a_subject_without_names_stays_a_topic_without_names() {
        assertThat(QuestionIntent.latestTopic("Where do the talks stand now?")).isEqualTo("talks");
        assertThat(QuestionIntent.latestTopic("What is the latest on the deal?"))
                .isEqualTo("deal");
    }

    @Test
    void countries_in_a_hyphenated_pair_are_both_key_names() {
        assertThat(Names.inTopic(QuestionIntent.latestTopic("What is the latest on US-China trade?")))
                .containsExactly("us", "china");
    }

    @Test
    void what_an_acronym_stands_for_or_a_now_that_is_no_question_about_the_latest() {
        assertThat(QuestionIntent.asksLatest("What does EF stand for?")).isFalse();
        assertThat(QuestionIntent.asksLatest("Where do the talks stand now?")).isTrue();
        assertThat(QuestionIntent.asksLatest("Where does the deal stand?")).isTrue();
        assertThat(QuestionIntent.asksLatest("How do residents feel now that the troops are on the streets?"))
                .isFalse();
    }
}
