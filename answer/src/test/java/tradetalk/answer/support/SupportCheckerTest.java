package tradetalk.answer.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.ArticleMeta;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.embed.BgeSmallEmbedder;

/** The check with the real sentence vectors (bge-small), one test per kind of error the labelled set holds. */
class SupportCheckerTest {

    static SupportChecker checker;

    static final Passage CALL = passage(
            "reuters-1",
            "2019-11-26",
            "U.S., China trade negotiators hold call",
            "Chinese Vice Premier Liu He spoke by phone with U.S. Trade Representative Robert Lighthizer. "
                    + "Both sides agreed to keep talking about a phase-one deal. Trump has said he wants to sign the "
                    + "deal at an Nov. 16-17 summit in Santiago, Chile.");
    static final Passage DEAL = passage(
            "bloomberg-2",
            "2019-12-13",
            "U.S. and China reach phase-one trade deal",
            "The U.S. agreed to suspend tariffs of 15 percent planned for December 15. China pledged to buy 50 "
                    + "billion dollars of American farm goods, officials said. Trump called it \"an amazing deal\".");
    static final Passage SIGNED = passage(
            "ap-3",
            "2020-01-15",
            "Trump signs phase-one deal",
            "President Trump and Liu He signed the phase-one agreement at the White House.");
    static final Passage NOT_SIGNED = passage(
            "ap-4", "2019-12-20", "Deal still unsigned", "Trump has not signed the phase-one agreement with China.");

    @BeforeAll
    static void load() {
        System.setProperty("OPT_OUT_TRACKING", "true");
        checker = new SupportChecker(new BgeSmallEmbedder(), SupportChecker.DEFAULT_MIN_SIMILARITY);
    }

    static Passage passage(String id, String date, String title, String text) {
        ArticleMeta meta = new ArticleMeta(id, title, "Reuters", LocalDate.parse(date), "", "", "", "");
        return new Passage(id + "#0", meta, 0, text);
    }

    Verdict verify(String sentence, Passage... cited) {
        return checker.verify(sentence, List.of(cited));
    }

    @Test
    @DisplayName("a sentence the passage says, in other words, is supported")
    void should_support_a_right_paraphrase() {
        assertThat(verify("Liu He talked on the phone with Lighthizer", CALL)).isEqualTo(Verdict.SUPPORTED);
        assertThat(verify("China promised to purchase $50 billion of U.S. farm products", DEAL))
                .isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    @DisplayName("the issue's example: \"$50 billion of soybeans\" cited to a passage without it is unsupported")
    void should_reject_an_amount_the_passage_lacks() {
        Verdict v = verify("China agreed to buy $50 billion of soybeans", CALL);

        assertThat(v.supported()).isFalse();
        assertThat(v.reason()).isEqualTo("50 billion is not in the cited source");
    }

    @Test
    @DisplayName("a subtly wrong number or percentage is unsupported")
    void should_reject_a_wrong_number() {
        assertThat(verify("China pledged to buy $60 billion of American farm goods", DEAL)
                        .reason())
                .isEqualTo("60 billion is not in the cited source");
        assertThat(verify("The U.S. agreed to suspend tariffs of 25% planned for December 15", DEAL)
                        .reason())
                .isEqualTo("25% is not in the cited source");
        assertThat(verify("The U.S. agreed to suspend tariffs of 15% planned for December 15", DEAL))
                .isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    @DisplayName("a date in another form is found (\"November 16\" in \"Nov. 16-17\"); a wrong date is not")
    void should_match_dates_in_normal_form() {
        assertThat(verify("Trump wants to sign the deal at a summit in Santiago on November 16", CALL))
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(verify("Trump wants to sign the deal at a summit in Santiago on November 18", CALL)
                        .reason())
                .isEqualTo("November 18 is not in the cited source");
    }

    @Test
    @DisplayName("a name the passage does not have is unsupported; a surname alone is found")
    void should_reject_a_wrong_name() {
        assertThat(verify("Liu He spoke by phone with Treasury Secretary Steven Mnuchin", CALL)
                        .reason())
                .isEqualTo("Treasury is not named in the cited source");
        assertThat(verify("Liu He spoke by phone with Trade Representative Lighthizer", CALL))
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(verify("Trump wants to sign the deal at a summit in Lima, Peru", CALL)
                        .reason())
                .isEqualTo("Lima is not named in the cited source");
    }

    @Test
    @DisplayName("a quotation must be the passage's own words")
    void should_reject_a_misquote() {
        assertThat(verify("Trump called it \"an amazing deal\"", DEAL)).isEqualTo(Verdict.SUPPORTED);
        assertThat(verify("Trump called it \"the best deal ever\"", DEAL).reason())
                .isEqualTo("the quotation \"the best deal ever\" is not in the cited source");
    }

    @Test
    @DisplayName("a negation present in one and absent in the other counts against the sentence, both ways")
    void should_reject_a_flipped_negation() {
        assertThat(verify("Trump did not sign the phase-one agreement", SIGNED).reason())
                .isEqualTo("the cited source says otherwise (a negation differs)");
        assertThat(verify("Trump signed the phase-one agreement with China", NOT_SIGNED)
                        .reason())
                .isEqualTo("the cited source says otherwise (a negation differs)");
        assertThat(verify("Trump has not signed the phase-one deal with China", NOT_SIGNED))
                .isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    @DisplayName("a sentence no sentence of the passage is close to is unsupported, even with nothing to compare")
    void should_reject_what_the_passage_does_not_say() {
        Verdict v = verify("Protesters clashed with police over the weekend", SIGNED);

        assertThat(v.supported()).isFalse();
        assertThat(v.reason()).startsWith("no sentence of the cited source says this (closest ");
    }

    @Test
    @DisplayName("the passage's header counts: the article's date and title are what the model saw")
    void should_accept_facts_from_the_header() {
        assertThat(verify("On 2019-11-26, Liu He spoke by phone with Robert Lighthizer", CALL))
                .isEqualTo(Verdict.SUPPORTED);
    }
}
