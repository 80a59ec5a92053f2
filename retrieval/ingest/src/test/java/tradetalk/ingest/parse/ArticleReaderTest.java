package tradetalk.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ReadResult;
import tradetalk.retrieval.Rejected;

class ArticleReaderTest {

    @TempDir
    Path dir;

    private final ArticleReader reader = new ArticleReader();

    private Path write(String relative, String content) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private Path write(String relative, byte[] content) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    private static String reasonFor(ReadResult result, Path file) {
        return result.rejected().stream()
                .filter(r -> r.source().equals(file.toString()))
                .map(Rejected::reason)
                .findFirst()
                .orElseThrow(() -> new AssertionError("not rejected: " + file + " in " + result));
    }

    @Test
    void should_walk_directories_recursively_in_sorted_order_skipping_hidden_and_unknown_files() throws Exception {
        // given
        write("b/second.md", "# Second\n\nMarkdown body.\n");
        write("a/first.txt", " date 2019-11-18 First body.\n");
        write("a/z/third.jsonl", "{\"title\": \"Third\", \"body\": \"JSONL body.\"}\n");
        write(
                "c.htm",
                "<html><head><meta property=\"og:title\" content=\"Fourth\"></head><body><article><p>"
                        + "word ".repeat(40) + "</p></article></body></html>");
        write("notes.pdf", "%PDF-1.4 not an article");
        write("README", "no extension");
        write(".git/objects/x.txt", " date 2019-01-01 Hidden in git.\n");
        write(".hidden.txt", " date 2019-01-01 Hidden file.\n");

        // when
        ReadResult result = reader.read(List.of(dir));

        // then
        assertThat(result.rejected()).isEmpty();
        assertThat(result.articles())
                .extracting(a -> Path.of(a.meta().path()), a -> a.meta().title())
                .containsExactly(
                        tuple(dir.resolve("a/first.txt"), "First body"),
                        tuple(dir.resolve("a/z/third.jsonl"), "Third"),
                        tuple(dir.resolve("b/second.md"), "Second"),
                        tuple(dir.resolve("c.htm"), "Fourth"));
    }

    @Test
    void should_reject_an_explicitly_named_file_of_unknown_type() throws Exception {
        Path pdf = write("notes.pdf", "%PDF-1.4");

        ReadResult result = reader.read(List.of(pdf));

        assertThat(result.articles()).isEmpty();
        assertThat(reasonFor(result, pdf))
                .isEqualTo(
                        "unsupported file type (expected one of .htm, .html, .json, .jsonl, .markdown, .md, .ndjson, .txt)");
    }

    @Test
    void should_reject_each_bad_input_with_its_reason_and_read_the_rest() throws Exception {
        // given
        Path good = write("good.txt", " date 2019-11-26 Good article.\n\nREUTERS\n");
        Path empty = write("empty.txt", "");
        Path blank = write("blank.md", " \n\n\t\n");
        Path binary = write("binary.txt", new byte[] {'d', 'a', 't', 'e', 0, 1, 2, 3});
        Path latin1 = write("latin1.txt", " date 2019-11-26 Caf\u00e9 talks.".getBytes(StandardCharsets.ISO_8859_1));
        Path brokenJson = write("broken.json", "[{\"body\": \"x\"");
        Path noText = write("notext.json", "{\"title\": \"Only a title\"}");
        Path impossible = write("impossible.txt", " date 2019-13-01 Body.\n");
        Path february = write("feb.md", "---\ndate: 2019-02-30\n---\nBody.\n");
        Path missing = dir.resolve("missing.txt");

        // when
        ReadResult result = reader.read(
                List.of(good, empty, blank, binary, latin1, brokenJson, noText, impossible, february, missing));

        // then
        assertThat(result.articles()).extracting(a -> a.meta().source()).containsExactly("Reuters");
        assertThat(result.rejected()).hasSize(9);
        assertThat(reasonFor(result, empty)).isEqualTo("empty file");
        assertThat(reasonFor(result, blank)).isEqualTo("empty file (only whitespace)");
        assertThat(reasonFor(result, binary)).isEqualTo("not UTF-8 text (NUL byte at offset 4, binary file?)");
        assertThat(reasonFor(result, latin1)).isEqualTo("not UTF-8 text (invalid byte sequence at offset 20)");
        assertThat(reasonFor(result, brokenJson)).startsWith("broken JSON at line 1, column ");
        assertThat(reasonFor(result, noText)).isEqualTo("record has no text (no 'body', 'text' or 'content')");
        assertThat(reasonFor(result, impossible)).isEqualTo("impossible date '2019-13-01'");
        assertThat(reasonFor(result, february)).isEqualTo("impossible date '2019-02-30'");
        assertThat(reasonFor(result, missing)).isEqualTo("no such file or directory");
    }

