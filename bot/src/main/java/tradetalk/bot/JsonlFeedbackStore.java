package tradetalk.bot;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback store of one process (the default, with the Lucene backend): votes kept in {@code feedback.jsonl}: every vote is appended as one JSON line with the question, the answer and its sources, and
 * forced to disk before the vote counts. At start the file is read back; the last line of a user for an answer wins.
 * A torn last line (crash mid-write) is skipped with a warning, never fatal.
 */
public final class JsonlFeedbackStore implements FeedbackStore {

    private static final Logger log = LoggerFactory.getLogger(JsonlFeedbackStore.class);

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Path file;
    private final FileChannel channel;
    private final Map<String, Map<String, Vote>> votes = new HashMap<>();

    private JsonlFeedbackStore(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (creating the directory and file if needed) and loads the votes. */
    public static JsonlFeedbackStore open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE);
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            JsonlFeedbackStore store = new JsonlFeedbackStore(file, channel);
            store.load();
            store.endTornLine();
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open the feedback store in " + dir + " (discord.feedback-dir): " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        int lineNo = 0;
        int loaded = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    apply(json.readValue(line, Vote.class));
                    loaded++;
                } catch (IOException e) {
                    log.warn(
                            "Skipping unreadable line {} of {}: {}",
                            lineNo,
                            file,
                            e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
        log.info("Loaded {} feedback vote(s) from {}", loaded, file);
    }

    /** After a crash mid-line, starts the next vote on a new line so it is not glued to the torn one. */
    private void endTornLine() throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return;
        }
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, size - 1);
            if (last.get(0) != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(false);
            }
        }
    }

    private void apply(Vote v) {
        votes.computeIfAbsent(v.answerId(), k -> new HashMap<>()).put(v.userId(), v);
    }

    /**
     * Records a vote durably (appended and forced to disk), replacing the user's earlier vote on the answer.
     *
     * @return the answer's tally after the vote
     */
    @Override
    public synchronized Tally record(Vote vote) {
        try {
            byte[] line = (json.writeValueAsString(vote) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feedback to " + file + ": " + e.getMessage(), e);
        }
        apply(vote);
        return tally(vote.answerId());
    }

    /** The tally of an answer. */
    @Override
    public synchronized Tally tally(String answerId) {
        Map<String, Vote> byUser = votes.getOrDefault(answerId, Map.of());
        int up = (int) byUser.values().stream().filter(Vote::helpful).count();
        return new Tally(up, byUser.size() - up);
    }

    /** A user's current vote on an answer. */
    @Override
    public synchronized Optional<Vote> vote(String answerId, String userId) {
        return Optional.ofNullable(votes.getOrDefault(answerId, Map.of()).get(userId));
    }

    /** Any vote on the answer (to recover its question, text and sources after a restart). */
    @Override
    public synchronized Optional<Vote> anyVote(String answerId) {
        return votes.getOrDefault(answerId, Map.of()).values().stream().findFirst();
    }

    @Override
    public synchronized List<Vote> recentVotes(int limit) {
        return votes.values().stream()
                .flatMap(byUser -> byUser.values().stream())
                .sorted(Comparator.comparing(Vote::time).reversed())
                .limit(limit)
                .toList();
    }

    /** The file the votes are kept in. */
    public Path file() {
        return file;
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
