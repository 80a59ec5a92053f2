package tradetalk.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultsJsonTest {

    @TempDir
    Path home;

    @Test
    void given_the_shipped_yaml_when_the_build_has_run_then_its_json_holds_the_same_tree_in_the_same_order()
            throws IOException {
        JsonNode yaml;
        try (InputStream in = resource(ConfigLoader.DEFAULTS)) {
            yaml = ConfigLoader.mapper().readTree(in);
        }
        JsonNode json;
        try (InputStream in = resource(ConfigLoader.DEFAULTS_JSON)) {
            json = new ObjectMapper().readTree(in);
        }

        assertThat(json).isEqualTo(yaml); // node types too: an IntNode is not a LongNode
        assertThat(json.toString()).isEqualTo(yaml.toString()); // and the order of the keys
    }

    @Test
    void given_the_yaml_when_converting_then_the_json_is_that_tree() throws IOException {
        Path yml =
                Files.writeString(home.resolve("t.yml"), "# comment\nsearch:\n  k: 8 # eight\n  w: 0.5\nl: [a, 2]\n");
        Path out = home.resolve("out/t.json");

        DefaultsJson.main(new String[] {yml.toString(), out.toString()});

        assertThat(Files.readString(out)).isEqualTo("{\"search\":{\"k\":8,\"w\":0.5},\"l\":[\"a\",2]}");
    }

    @Test
    void given_a_file_identical_to_the_shipped_defaults_then_it_is_known_as_them_and_any_edit_is_not()
            throws IOException {
        Path file = home.resolve("tradetalk.yml");
        byte[] shipped;
        try (InputStream in = resource(ConfigLoader.DEFAULTS)) {
            shipped = in.readAllBytes();
        }
        Files.write(file, shipped);
        assertThat(ConfigLoader.isShippedDefaults(file))
                .as("identical: not parsed")
                .isTrue();

        Files.writeString(file, "# the operator's note\n", StandardOpenOption.APPEND);
        assertThat(ConfigLoader.isShippedDefaults(file)).as("edited: parsed").isFalse();

        Files.write(file, shipped);
        ConfigLoader loader = new ConfigLoader();
        assertThat(loader.load(file, Map.of(), home)).isEqualTo(loader.load(null, Map.of(), home));
    }

    private static InputStream resource(String name) {
        return DefaultsJsonTest.class.getClassLoader().getResourceAsStream(name);
    }
}