    @Test
    void given_fields_of_the_wrong_type_when_read_then_each_article_is_rejected_naming_the_field_and_the_rest_go_in()
            throws Exception {
        // given
        Path good = write("good.md", "---\ntitle: Good\ndate: 2019-11-26\n---\nGood article.\n");
        Path dateObject = write("date-object.md", "---\ndate: {a: 1}\n---\nBody.\n");
        Path dateList = write("date-list.md", "---\ndate: [2020-01-01, 2021-01-01]\n---\nBody.\n");
        Path alias = write("alias.md", "---\nsource: &d Reuters\ntitle: *d\n---\nBody.\n");
        Path records = write(
                "records.json",
                "[{\"title\": \"Fine\", \"body\": \"Fine.\"}, {\"title\": \"Number\", \"body\": 12345},"
                        + " {\"body\": \"x\", \"author\": [\"A\", {\"id\": 2}]}]");

        // when
        ReadResult result = reader.read(List.of(good, dateObject, dateList, alias, records));

        // then
        assertThat(result.articles()).extracting(a -> a.meta().title()).containsExactly("Good", "Fine");
        assertThat(reasonFor(result, dateObject)).isEqualTo("field 'date' must be text, found an object");
        assertThat(reasonFor(result, dateList)).isEqualTo("field 'date' must be text, found a list");
        assertThat(reasonFor(result, alias))
                .isEqualTo("field 'title' is a YAML alias (*d), which is not read: write the value itself");
        String json = records.normalize().toString();
        assertThat(result.rejected())
                .contains(
                        new Rejected(json + "#2", "field 'body' must be text, found a number"),
                        new Rejected(
                                json + "#3",
                                "field 'author' must be text, a list of text or an object with a \"name\", found"
                                        + " an object"));
    }

