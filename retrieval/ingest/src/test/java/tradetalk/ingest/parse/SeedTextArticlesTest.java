package tradetalk.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ArticleIds;
import tradetalk.retrieval.ReadResult;

class SeedTextArticlesTest {

    @TempDir
    Path dir;

    static Path seed(String name) throws URISyntaxException {
        return Path.of(SeedTextArticlesTest.class.getResource("/seeds/" + name).toURI());
    }

    private static Article readOne(Path file) {
        ReadResult result = new ArticleReader().read(List.of(file));
        assertThat(result.rejected()).isEmpty();
        assertThat(result.articles()).hasSize(1);
        return result.articles().get(0);
    }

    @Test
    void should_read_seed_000_with_date_outlet_and_derived_title() throws Exception {
        // given
        Path file = seed("000_75e7d6d2605e1b51.txt");

        // when
        Article a = readOne(file);

        // then
        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 11, 18));
        assertThat(a.meta().source()).isEqualTo("Bloomberg");
        assertThat(a.meta().title())
                .isEqualTo(
                        "American and Chinese trade negotiators held \"constructive discussions\" in a phone call to address…");
        assertThat(a.meta().id()).isEqualTo(ArticleIds.forFile(file)).startsWith("f");
        assertThat(a.meta().path()).isEqualTo(file.normalize().toString());
        assertThat(a.meta().url()).isEmpty();
        assertThat(a.meta().author()).isEmpty();
        assertThat(a.body())
                .startsWith("WASHINGTON • American and Chinese trade negotiators held")
                .endsWith("released statements describing the call as \"constructive\".")
                .doesNotContain("BLOOMBERG")
                .doesNotContain("date 2019-11-18");
        assertThat(a.body().split("\n\n")).hasSize(12);
    }

    @Test
    void should_read_seed_001_without_outlet_line_as_unknown_source() throws Exception {
        Article a = readOne(seed("001_094b3742853613a8.txt"));

        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 10, 25));
        assertThat(a.meta().source()).isEmpty();
        assertThat(a.meta().title())
                .isEqualTo(
                        "The U.S. and China are close to finalizing sections of the first phase of a trade deal that…");
        assertThat(a.body()).startsWith("The U.S. and China are close").endsWith("watered down in any way.”");
    }

    @Test
    void should_read_seed_002() throws Exception {
        Article a = readOne(seed("002_a3e20f71e49fec1f.txt"));

        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 11, 26));
        assertThat(a.meta().source()).isEmpty();
        assertThat(a.meta().title())
                .isEqualTo(
                        "The U.S. and China are in the \"final throes\" of finalizing a phase one trade deal, President Trump…");
        assertThat(a.body()).endsWith("that would be great.\"").doesNotContain("\n\n\n");
    }

    @Test
    void should_accept_the_header_without_leading_space_and_keep_acronym_outlets() throws Exception {
        // given
        Path file = dir.resolve("short.txt");
        Files.writeString(
                file,
                "date 2019-12-13 BEIJING (Reuters) - China and the U.S. agreed a deal.\n\n"
                        + "Markets rallied.\n\nAP\n");

        // when
        Article a = readOne(file);

        // then
        assertThat(a.meta().publishedAt()).isEqualTo(LocalDate.of(2019, 12, 13));
        assertThat(a.meta().source()).isEqualTo("AP");
        assertThat(a.meta().title()).isEqualTo("China and the U.S. agreed a deal");
        assertThat(a.body()).isEqualTo("BEIJING (Reuters) - China and the U.S. agreed a deal.\n\nMarkets rallied.");
    }

    @Test
    void should_read_text_without_header_as_undated() throws Exception {
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "Tariffs were delayed again. Officials said talks continue.\n");

        Article a = SeedTextArticles.parse(Files.readString(file), file);

        assertThat(a.meta().publishedAt()).isNull();
        assertThat(a.meta().title()).isEqualTo("Tariffs were delayed again");
    }

    @Test
    void should_not_take_a_final_sentence_in_capitals_for_an_outlet() throws Exception {
        Path file = dir.resolve("shout.txt");

        Article a = SeedTextArticles.parse(" date 2019-11-01 Talks went on.\n\nTHIS IS NOT A BYLINE AT ALL.\n", file);

        assertThat(a.meta().source()).isEmpty();
        assertThat(a.body()).endsWith("THIS IS NOT A BYLINE AT ALL.");
    }

    @Test
    void should_refuse_impossible_header_date() {
        assertThatThrownBy(() -> SeedTextArticles.parse(" date 2019-13-01 Text.", dir.resolve("x.txt")))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessage("impossible date '2019-13-01'");
    }

    @Test
    void should_refuse_a_header_with_no_text() {
        assertThatThrownBy(() -> SeedTextArticles.parse(" date 2019-11-01 \n\n", dir.resolve("x.txt")))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessage("no article text after the date line");
    }
}
