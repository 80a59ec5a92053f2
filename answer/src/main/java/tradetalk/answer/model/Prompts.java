package tradetalk.answer.model;

import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Prompt templates by name ("system", "answer", "status", "summary"): {@code <name>.txt} from the operator's
 * directory ({@code prompts.dir}) when it has one, else from the classpath under {@code prompts/} (the repository's
 * {@code prompts/} directory). Rendered with LangChain4j's {@link PromptTemplate}, whose {@code {{variable}}}
 * substitution is a single pass, so text inside a value is never expanded again.
 */
public final class Prompts {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    private final Path dir;
    private final Map<String, PromptTemplate> cache = new ConcurrentHashMap<>();

    /** @param dir the operator's prompt directory, or null to use only the bundled prompts */
    public Prompts(Path dir) {
        this.dir = dir;
    }

    /** Only the prompts bundled on the classpath. */
    public static Prompts bundled() {
        return new Prompts(null);
    }

    /** The template text of {@code name}. */
    public String text(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a prompt name: " + name);
        }
        String file = name + ".txt";
        if (dir != null) {
            Path p = dir.resolve(file);
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read prompt " + p, e);
                }
            }
        }
        try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream("prompts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no prompt '" + name + "': neither "
                        + (dir == null ? "" : dir.resolve(file) + " nor ") + "classpath prompts/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt prompts/" + file, e);
        }
    }

    /** The template {@code name}, loaded once. */
    public PromptTemplate template(String name) {
        return cache.computeIfAbsent(name, n -> PromptTemplate.from(text(n)));
    }

    /** Renders template {@code name}; every {@code {{variable}}} in it must have a value. Trailing newlines trimmed. */
    public String render(String name, Map<String, Object> variables) {
        return template(name).apply(variables).text().stripTrailing();
    }
}
