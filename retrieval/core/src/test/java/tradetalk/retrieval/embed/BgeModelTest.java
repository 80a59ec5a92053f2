package tradetalk.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick model load and its cache of the optimized graph: same vectors as LangChain4j's model, fail-safe cache. */
class BgeModelTest {

    private static final String TEXT = "Vice Premier Liu He spoke by phone with the U.S. Trade Representative.";
    private static float[] expected;

    @TempDir
    Path cache;

    @BeforeAll
    static void langchain4jsOwnModel() {
        Offline.enforce();
        expected =
                new BgeSmallEnV15QuantizedEmbeddingModel().embed(TEXT).content().vector();
    }

    private static float[] embed(Path cacheDir) throws Exception {
        try (BgeModel m = BgeModel.load(cacheDir)) {
            return m.embed(TEXT).content().vector();
        }
    }

    private List<Path> cached() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().startsWith(BgeModel.CACHE_PREFIX))
                    .toList();
        }
    }

    @Test
    void given_no_cache_when_loading_twice_then_the_second_load_uses_the_cached_copy_and_both_embed_as_langchain4j()
            throws Exception {
        float[] first = embed(cache);
        List<Path> written = cached();
        float[] second = embed(cache);

        assertThat(written)
                .singleElement()
                .satisfies(f -> assertThat(f.toString()).endsWith(".onnx"));
        assertThat(cached()).isEqualTo(written);
        assertThat(first).containsExactly(expected, within(1e-5f));
        assertThat(second).containsExactly(expected, within(1e-5f));
    }

    @Test
    void given_a_damaged_cached_copy_when_loading_then_it_is_replaced_and_the_vectors_stay_right() throws Exception {
        embed(cache);
        Path copy = cached().getFirst();
        byte[] bytes = Files.readAllBytes(copy);
        bytes[bytes.length / 2] ^= 0x5a; // a flipped weight: ONNX Runtime would load it and embed wrongly
        Files.write(copy, bytes);

        float[] v = embed(cache);

        assertThat(v).containsExactly(expected, within(1e-5f));
        assertThat(cached()).singleElement();
        assertThat(Files.readAllBytes(cached().getFirst())).isNotEqualTo(bytes);
    }

    @Test
    void given_a_truncated_cached_copy_when_loading_then_it_is_replaced() throws Exception {
        embed(cache);
        Path copy = cached().getFirst();
        Files.write(copy, new byte[] {8, 7, 18});

        float[] v = embed(cache);

        assertThat(v).containsExactly(expected, within(1e-5f));
        assertThat(Files.size(cached().getFirst())).isGreaterThan(1_000_000);
    }

    @Test
    void given_a_copy_cached_for_another_model_or_runtime_when_loading_then_it_is_not_used_and_removed()
            throws Exception {
        Path stale = Files.writeString(cache.resolve(BgeModel.CACHE_PREFIX + "0-ort1.0.0-0.onnx"), "old");

        float[] v = embed(cache);

        assertThat(v).containsExactly(expected, within(1e-5f));
        assertThat(stale).doesNotExist();
        assertThat(cached()).singleElement();
    }

    @Test
    void given_a_cache_directory_that_cannot_be_made_when_loading_then_the_model_still_loads() throws Exception {
        Path notADirectory = Files.writeString(cache.resolve("file"), "x");

        float[] v = embed(notADirectory.resolve("sub"));

        assertThat(v).containsExactly(expected, within(1e-5f));
    }

    @Test
    void given_the_class_path_then_jna_is_absent_so_the_tokenizer_never_probes_for_a_cuda_runtime() {
        assertThatThrownBy(() -> Class.forName("com.sun.jna.Native")).isInstanceOf(ClassNotFoundException.class);
        assertThat(ai.djl.util.cuda.CudaUtils.getGpuCount()).isZero();
    }
}
