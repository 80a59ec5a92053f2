package tradetalk.cli.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tradetalk.retrieval.Durations;

/**
 * Loads the configuration once: the shipped defaults ({@code tradetalk.yml} on the classpath), then the operator's
 * file, then {@code TRADETALK_<SECTION>_<KEY>} environment variables, into validated records. Unknown keys and bad
 * values fail with a message naming the key.
 */
public final class ConfigLoader {

    /** The shipped defaults as written: commented YAML, the one source (config/tradetalk.yml, copied into the jar). */
    static final String DEFAULTS = "tradetalk.yml";
    /** The same tree as compact JSON, made from {@link #DEFAULTS} by the build ({@link DefaultsJson}). */
    static final String DEFAULTS_JSON = "tradetalk-defaults.json";

    private static final JsonFactory JSON = new JsonFactory();

    private final ObjectMapper yaml;

    public ConfigLoader() {
        this.yaml = mapper();
    }

    /** The mapper that reads config files (strict YAML) and binds trees to the records. */
    static ObjectMapper mapper() {
        SimpleModule durations = new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer());
        return new ObjectMapper(YAMLFactory.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // k: 2.5 is a mistake, not 2
                .registerModule(durations);
    }

    /**
     * Loads the configuration.
     *
     * @param file the operator's file, or null for none
     * @param env  the environment (System.getenv() in production)
     * @param home the directory relative paths in the config are resolved against
     */
    public TradetalkConfig load(Path file, Map<String, String> env, Path home) {
        ObjectNode tree = defaults();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config file " + file + " does not exist");
            }
            checkSize(file);
            if (isShippedDefaults(file)) {
                file = null; // over the defaults, the defaults change nothing: no YAML to parse
            }
        }
        if (file != null) {
            JsonNode user;
            try {
                user = yaml.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                String where = at == null || at.getLineNr() < 1
                        ? ""
                        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
                throw new ConfigException("config file " + file + " is not valid YAML" + where + ": "
                        + yamlProblem(e.getOriginalMessage()));
            } catch (IOException e) {
                throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
            }
            if (user != null && !user.isMissingNode() && !user.isNull()) {
                if (!user.isObject()) {
                    throw new ConfigException("config file " + file + " must be a map of sections");
                }
                merge(tree, (ObjectNode) user, "", file.toString());
            }
        }
        checkEnv(tree, env);
        applyEnv(tree, env);
        try {
            return yaml.treeToValue(tree, TradetalkConfig.class)
                    .resolve(home)
                    .withOpenSearchPassword(env.getOrDefault(OPENSEARCH_PASSWORD, ""));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException("bad config: " + cause.getMessage(), e);
        } catch (JsonMappingException e) {
            throw new ConfigException("bad value for config key " + keyOf(e) + ": " + valueProblem(e, tree), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("bad config: " + firstLine(e.getOriginalMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad config: " + e.getMessage(), e);
        }
    }

    /** The largest config file read: many times any real one, small enough that parsing it costs little. */
    static final long MAX_CONFIG_BYTES = 1L << 20;

    /** Refuses a file over {@link #MAX_CONFIG_BYTES} before anything parses it (comments included). */
    private static void checkSize(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
        }
        if (size > MAX_CONFIG_BYTES) {
            throw new ConfigException("config file " + file + " is " + size + " bytes; a config file may be at most "
                    + MAX_CONFIG_BYTES + " bytes (1 MiB)");
        }
    }

    /**
     * The shipped defaults, from the JSON the build made of them: parsing the commented YAML (and loading SnakeYAML)
     * cost a cold JVM about 20 ms of CPU.
     */
    private ObjectNode defaults() {
        try (InputStream in = resource(DEFAULTS_JSON)) {
            return (ObjectNode) yaml.readTree(JSON.createParser(in));
        } catch (IOException e) {
            throw new IllegalStateException("the shipped " + DEFAULTS_JSON + " cannot be read", e);
        }
    }

    /**
     * Whether {@code file} holds exactly the shipped defaults (as config/tradetalk.yml does until the operator edits
     * it). Any doubt (e.g. the file cannot be read) is a no: the file is then parsed, with the usual messages.
     */
    static boolean isShippedDefaults(Path file) {
        try (InputStream in = resource(DEFAULTS)) {
            long size = Files.size(file);
            byte[] shipped = in.readAllBytes();
            return size == shipped.length && Arrays.equals(Files.readAllBytes(file), shipped);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath (the build makes " + DEFAULTS_JSON
                    + " from config/" + DEFAULTS + ")");
        }
        return in;
    }

    /** Overlays user values on the defaults; a key the defaults do not have is an error. */
    private static void merge(ObjectNode base, ObjectNode user, String prefix, String origin) {
        Iterator<Map.Entry<String, JsonNode>> it = user.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode current = base.get(e.getKey());
            if (key.equals("opensearch.password")) {
                throw new ConfigException("opensearch.password cannot be set in " + origin + ": set the environment"
                        + " variable " + OPENSEARCH_PASSWORD + " (a password is never read from a file)");
            }
            if (current == null) {
                String meant = DidYouMean.closest(e.getKey(), iterable(base.fieldNames()));
                throw new ConfigException("unknown config key '" + key + "' in " + origin
                        + (meant == null ? "" : "; did you mean '" + prefix + meant + "'?")
                        + known(base, prefix));
            }
            if (current.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) current, (ObjectNode) e.getValue(), key + ".", origin);
            } else if (current.isObject() && !e.getValue().isNull()) {
                throw new ConfigException("config key '" + key + "' in " + origin + " must be a section");
            } else if (!e.getValue().isNull()) {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    private static String known(ObjectNode base, String prefix) {
        StringBuilder sb = new StringBuilder("; known keys");
        sb.append(prefix.isEmpty() ? "" : " under " + prefix.substring(0, prefix.length() - 1))
                .append(": ");
        Iterator<String> names = base.fieldNames();
        while (names.hasNext()) {
            sb.append(names.next()).append(names.hasNext() ? ", " : "");
        }
        return sb.toString();
    }

    /** The OpenSearch password: only ever from this variable, never from a file. */
    public static final String OPENSEARCH_PASSWORD = "TRADETALK_OPENSEARCH_PASSWORD";

    /** Variables of the launcher and the logging setup, not config keys: allowed, never applied to the config. */
    public static final List<String> LAUNCHER_VARIABLES =
            List.of("TRADETALK_LOG_LEVEL", "TRADETALK_JAVA_OPTS", "TRADETALK_CDS");
    /** The values TRADETALK_LOG_LEVEL may take (Logback's levels; anything else would silently mean DEBUG). */
    public static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    /**
     * A TRADETALK_* variable that names no config key is a mistake, like an unknown key in the file; and
     * TRADETALK_LOG_LEVEL must be a level Logback knows.
     */
    private static void checkEnv(ObjectNode tree, Map<String, String> env) {
        java.util.Set<String> known = new java.util.TreeSet<>(LAUNCHER_VARIABLES);
        known.add(OPENSEARCH_PASSWORD);
        for (Map.Entry<String, JsonNode> section : iterable(tree.fields())) {
            if (section.getValue().isObject()) {
                for (String key : iterable(section.getValue().fieldNames())) {
                    known.add(envName(section.getKey(), key));
                }
            }
        }
        for (String name : new java.util.TreeSet<>(env.keySet())) {
            if (name.startsWith("TRADETALK_") && !known.contains(name)) {
                String meant = DidYouMean.closest(name, known);
                throw new ConfigException("unknown environment variable " + name + ": no config key is called that;"
                        + (meant == null ? "" : " did you mean " + meant + "?")
                        + " TRADETALK_<SECTION>_<KEY> names a key of config/tradetalk.yml (e.g. TRADETALK_SEARCH_K),"
                        + " and " + String.join(", ", LAUNCHER_VARIABLES) + " are the launcher's");
            }
        }
        String level = env.get("TRADETALK_LOG_LEVEL");
        if (level != null && !LOG_LEVELS.contains(level.strip().toUpperCase(Locale.ROOT))) {
            throw new ConfigException(
                    "TRADETALK_LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS) + ", got '" + level + "'");
        }
    }

    /** TRADETALK_SECTION_KEY overrides section.key, for every key the defaults define. */
    private static void applyEnv(ObjectNode tree, Map<String, String> env) {
        Iterator<Map.Entry<String, JsonNode>> sections = tree.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (!section.getValue().isObject()) {
                continue;
            }
            ObjectNode s = (ObjectNode) section.getValue();
            for (String key : iterable(s.fieldNames())) {
                String name = envName(section.getKey(), key);
                String value = env.get(name);
                if (value == null) {
                    continue;
                }
                if (s.get(key).isArray()) {
                    ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            arr.add(part.trim());
                        }
                    }
                    s.set(key, arr);
                } else {
                    s.set(key, TextNode.valueOf(value));
                }
            }
        }
    }

    /** The environment variable that overrides a key, e.g. TRADETALK_MODEL_BASE_URL for model.base-url. */
    public static String envName(String section, String key) {
        return ("TRADETALK_" + section + "_" + key).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        java.util.List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    /**
     * What was wrong with a value, in the config's words rather than the parser's: "expected a whole number, got 2.5".
     * Jackson's own text ("Cannot coerce Floating-point value ...") is kept only for types not named here.
     */
    private static String valueProblem(JsonMappingException e, ObjectNode tree) {
        Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        String expected = type == null ? null : expectedValue(type);
        if (expected == null) {
            return firstLine(e.getOriginalMessage());
        }
        JsonNode value = tree;
        for (JsonMappingException.Reference r : e.getPath()) {
            value = r.getFieldName() != null ? value.path(r.getFieldName()) : value.path(r.getIndex());
        }
        return "expected " + expected + (value.isMissingNode() ? "" : ", got " + value);
    }

    private static String expectedValue(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Duration.class) {
            return "a duration such as 500ms, 5s, 2m, 1h or 1d";
        }
        if (type.isRecord()) {
            return "a map of "
                    + java.util.Arrays.stream(type.getRecordComponents())
                            .map(c -> PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(c.getName()))
                            .collect(Collectors.joining(", "));
        }
        return null;
    }

    private static String keyOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /**
     * SnakeYAML's multi-line message on one line: its sentences ("while parsing a flow sequence", "expected ',' or
     * ']', but got <stream end>") without the excerpt, caret and "in 'reader', line N" lines (the location is given
     * apart).
     */
    private static String yamlProblem(String message) {
        if (message == null) {
            return "";
        }
        return message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip)
                .collect(Collectors.joining("; "));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static final class DurationDeserializer extends StdDeserializer<Duration> {
        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(
                com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return (Duration) ctxt.handleUnexpectedToken(Duration.class, p); // a list or a map: named by type
            }
            String text = p.getValueAsString();
            try {
                return Durations.parse(text == null ? "" : text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }
}
