package tradetalk.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.bot.ops.BotEvents;
import tradetalk.bot.ops.Question;
import tradetalk.retrieval.AtomicFiles;

/**
 * The log of questions members asked the Discord bot ({@code questions.jsonl} in {@code insights.dir}): one JSON line
 * per question with its time, command, outcome, latency and backend, and its text only with {@code
 * insights.keep-questions}. It never holds a member id. Entries older than {@code insights.retention} are removed at
 * open and then once a day; readers skip them too.
 */
public final class QuestionLog implements BotEvents, AutoCloseable {

    /** The log's file name in {@code insights.dir}. */
    public static final String FILE = "questions.jsonl";

    private static final Logger log = LoggerFactory.getLogger(QuestionLog.class);
    private static final Duration PRUNE_EVERY = Duration.ofDays(1);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * One logged question.
     *
     * @param at        when it was asked
     * @param command   "ask", "mention", "follow-up", "status", "summary"
     * @param outcome   "answered", "declined", "invalid", "failed"
     * @param latencyMs time to the answer sent
     * @param backend   the composer that answered, or null
     * @param question  the text, or null when {@code insights.keep-questions} is off
     */
    public record Entry(Instant at, String command, String outcome, long latencyMs, String backend, String question) {}

    private final Path file;
    private final InsightsConfig config;
    private final Clock clock;
    private FileChannel channel;
    private Instant lastPrune;

    private QuestionLog(Path file, InsightsConfig config, Clock clock) {
        this.file = file;
        this.config = config;
        this.clock = clock;
    }

    /** Opens (creating the directory if needed) and removes expired entries. */
    public static QuestionLog open(InsightsConfig config, Clock clock) {
        QuestionLog q = new QuestionLog(config.dirPath().resolve(FILE), config, clock);
        try {
            Files.createDirectories(config.dirPath());
            q.prune();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open the question log in " + config.dirPath() + " (insights.dir): " + e.getMessage(), e);
        }
        return q;
    }

    @Override
    public synchronized void question(Question q) {
        Entry e = new Entry(
                q.at(),
                q.command(),
                q.outcome().label(),
                q.latency().toMillis(),
                q.result() == null ? null : q.result().backend(),
                config.keepQuestions() ? q.text() : null);
        try {
            if (Duration.between(lastPrune, clock.instant()).compareTo(PRUNE_EVERY) >= 0) {
                prune();
            }
            ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException x) {
            log.warn("Cannot write to the question log {}: {}", file, x.getMessage());
        }
    }

    /** Rewrites the file without expired entries (atomically), then appends from there. */
    private void prune() throws IOException {
        if (channel != null) {
            channel.close();
        }
        List<Entry> kept = read(file, config.retention(), clock);
        if (Files.exists(file)) {
            List<String> lines = new ArrayList<>();
            for (Entry e : kept) {
                lines.add(JSON.writeValueAsString(e) + "\n");
            }
            AtomicFiles.replace(file, out -> {
                for (String line : lines) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                }
            });
        }
        channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        lastPrune = clock.instant();
    }

    /** The entries of {@code dir}'s log within the retention, oldest first; an unreadable line is skipped. */
    public static List<Entry> read(InsightsConfig config, Clock clock) {
        try {
            return read(config.dirPath().resolve(FILE), config.retention(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the question log " + config.dirPath().resolve(FILE) + " (insights.dir): "
                            + e.getMessage(),
                    e);
        }
    }

    private static List<Entry> read(Path file, Duration retention, Clock clock) throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        Instant oldest = clock.instant().minus(retention);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Entry e = JSON.readValue(line, Entry.class);
                    if (e.at() != null && !e.at().isBefore(oldest)) {
                        out.add(e);
                    }
                } catch (IOException bad) {
                    log.debug("Skipping an unreadable line of {}", file);
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Closing {} failed: {}", file, e.getMessage());
        }
    }
}
