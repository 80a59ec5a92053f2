package tradetalk.answer.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Who did Liu He speak with on the phone?|PERSON",
                "Which president signed the bill?|PERSON",
                "When was the phase-one deal signed?|DATE",
                "In what year did the talks begin?|DATE",
                "Where did Trump hope to sign the first phase of the deal?|PLACE",
                "In which city will the summit be held?|PLACE",
                "How many tonnes of soybeans did China agree to buy?|NUMBER",
                "What tariff rate did the US impose on Chinese steel?|NUMBER",
                "What did Angela Merkel say about the trade talks?|QUOTE",
                "What would China buy under the phase one deal?|OTHER"
            })
    void should_read_the_kind_of_answer_from_the_wording(String question, AnswerType.Kind kind) {
        assertThat(AnswerType.of(question).kind()).isEqualTo(kind);
    }

    @Test
    void given_a_quote_question_then_the_speaker_is_who_is_quoted() {
        assertThat(AnswerType.of("What did Trump say about Hong Kong while discussing the deal?")
                        .speaker())
                .isEqualTo("Trump");
    }

    @Test
    void given_a_what_would_x_verb_question_then_the_verb_is_the_focus_and_how_many_counts_a_unit() {
        assertThat(AnswerType.of("What would China buy under the phase one deal?")
                        .focus())
                .isEqualTo("buy");
        assertThat(AnswerType.of("What would the US give in return for China resuming purchases?")
                        .focus())
                .isEqualTo("give");
        assertThat(AnswerType.of("How many tonnes of soybeans did China agree to buy?")
                        .focus())
                .isEqualTo("tonnes");
        assertThat(AnswerType.of("Who asked for the Saturday phone call?").focus())
                .isEmpty();
    }

    @Test
    void should_match_sentences_holding_what_the_type_asks_for() {
        assertThat(AnswerType.of("How many tonnes did China buy?").matches("China bought 3 million tonnes."))
                .isTrue();
        assertThat(AnswerType.of("How many tonnes did China buy?").matches("China bought a lot."))
                .isFalse();
        assertThat(AnswerType.of("When was it signed?").matches("It was signed on Tuesday."))
                .isTrue();
        assertThat(AnswerType.of("Who called?").matches("The call was held at the request of the US negotiators."))
                .isFalse();
        assertThat(AnswerType.of("Who called?").matches("It was Steven Mnuchin who called."))
                .isTrue();
        assertThat(AnswerType.of("Where will they meet?").matches("They will meet in Santiago next month."))
                .isTrue();
        AnswerType trump = AnswerType.of("What did Trump say about Hong Kong?");
        assertThat(trump.matches("\"I stand with Hong Kong,\" Trump said last Friday."))
                .isTrue();
        assertThat(trump.matches("Trump signed the bill on Wednesday.")).isFalse();
    }

    @Test
    void should_find_a_quotation_without_its_speaker_dangling_unless_the_attribution_follows() {
        assertThat(Quotes.dangling("\"It's going very well,\" he said.")).isTrue();
        assertThat(Quotes.dangling("Still, while acknowledging that a deal was close, he said it was not done."))
                .isFalse();
        assertThat(Quotes.dangling("He said it was \"not done yet\".")).isTrue();
        assertThat(Quotes.dangling("\"I stand with Hong Kong,\" Trump said last Friday."))
                .isFalse();
        assertThat(Quotes.dangling("\"They made headway,\" the statement said."))
                .isFalse();
        assertThat(Quotes.dangling("The call was held at the request of the US negotiators."))
                .isFalse();
    }
}
