package tradetalk.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.cli.Cli;
import tradetalk.measure.eval.EvalQuery;

class EvalAndBenchCommandTest {

    private static final Path SEEDS = Path.of("..", "data", "articles");

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path resource(String name) throws Exception {
        return Path.of(EvalAndBenchCommandTest.class.getResource(name).toURI());
    }

    @Test
    void given_the_benchmarks_sample_output_when_scored_only_then_it_prints_the_official_figures() throws Exception {
        Run r = cli(
                "eval",
                "--score-only",
                resource("/eval/multihop-rag-sample-output.json").toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(String.format("Hits@10 0.7500%nHits@4 0.6250%nMAP@10 0.2746%nMRR@10 0.5491%n"));
    }

    @Test
    void given_the_seeds_and_seeds_dev_when_evaluated_with_compare_then_the_json_report_has_every_system()
            throws Exception {
        Path perQuestion = tmp.resolve("per-question.jsonl");
        Run r = cli(
                "eval",
                "--corpus",
                SEEDS.toString(),
                "--queries",
                resource("/eval/seeds-dev.jsonl").toString(),
                "--compare",
                "--warmup",
                "1",
                "--json",
                "--per-question",
                perQuestion.toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/index/articles").asInt()).isEqualTo(3);
        assertThat(j.at("/queries").asInt()).isEqualTo(8);
        assertThat(j.at("/null_queries").asInt()).isEqualTo(1);
        assertThat(j.at("/k").asInt()).isEqualTo(10);
        assertThat(j.get("retrieval").fieldNames()).toIterable().containsExactly("tradetalk", "bm25", "dense_exact");
        for (String system : new String[] {"tradetalk", "bm25", "dense_exact"}) {
            JsonNode s = j.get("retrieval").get(system);
            assertThat(s.at("/article/queries").asInt()).isEqualTo(7);
            // every seed question names its source file(s) and there are only 3 articles: all in the top 10
            assertThat(s.at("/article/hits@10").asDouble()).isEqualTo(1.0);
            assertThat(s.at("/article/mrr@10").asDouble()).isBetween(0.3334, 1.0);
            assertThat(s.at("/multihop/queries").asInt()).isZero();
            assertThat(s.at("/retrieval_ms/count").asInt()).isEqualTo(8);
            assertThat(s.at("/by_question_type/unspecified/queries").asInt()).isEqualTo(7);
        }
        assertThat(j.at("/retrieval/dense_exact/mode").asText()).isEqualTo("dense_exact");
        assertThat(j.at("/answers/answered").asInt()).isEqualTo(8);
        assertThat(j.at("/answers/null_queries").asInt()).isEqualTo(1);
        assertThat(j.at("/answers/checked").asInt()).isEqualTo(7);
        assertThat(j.at("/answers/with_sources").asInt()).isEqualTo(7);
        for (String field :
                new String[] {"abstention_rate_null", "false_abstention_rate", "contains_gold", "cites_source"}) {
            assertThat(j.at("/answers/" + field).isNumber())
                    .as("answers.%s is present", field)
                    .isTrue();
        }
        // the seed set's one null question is refused and its seven answerable ones are answered from their source
        assertThat(j.at("/answers/abstention_rate_null").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/answers/false_abstention_rate").asDouble()).isEqualTo(0.0);
        assertThat(j.at("/answers/contains_gold").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/answers/cites_source").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/answers/with_evidence").asInt()).isEqualTo(7);
        assertThat(j.at("/answers/cites_evidence").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/answers/by_question_type/null_query/abstention_rate_null")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(j.at("/answers/by_question_type/unspecified/answerable").asInt())
                .isEqualTo(7);
        List<String> lines = Files.readAllLines(perQuestion);
        assertThat(lines).hasSize(8);
        JsonNode first = new ObjectMapper().readTree(lines.getFirst());
        assertThat(first.get("question").asText())
                .isEqualTo("Who did Liu He speak with on the phone about the phase one deal?");
        assertThat(first.get("gold")).hasSize(2);
        assertThat(first.get("evidence_ranks")).hasSize(3);
        assertThat(first.get("abstained").asBoolean()).isFalse();
        assertThat(first.get("cited")).isNotEmpty();
        assertThat(first.get("signals").has("missing_specific")).isTrue();
        assertThat(first.get("retrieved")).isNotEmpty();
        assertThat(first.at("/retrieved/0/text").asText()).isNotBlank();
        assertThat(first.at("/retrieved/0/dense").asDouble()).isPositive();
        assertThat(j.at("/answers/total_ms/p99").asDouble()).isPositive();
    }

    @Test
    void given_undated_questions_when_halved_then_only_the_questions_at_even_or_odd_positions_are_kept() {
        List<EvalQuery> qs = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> new EvalQuery("q" + i, "", List.of(), null, List.of(), false, null))
                .toList();

        assertThat(EvalCommand.half(qs, "tune")).extracting(EvalQuery::query).containsExactly("q0", "q2", "q4");
        assertThat(EvalCommand.half(qs, "check")).extracting(EvalQuery::query).containsExactly("q1", "q3");
    }

    @Test
    void given_dated_questions_when_halved_then_each_week_goes_whole_to_one_side_and_weeks_alternate() {
        // 2025-01-06 is a Monday: two questions of that week, two of the next (one on its Sunday), one a week later
        List<EvalQuery> qs = java.util.stream.Stream.of(
                        "2025-01-06", "2025-01-10", "2025-01-13", "2025-01-19", "2025-01-20")
                .map(d -> new EvalQuery("q" + d, "", List.of(), null, List.of(), false, java.time.LocalDate.parse(d)))
                .toList();

        List<String> tune =
                EvalCommand.half(qs, "tune").stream().map(EvalQuery::query).toList();
        List<String> check =
                EvalCommand.half(qs, "check").stream().map(EvalQuery::query).toList();

        assertThat(tune).hasSize(3).doesNotContainAnyElementsOf(check);
        assertThat(tune.size() + check.size()).isEqualTo(5);
        assertThat(tune.contains("q2025-01-06")).isEqualTo(tune.contains("q2025-01-10"));
        assertThat(tune.contains("q2025-01-13")).isEqualTo(tune.contains("q2025-01-19"));
        assertThat(tune.contains("q2025-01-06")).isNotEqualTo(tune.contains("q2025-01-13"));
        assertThat(tune.contains("q2025-01-20")).isEqualTo(tune.contains("q2025-01-06"));
    }

    @Test
    void given_a_week_then_it_is_counted_from_the_week_of_1970_starting_on_monday() {
        assertThat(EvalCommand.week(java.time.LocalDate.parse("1970-01-04"))).isEqualTo(-1); // a Sunday
        assertThat(EvalCommand.week(java.time.LocalDate.parse("1970-01-05"))).isZero(); // the next Monday
        assertThat(EvalCommand.week(java.time.LocalDate.parse("1970-01-11"))).isZero();
        assertThat(EvalCommand.week(java.time.LocalDate.parse("1970-01-12"))).isEqualTo(1);
    }

    @Test
    void given_a_half_when_evaluated_then_the_report_counts_and_names_it() throws Exception {
        Run r = cli(
                "eval",
                "--corpus",
                SEEDS.toString(),
                "--queries",
                resource("/eval/seeds-dev.jsonl").toString(),
                "--half",
                "check",
                "--no-answers",
                "--warmup",
                "0",
                "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/queries").asInt()).isEqualTo(4);
        assertThat(j.at("/half").asText()).isEqualTo("check");
    }

    /** The seed articles as a JSON corpus with a URL each (the status labels name articles by URL). */
    private Path seedsWithUrls() throws Exception {
        List<Map<String, String>> records = new java.util.ArrayList<>();
        try (var files = Files.list(SEEDS)) {
            for (Path f : files.sorted().toList()) {
                String raw = Files.readString(f).strip();
                String date = raw.substring("date ".length(), "date ".length() + 10);
                records.add(Map.of(
                        "title",
                        f.getFileName().toString(),
                        "published_at",
                        date,
                        "url",
                        "https://seeds.example/" + date,
                        "source",
                        "Seed",
                        "body",
                        raw.substring("date ".length() + 10).strip()));
            }
        }
        Path corpus = tmp.resolve("seeds.json");
        new ObjectMapper().writeValue(corpus.toFile(), records);
        return corpus;
    }

    @Test
    void given_labelled_topics_when_status_is_evaluated_then_each_half_is_scored_and_an_absent_topic_is_empty()
            throws Exception {
        Path topics = tmp.resolve("topics.jsonl");
        Files.writeString(
                topics,
                "{\"topic\": \"US China trade talks\", \"half\": \"tune\", \"kind\": \"trade\", \"about\": ["
                        + "\"https://seeds.example/2019-10-25\", \"https://seeds.example/2019-11-18\","
                        + " \"https://seeds.example/2019-11-26\"], \"related\": []}\n"
                        + "{\"topic\": \"US China trade talks\", \"half\": \"check\", \"kind\": \"mislabelled\","
                        + " \"about\": [\"https://seeds.example/2019-10-25\"], \"related\": []}\n"
                        + "{\"topic\": \"Brexit negotiations\", \"half\": \"check\", \"kind\": \"absent\"}\n");

        Run r = cli("eval", "--corpus", seedsWithUrls().toString(), "--status", topics.toString(), "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/tune/topics").asInt()).isEqualTo(1);
        assertThat(j.at("/tune/timeline_lines").asInt()).isEqualTo(3);
        assertThat(j.at("/tune/timeline_precision").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/tune/headline_on_topic").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/tune/newest_first").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/tune/summary_on_topic").asDouble()).isEqualTo(1.0);
        // labelled with the oldest article alone: the other lines and the headline are off topic
        assertThat(j.at("/check/timeline_precision").asDouble()).isEqualTo(1.0 / 3);
        assertThat(j.at("/check/headline_on_topic").asDouble()).isZero();
        assertThat(j.at("/check/newest_first").asDouble()).isZero();
        assertThat(j.at("/check/absent_topics").asInt()).isEqualTo(1);
        assertThat(j.at("/check/absent_empty").asInt()).isEqualTo(1);
        assertThat(j.at("/check/absent_summary_empty").asInt()).isEqualTo(1);
        assertThat(j.at("/topics/0/reaches_back").asText()).isEqualTo("2019-09-27");
        assertThat(j.at("/topics/2/empty").asBoolean()).isTrue();
    }

