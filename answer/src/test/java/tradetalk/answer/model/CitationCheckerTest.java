package tradetalk.answer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tradetalk.answer.CheckedSentence;
import tradetalk.answer.Citation;
import tradetalk.answer.support.SentenceVerifier;
import tradetalk.answer.support.UnsupportedPolicy;
import tradetalk.answer.support.Verdict;
import tradetalk.retrieval.Passage;
import tradetalk.retrieval.SearchHit;

class CitationCheckerTest {

    final List<Passage> sources =
            Evidence.tradeTalks().stream().map(SearchHit::passage).toList();

    CitationChecker.Result check(String reply) {
        return CitationChecker.check(reply, sources);
    }

    @Test
    @DisplayName("[2,3], [1-2], [Source 3] and [1][3] are understood and rewritten as [a][b]")
    void should_parse_marker_forms() {
        CitationChecker.Result r = check("Tariffs were suspended [2, 3]. Talks went on [1-2]. "
                + "The deal was signed [Source 3]. Both happened [1][3].");

        assertThat(r.text())
                .isEqualTo("Tariffs were suspended [1][2]. Talks went on [3][1]. "
                        + "The deal was signed [2]. Both happened [3][2].");
        assertThat(r.citations())
                .extracting(Citation::n, Citation::passageIds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, List.of("bloomberg-2#0")),
                        org.assertj.core.groups.Tuple.tuple(2, List.of("ap-3#0")),
                        org.assertj.core.groups.Tuple.tuple(3, List.of("reuters-1#0")));
        assertThat(r.abstained()).isFalse();
    }

    @Test
    @DisplayName("out-of-range numbers are removed; a sentence left without a marker is dropped")
    void should_drop_out_of_range_and_uncited() {
        CitationChecker.Result r =
                check("A phone call took place [1][7]. Nobody knows why. It failed [0]. " + "Tariffs paused [4,2].");

        assertThat(r.text()).isEqualTo("A phone call took place [1]. Tariffs paused [2].");
        assertThat(r.droppedSentences()).isEqualTo(2);
        assertThat(r.droppedMarkers()).isEqualTo(3);
        assertThat(r.citations())
                .extracting(Citation::passageIds)
                .containsExactly(List.of("reuters-1#0"), List.of("bloomberg-2#0"));
    }

    @Test
    @DisplayName("a marker after the full stop belongs to the sentence before it")
    void should_attach_markers_after_full_stop() {
        CitationChecker.Result r = check("Liu He called Lighthizer. [1] China pledged purchases.[2]");

        assertThat(r.text()).isEqualTo("Liu He called Lighthizer [1]. China pledged purchases [2].");
    }

    @Test
    @DisplayName("the abstain phrase, a 'sources do not say' reply, or nothing cited all abstain")
    void should_abstain() {
        assertThat(check("NOT_IN_SOURCES").abstained()).isTrue();
        assertThat(check("`NOT_IN_SOURCES.`").abstained()).isTrue();
        assertThat(check("The provided sources do not mention the 2024 talks [1].")
                        .abstained())
                .isTrue();
        assertThat(check("I think the talks went well.").abstained()).isTrue();
        assertThat(check("   ").abstained()).isTrue();
        CitationChecker.Result r = check("Talks resumed [5].");
        assertThat(r.abstained()).isTrue();
        assertThat(r.citations()).isEmpty();
        assertThat(r.text()).isEmpty();
    }

    @Test
    @DisplayName("lines are kept, so a status timeline survives line by line")
    void should_keep_lines() {
        CitationChecker.Result r = check("""
                A phase-one deal was signed [3].

                2019-11-26: Negotiators held a call [1].
                2019-12-13: A deal was reached [2].
                2020-01-01: Something uncited.
                2020-01-15: The deal was signed [3].""");

        assertThat(r.text()).isEqualTo("""
                A phase-one deal was signed [1].

                2019-11-26: Negotiators held a call [2].
                2019-12-13: A deal was reached [3].
                2020-01-15: The deal was signed [1].""");
    }

    @Test
    @DisplayName("mentions in the reply are left as written: defusing belongs to the Discord edge")
    void should_leave_mentions_to_the_discord_edge() {
        CitationChecker.Result r = check("@everyone the deal is signed [3]. Ask <@!42> or @here [1].");

        assertThat(r.text()).isEqualTo("@everyone the deal is signed [1]. Ask <@!42> or @here [2].");
    }

    /** Rejects any sentence that says "signed" and cites the Reuters passage (source 1). */
    final SentenceVerifier noSigningInReuters = (sentence, cited) ->
            sentence.contains("signed") && cited.getFirst().id().equals("reuters-1#0")
                    ? Verdict.unsupported("not in it")
                    : Verdict.SUPPORTED;

    @Test
    @DisplayName("drop: an unsupported sentence is removed and its source, cited by nothing else, is not listed")
    void should_drop_unsupported_sentences() {
        CitationChecker.Result r = CitationChecker.check(
                "Trump signed the deal [1]. China pledged purchases [2].",
                sources,
                noSigningInReuters,
                UnsupportedPolicy.DROP);

        assertThat(r.text()).isEqualTo("China pledged purchases [1].");
        assertThat(r.citations()).extracting(Citation::passageIds).containsExactly(List.of("bloomberg-2#0"));
        assertThat(r.sentences())
                .containsExactly(
                        new CheckedSentence("Trump signed the deal.", List.of(), false, "not in it", false),
                        new CheckedSentence("China pledged purchases [1].", List.of(1), true, null, true));
        assertThat(r.unsupported()).isEqualTo(1);
    }

    @Test
    @DisplayName("mark: an unsupported sentence stays in the text, cited, and is reported unsupported")
    void should_keep_and_report_unsupported_sentences_when_marking() {
        CitationChecker.Result r = CitationChecker.check(
                "Trump signed the deal [1]. China pledged purchases [2].",
                sources,
                noSigningInReuters,
                UnsupportedPolicy.MARK);

        assertThat(r.text()).isEqualTo("Trump signed the deal [1]. China pledged purchases [2].");
        assertThat(r.sentences())
                .extracting(CheckedSentence::supported, CheckedSentence::kept)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(false, true),
                        org.assertj.core.groups.Tuple.tuple(true, true));
        assertThat(CheckedSentence.marked(r.text(), r.sentences(), x -> "_" + x + "_"))
                .isEqualTo("_Trump signed the deal [1]._ China pledged purchases [2].");
    }

    @Test
    @DisplayName("when no supported sentence is left the reply abstains, in both modes, and still reports why")
    void should_abstain_when_nothing_supported_is_left() {
        for (UnsupportedPolicy policy : UnsupportedPolicy.values()) {
            CitationChecker.Result r =
                    CitationChecker.check("Trump signed the deal [1].", sources, noSigningInReuters, policy);

            assertThat(r.abstained()).as(policy.name()).isTrue();
            assertThat(r.citations()).isEmpty();
            assertThat(r.sentences())
                    .singleElement()
                    .extracting(CheckedSentence::reason)
                    .isEqualTo("not in it");
        }
    }

    @Test
    @DisplayName("an uncited sentence is reported with its reason; the verifier sees sentences without markers")
    void should_report_uncited_sentences_and_pass_clean_text() {
        List<String> seen = new java.util.ArrayList<>();
        CitationChecker.Result r = CitationChecker.check(
                "Nobody knows why. Talks resumed [1][1].",
                sources,
                (sentence, cited) -> {
                    seen.add(sentence + " " + cited.size());
                    return Verdict.SUPPORTED;
                },
                UnsupportedPolicy.DROP);

        assertThat(seen).containsExactly("Talks resumed. 1");
        assertThat(r.sentences().getFirst())
                .isEqualTo(new CheckedSentence("Nobody knows why.", List.of(), false, CitationChecker.UNCITED, false));
        assertThat(r.unsupported()).isZero();
    }
}