    @Test
    void should_reject_one_broken_jsonl_line_as_file_hash_line_and_read_the_others() throws Exception {
        // given
        Path file = write("feed/items.jsonl", """
                {"title": "A", "body": "Alpha.", "published_at": "2023-09-28T12:00:00+00:00"}
                {"title": "B", "body": "Beta."
                {"title": "C", "body": "Gamma.", "published_at": "2023-10-01"}
                """);

        // when
        ReadResult result = reader.read(List.of(dir.resolve("feed")));

        // then
        assertThat(result.articles())
                .extracting(a -> a.meta().title(), a -> a.meta().publishedAt())
                .containsExactly(tuple("A", LocalDate.of(2023, 9, 28)), tuple("C", LocalDate.of(2023, 10, 1)));
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(file + "#2");
            assertThat(r.reason()).startsWith("broken JSON at column ");
        });
    }

    @Test
    void should_give_the_same_ids_and_hashes_on_a_second_read() throws Exception {
        // given
        write("one.txt", " date 2019-11-18 Talks resumed.\n");
        write("two.json", "[{\"title\": \"T\", \"source\": \"AP\", \"date\": \"2019-11-19\", \"body\": \"B.\"}]");
        write("three.md", "---\nurl: https://e.com/3\n---\nThird.\n");

        // when
        List<Article> first = reader.read(List.of(dir)).articles();
        List<Article> second = new ArticleReader().read(List.of(dir)).articles();

        // then
        assertThat(first).hasSize(3);
        assertThat(second)
                .extracting(Article::id)
                .containsExactlyElementsOf(first.stream().map(Article::id).toList());
        assertThat(second)
                .extracting(Article::contentHash)
                .containsExactlyElementsOf(
                        first.stream().map(Article::contentHash).toList());
        assertThat(first).extracting(Article::id).doesNotHaveDuplicates();
    }

    @Test
    void should_read_a_file_named_twice_only_once() throws Exception {
        Path file = write("once.txt", " date 2019-11-18 Once.\n");

        ReadResult result = reader.read(List.of(file, dir, file));

        assertThat(result.articles()).hasSize(1);
    }

    @Test
    void should_read_the_three_seed_files_from_their_directory() throws Exception {
        Path seeds = SeedTextArticlesTest.seed("000_75e7d6d2605e1b51.txt").getParent();

        ReadResult result = reader.read(List.of(seeds));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.articles())
                .extracting(a -> a.meta().publishedAt(), a -> a.meta().source())
                .containsExactly(
                        tuple(LocalDate.of(2019, 11, 18), "Bloomberg"),
                        tuple(LocalDate.of(2019, 10, 25), ""),
                        tuple(LocalDate.of(2019, 11, 26), ""));
    }

    @Test
    void given_a_markdown_line_of_5000_quote_markers_when_its_directory_is_read_then_the_other_files_go_in()
            throws Exception {
        write("a.txt", " date 2019-11-18 First body.\n");
        Path deep = write("b.md", "# Deep quote\n\n" + ">".repeat(5_000) + " quoted words\n\nAfter the quote.\n");
        write("c.txt", " date 2019-11-19 Third body.\n");

        ReadResult result = reader.read(List.of(dir));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.articles())
                .extracting(a -> Path.of(a.meta().path()))
                .containsExactly(dir.resolve("a.txt"), deep, dir.resolve("c.txt"));
        assertThat(result.articles().get(1).body()).isEqualTo("quoted words\n\nAfter the quote.");
    }

    @Test
    void given_a_parser_that_overflows_the_stack_when_a_file_is_read_then_that_file_is_rejected_with_a_reason()
            throws Exception {
        Path file = write("x.md", "# Fine\n\nText.\n");

        ReadResult result = ArticleReader.readFile(file, (text, f) -> {
            throw new StackOverflowError();
        });

        assertThat(result.articles()).isEmpty();
        assertThat(result.rejected())
                .extracting(Rejected::source, Rejected::reason)
                .containsExactly(tuple(file.toString(), "its structure is nested too deeply to read"));
    }

    @Test
    void given_a_parser_failing_with_an_unexpected_error_when_a_file_is_read_then_it_is_rejected_naming_the_error()
            throws Exception {
        Path file = write("y.txt", " date 2019-11-18 Body.\n");

        ReadResult result = ArticleReader.readFile(file, (text, f) -> {
            throw new NoClassDefFoundError("some/Missing");
        });

        assertThat(result.rejected())
                .extracting(Rejected::reason)
                .containsExactly("unexpected error: java.lang.NoClassDefFoundError: some/Missing");
    }

    @Test
    void given_files_of_other_types_in_a_directory_when_read_then_each_is_listed_as_skipped_with_its_reason()
            throws Exception {
        write("a.txt", " date 2019-11-18 First body.\n");
        write("notes.pdf", "%PDF-1.4");
        write("memo.docx", "PK");
        write("blob.bin", new byte[] {1, 2, 3});
        write("article.TXT.bak", " date 2019-11-18 Backup.\n");
        write("UPPER.TXT", " date 2019-11-19 Upper case extension.\n");

        ReadResult result = reader.read(List.of(dir));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.articles())
                .extracting(a -> Path.of(a.meta().path()))
                .containsExactly(dir.resolve("UPPER.TXT"), dir.resolve("a.txt"));
        assertThat(result.skipped())
                .extracting(r -> Path.of(r.source()))
                .containsExactlyInAnyOrder(
                        dir.resolve("notes.pdf"),
                        dir.resolve("memo.docx"),
                        dir.resolve("blob.bin"),
                        dir.resolve("article.TXT.bak"));
        assertThat(result.skipped())
                .extracting(Rejected::reason)
                .allSatisfy(
                        reason -> assertThat(reason).startsWith("unsupported file type (expected one of .htm, .html"));
    }

    @Test
    void given_symbolic_links_to_articles_and_a_directory_loop_when_read_then_linked_files_go_in_once_and_it_ends()
            throws Exception {
        Path outside = Files.createTempDirectory("tradetalk-outside");
        try {
            Path target = outside.resolve("linked.txt");
            Files.writeString(target, " date 2019-11-20 Linked body.\n");
            Path articles = Files.createDirectories(dir.resolve("articles"));
            Files.writeString(articles.resolve("a.txt"), " date 2019-11-18 First body.\n");
            Files.createSymbolicLink(articles.resolve("b-link.txt"), target);
            Files.createSymbolicLink(articles.resolve("c-same.txt"), articles.resolve("a.txt"));
            Files.createSymbolicLink(articles.resolve("d-broken.txt"), outside.resolve("missing.txt"));
            Files.createSymbolicLink(articles.resolve("loop"), articles);

            ReadResult result = reader.read(List.of(articles));

            assertThat(result.rejected()).isEmpty();
            assertThat(result.articles())
                    .extracting(a -> Path.of(a.meta().path()))
                    .containsExactly(articles.resolve("a.txt"), articles.resolve("b-link.txt"));
            assertThat(result.skipped())
                    .extracting(r -> Path.of(r.source()), Rejected::reason)
                    .containsExactlyInAnyOrder(
                            tuple(
                                    articles.resolve("c-same.txt"),
                                    "same file as " + articles.resolve("a.txt") + " (read once)"),
                            tuple(articles.resolve("d-broken.txt"), "broken symbolic link"),
                            tuple(
                                    articles.resolve("loop"),
                                    "symbolic link loop (a directory that contains itself); not followed"));
        } finally {
            try (var files = Files.walk(outside)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void given_dates_far_ahead_or_before_1900_when_read_then_those_files_are_rejected_saying_why() throws Exception {
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2019-11-27T12:00:00Z"), java.time.ZoneOffset.UTC);
        ArticleReader fixed = new ArticleReader(clock, ArticleReader.DEFAULT_MAX_ARTICLE_BYTES);
        write("a-tomorrow.txt", " date 2019-11-28 Dated tomorrow, still fine.\n");
        Path future = write("b-future.md", "---\ndate: 9999-12-31\n---\nFrom the far future.\n");
        Path dayAfter = write("c-day-after.txt", " date 2019-11-29 Two days ahead.\n");
        Path yearZero = write(
                "d-year-zero.jsonl",
                "{\"published_at\": \"0000-01-01\", \"body\": \"Year zero.\"}\n"
                        + "{\"published_at\": \"1900-01-01\", \"body\": \"The first day allowed.\"}\n");

        ReadResult result = fixed.read(List.of(dir));

        assertThat(result.articles())
                .extracting(a -> a.meta().publishedAt())
                .containsExactly(LocalDate.of(2019, 11, 28), LocalDate.of(1900, 1, 1));
        assertThat(result.rejected())
                .extracting(Rejected::source, Rejected::reason)
                .containsExactly(
                        tuple(
                                future.toString(),
                                "implausible date 9999-12-31 (after 2019-11-28, more than a day ahead of " + "today)"),
                        tuple(
                                dayAfter.toString(),
                                "implausible date 2019-11-29 (after 2019-11-28, more than a day ahead of " + "today)"),
                        tuple(yearZero + "#1", "implausible date 0000-01-01 (before 1900-01-01)"));
    }

    @Test
    void given_an_article_over_the_size_limit_when_read_then_it_is_rejected_naming_the_key_and_others_go_in()
            throws Exception {
        ArticleReader small = new ArticleReader(java.time.Clock.systemUTC(), 2_000);
        write("a.txt", " date 2019-11-18 " + "Short article. ".repeat(100) + "\n");
        Path big = write("b.txt", " date 2019-11-18 " + "Long article. ".repeat(200) + "\n");

        ReadResult result = small.read(List.of(dir));

        assertThat(result.articles()).extracting(a -> Path.of(a.meta().path())).containsExactly(dir.resolve("a.txt"));
        assertThat(result.rejected())
                .extracting(Rejected::source, Rejected::reason)
                .containsExactly(tuple(
                        big.toString(),
                        "article text is larger than 2000 bytes (index.max-article-bytes); split it or raise "
                                + "the limit"));
    }

    @Test
    void given_escape_sequences_and_bells_in_every_field_of_every_format_when_read_then_no_control_character_is_kept()
            throws Exception {
        String esc = "\u001B[31m";
        write(
                "a.md",
                "---\ntitle: \"Red " + "\\e[31mtitle\\a\"\nsource: \"Out\\e]0;owned\\alet\"\nauthor: \"A\\bB\"\n"
                        + "category: \"Tr\\x9Bade\"\nurl: \"https://x.example/\\e[0ma\"\ndate: 2019-11-18\n---\nBody "
                        + esc
                        + "text\u0007 here.\n");
        write(
                "b.json",
                "{\"title\": \"J\\u001b[2Json\", \"source\": \"Wire\\u0007\", \"author\": \"Bo\\u0008b\", "
                        + "\"category\": \"C\\u0085at\", \"url\": \"https://y.example/\\u001b[1m\", \"body\": \"Text\\u001b[0m.\"}");
        write("c.txt", " date 2019-11-18 Seed " + esc + "body\u0007 text.\n\nBLOOM" + esc + "BERG\u0007\n");
        write(
                "d.html",
                "<html><head><title>H\u001B[5mtml\u0007</title><meta property=\"og:site_name\" content=\"Si"
                        + "\u001B]8;;http://evil\u0007te\u001B]8;;\u0007\"></head><body><article><p>"
                        + "word ".repeat(40)
                        + esc + "</p></article></body></html>");

        ReadResult result = reader.read(List.of(dir));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.articles()).hasSize(4);
        assertThat(result.articles()).allSatisfy(a -> {
            var m = a.meta();
            for (String field : List.of(m.title(), m.source(), m.author(), m.category(), m.url(), a.body())) {
                assertThat(field)
                        .doesNotContainPattern("[\\p{Cc}&&[^\\n]]")
                        .doesNotContain("[31m", "[2J", "[0m", "]0;", "]8;");
            }
        });
        assertThat(result.articles())
                .extracting(a -> a.meta().title(), a -> a.meta().source())
                .containsExactly(
                        tuple("Red title", "Outlet"),
                        tuple("Json", "Wire"),
                        tuple("Seed body text", "Bloomberg"),
                        tuple("Html", "Site"));
    }
}
