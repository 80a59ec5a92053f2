package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tradetalk.retrieval.embed.BgeSmallEmbedder;
import tradetalk.retrieval.embed.Embedder;

/** Declined questions grouped by meaning with the embedding model the product ships (bge-small-en-v1.5). */
class DeclinedGroupsTest {

    /** Wordings of one need each; the scripted Discord runs ask the same ones. */
    static final List<String> WORLD_CUP = List.of(
            "Who won the 2018 football World Cup?",
            "Which team won the World Cup in 2018?",
            "Who was the 2018 World Cup champion?",
            "Which country won the FIFA World Cup final in Moscow?",
            "Who won the World Cup final in 2018?",
            "who won the 2018 football world cup?");

    static final List<String> BITCOIN = List.of(
            "What is the price of bitcoin today?",
            "How much is one bitcoin worth right now?",
            "What is bitcoin trading at?",
            "Current bitcoin price?");

    static final List<String> STEEL = List.of(
            "What did the European Commission decide about steel quotas?",
            "Did the EU change its steel import quotas?",
            "What are the new European steel safeguard quotas?");

    static final String LASAGNA = "How do I make a vegetarian lasagna?";

    static Embedder embedder;

    @BeforeAll
    static void load() {
        embedder = new BgeSmallEmbedder();
    }

    /** The scripted declined questions, interleaved as members would ask them. */
    static List<String> declined() {
        List<String> all = new ArrayList<>();
        int n = Math.max(WORLD_CUP.size(), Math.max(BITCOIN.size(), STEEL.size()));
        for (int i = 0; i < n; i++) {
            if (i < BITCOIN.size()) {
                all.add(BITCOIN.get(i));
            }
            if (i < WORLD_CUP.size()) {
                all.add(WORLD_CUP.get(i));
            }
            if (i < STEEL.size()) {
                all.add(STEEL.get(i));
            }
            if (i == 1) {
                all.add(LASAGNA);
            }
        }
        return all;
    }

    @Test
    void questions_asking_for_the_same_thing_form_one_group_and_the_largest_comes_first() {
        List<DeclinedGroups.Group> groups = new DeclinedGroups(embedder, 0.7).group(declined());

        assertThat(groups).extracting(DeclinedGroups.Group::count).containsExactly(6, 4, 3, 1);
        assertThat(groups.get(0).question()).containsIgnoringCase("world cup");
        assertThat(groups.get(1).question()).containsIgnoringCase("bitcoin");
        assertThat(groups.get(2).question()).containsIgnoringCase("steel");
        assertThat(groups.get(3).question()).isEqualTo(LASAGNA);
        assertThat(groups.get(0).examples())
                .hasSize(DeclinedGroups.EXAMPLES)
                .allSatisfy(e -> assertThat(e).containsIgnoringCase("world cup"))
                .doesNotContain(groups.get(0).question());
    }

    @Test
    void the_same_wording_in_another_case_is_one_wording() {
        List<DeclinedGroups.Group> groups = new DeclinedGroups(embedder, 0.7).group(WORLD_CUP);

        assertThat(groups).hasSize(1);
        assertThat(groups.getFirst().count()).isEqualTo(6);
        assertThat(groups.getFirst().examples())
                .noneMatch(e -> e.equalsIgnoreCase(groups.getFirst().question()));
    }

    @Test
    void no_questions_no_groups() {
        assertThat(new DeclinedGroups(embedder, 0.7).group(List.of(" ", ""))).isEmpty();
    }
}
