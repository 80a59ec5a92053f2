package tradetalk.bot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
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
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads the configuration once: the shipped defaults ({@code tradetalk.yml} on the classpath), then the operator's
 * file, then {@code TRADETALK_<SECTION>_<KEY>} environment variables, into validated records. Unknown keys and bad
 * values fail with a message naming the key.
 */
public final class ConfigLoader {

    private static final String DEFAULTS = "tradetalk.yml";
    private final ObjectMapper yaml;

    public ConfigLoader() {
        SimpleModule durations = new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer());
        this.yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
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
            JsonNode user;
            try {
                user = yaml.readTree(file.toFile());
            } catch (IOException e) {
                throw new ConfigException("config file " + file + " is not valid YAML: " + firstLine(e.getMessage()));
            }
            if (user != null && !user.isMissingNode() && !user.isNull()) {
                if (!user.isObject()) {
                    throw new ConfigException("config file " + file + " must be a map of sections");
                }
                merge(tree, (ObjectNode) user, "", file.toString());
            }
        }
        applyEnv(tree, env);
        try {
            return yaml.treeToValue(tree, TradetalkConfig.class).resolve(home);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException("bad config: " + cause.getMessage(), e);
        } catch (JsonMappingException e) {
            throw new ConfigException("bad value for config key " + keyOf(e) + ": " + firstLine(e.getOriginalMessage()),
                    e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("bad config: " + firstLine(e.getOriginalMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad config: " + e.getMessage(), e);
        }
    }

    private ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("the shipped " + DEFAULTS + " cannot be read", e);
        }
    }

    /** Overlays user values on the defaults; a key the defaults do not have is an error. */
    private static void merge(ObjectNode base, ObjectNode user, String prefix, String origin) {
        Iterator<Map.Entry<String, JsonNode>> it = user.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode current = base.get(e.getKey());
            if (current == null) {
                throw new ConfigException("unknown config key '" + key + "' in " + origin + known(base, prefix));
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
        sb.append(prefix.isEmpty() ? "" : " under " + prefix.substring(0, prefix.length() - 1)).append(": ");
        Iterator<String> names = base.fieldNames();
        while (names.hasNext()) {
            sb.append(names.next()).append(names.hasNext() ? ", " : "");
        }
        return sb.toString();
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

    private static String keyOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
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
        public Duration deserialize(com.fasterxml.jackson.core.JsonParser p,
                                    com.fasterxml.jackson.databind.DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Durations.parse(text == null ? "" : text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }
}