    @Test
    void given_a_malformed_topics_file_when_status_is_evaluated_then_one_line_names_the_file_and_line()
            throws Exception {
        Path topics = tmp.resolve("topics.jsonl");
        Files.writeString(topics, "{\"topic\": \"A\", \"half\": \"dev\"}\n");

        Run r = cli("eval", "--corpus", SEEDS.toString(), "--status", topics.toString());

        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err())
                .contains(topics + ": line 1: needs a topic and half tune or check")
                .doesNotContain("Exception");
    }

    @Test
    void given_an_unknown_half_when_evaluated_then_one_line_names_the_choices() throws Exception {
        Run r = cli(
                "eval",
                "--corpus",
                SEEDS.toString(),
                "--queries",
                resource("/eval/seeds-dev.jsonl").toString(),
                "--half",
                "odd");

        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err())
                .contains("tradetalk: --half must be tune or check, got 'odd'")
                .doesNotContain("Exception");
    }

    @Test
    void given_no_corpus_and_no_index_when_evaluated_then_a_clear_message_and_no_stack_trace() throws Exception {
        Run r = cli("eval", "--queries", resource("/eval/seeds-dev.jsonl").toString());

        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err())
                .contains("give --corpus FILE|DIR to ingest, or --index DIR to reuse an index")
                .doesNotContain("Exception");
    }

    @Test
    void given_a_tiny_synthetic_corpus_with_random_vectors_when_benched_then_the_report_has_every_field() {
        Run r = cli(
                "bench",
                "--articles",
                "30",
                "--vectors",
                "random",
                "--questions",
                "20",
                "--warmup",
                "2",
                "--threads",
                "2,8",
                "--no-cold-start",
                "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j;
        try {
            j = new ObjectMapper().readTree(r.out());
        } catch (Exception e) {
            throw new AssertionError(r.out(), e);
        }
        assertThat(j.at("/articles").asInt()).isEqualTo(30);
        assertThat(j.at("/passages").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(j.at("/words_per_article").asInt()).isBetween(120, 2500);
        assertThat(j.at("/vectors").asText()).isEqualTo("random-384");
        assertThat(j.at("/seed").asLong()).isEqualTo(42);
        assertThat(j.at("/ingest/articles_per_s").asDouble()).isPositive();
        assertThat(j.at("/ingest/passages_per_s").asDouble()).isPositive();
        assertThat(j.at("/index_bytes").asLong()).isPositive();
        assertThat(j.at("/memory/heap_used_mb").asDouble()).isPositive();
        assertThat(j.at("/memory/rss_mb").asDouble()).isPositive();
        assertThat(j.at("/retrieval_ms/count").asInt()).isEqualTo(20);
        assertThat(j.at("/ask_ms/count").asInt()).isEqualTo(20);
        // each synthetic question is a run of words from one article: BM25 alone finds it among 30
        assertThat(j.at("/source_article_in_top_k").isNumber()).isTrue();
        assertThat(j.at("/source_article_in_top_k").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/throughput_qps/threads_2").asDouble()).isPositive();
        assertThat(j.at("/throughput_qps/threads_8").asDouble()).isPositive();
        assertThat(j.at("/machine/cpus").asInt()).isPositive();
        assertThat(j.at("/cold_start/ran").asBoolean()).isFalse();
        assertThat(j.at("/cold_start/reason").asText()).isEqualTo("--no-cold-start");
    }

    @Test
    void given_labelled_model_answers_when_the_support_check_is_evaluated_then_precision_and_recall_are_counted(
            @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path set = tmp.resolve("support.jsonl");
        java.nio.file.Files.writeString(
                set,
                String.join(
                        "\n",
                        "{\"id\":\"a\",\"kind\":\"supported\",\"supported\":true,\"article\":\"001_094b3742853613a8.txt\","
                                + "\"anchor\":\"deputy level\",\"reply\":\"USTR said discussions will go on continuously at "
                                + "the deputy level [1].\"}",
                        "{\"id\":\"b\",\"kind\":\"number\",\"supported\":false,\"article\":\"001_094b3742853613a8.txt\","
                                + "\"anchor\":\"resume purchases\",\"reply\":\"China agreed to buy $50 billion of U.S. "
                                + "agricultural products [1].\"}",
                        "{\"id\":\"c\",\"kind\":\"negation\",\"supported\":false,\"article\":\"001_094b3742853613a8.txt\","
                                + "\"anchor\":\"deputy level\",\"reply\":\"USTR said discussions will not continue at the "
                                + "deputy level [1].\"}"));

        Run r = cli("eval", "--support", set.toString(), "--corpus", SEEDS.toString(), "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/all/items").asInt()).isEqualTo(3);
        assertThat(j.at("/all/unsupported").asInt()).isEqualTo(2);
        assertThat(j.at("/all/flagged").asInt()).isEqualTo(2);
        assertThat(j.at("/all/precision").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/all/recall").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/tune/items").asInt()).isEqualTo(2);
        assertThat(j.at("/check/items").asInt()).isEqualTo(1);
        assertThat(j.at("/outcomes/1/reason").asText()).isEqualTo("50 billion is not in the cited source");
        assertThat(j.at("/by_kind/negation/flagged").asInt()).isEqualTo(1);
    }

    @Test
    void given_the_seeds_as_a_corpus_when_benched_with_model_rate_then_ingest_is_set_against_the_model_on_its_texts()
            throws Exception {
        Run r = cli(
                "bench",
                "--corpus",
                SEEDS.toString(),
                "--queries",
                resource("/eval/seeds-dev.jsonl").toString(),
                "--model-rate",
                "--questions",
                "5",
                "--warmup",
                "3",
                "--no-cold-start",
                "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/articles").asInt()).isEqualTo(3);
        assertThat(j.at("/ingest/snippets_per_s").asDouble()).isPositive();
        assertThat(j.at("/model_rate/batch").asInt()).isEqualTo(64);
        // the yardstick embeds what ingest embedded before the articles were searchable: each indexed passage; the
        // sentence vectors (on by default) come after, timed apart
        assertThat(j.at("/model_rate/texts").asInt())
                .isEqualTo(j.at("/ingest/texts").asInt())
                .isEqualTo(j.at("/passages").asInt());
        assertThat(j.at("/ingest/sentence_vectors_after_ms").asLong()).isNotNegative();
        assertThat(j.at("/model_rate/runs_passages_per_s")).hasSize(2);
        assertThat(j.at("/model_rate/ingest_ratio").asDouble()).isPositive();
        // the same in CPU time, with what the process spent on the ingest and on each yardstick run
        assertThat(j.at("/model_rate/ingest_cpu_ratio").asDouble()).isPositive();
        assertThat(j.at("/model_rate/runs_process")).hasSize(2);
        assertThat(j.at("/model_rate/runs_process/0/cpu_ms").asDouble()).isPositive();
        assertThat(j.at("/ingest/process/cpu_ms").asDouble()).isPositive();
        assertThat(j.at("/ingest/process/thread_cpu_ms/main").asDouble()).isPositive();
        assertThat(j.at("/ingest/index_ms").asLong())
                .isBetween(0L, j.at("/ingest/ms").asLong());
        assertThat(j.at("/load/load_average_at_start").isNumber()).isTrue();
        assertThat(j.at("/machine/cpus").asInt()).isPositive(); // the command's own field, kept
        assertThat(j.at("/ask/questions").asInt()).isEqualTo(5);
        assertThat(j.at("/ask/warmup").asInt()).isEqualTo(3);
        for (String part : new String[] {"retrieval_ms", "compose_ms", "total_ms"}) {
            assertThat(j.at("/ask/" + part + "/count").asInt()).as(part).isEqualTo(5);
        }
        // each answer embeds its question once (retrieval's vector serves the composer too)
        assertThat(j.at("/ask/query_embeddings_per_answer").asDouble()).isEqualTo(1.0);
        // the candidate sentences' vectors were stored at ingest: none is embedded at answer time
        assertThat(j.at("/ask/sentences_embedded_per_answer").asDouble()).isZero();
        assertThat(j.at("/ask/sentence_embedding_ms/count").asInt()).isEqualTo(5);
        for (String part : new String[] {"query_embedding_ms", "bm25_ms", "dense_ms", "hybrid_ms"}) {
            assertThat(j.at("/retrieval_parts/" + part + "/count").asInt())
                    .as(part)
                    .isEqualTo(5);
        }
    }

    @Test
    void given_model_rate_without_a_corpus_when_benched_then_a_clear_message() {
        Run r = cli("bench", "--model-rate", "--no-cold-start");

        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err())
                .contains("--queries and --model-rate go with --corpus FILE|DIR")
                .doesNotContain("Exception");
    }
}
