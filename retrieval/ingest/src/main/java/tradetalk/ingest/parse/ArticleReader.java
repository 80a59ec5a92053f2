package tradetalk.ingest.parse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ReadResult;
import tradetalk.retrieval.Rejected;

/**
 * Reads article files for ingestion: seed plain text ({@code .txt}), Markdown with front matter ({@code .md},
 * {@code .markdown}), HTML ({@code .html}, {@code .htm}), JSON ({@code .json}) and JSON Lines ({@code .jsonl},
 * {@code .ndjson}). Directories are walked recursively in sorted order, following symbolic links (loops are detected)
 * and ignoring hidden entries; files of other types are reported as skipped. Never throws for a bad input: it
 * becomes a {@link Rejected} with its reason and the rest is read. Each article must have a plausible date and a text
 * of at most the configured size.
 */
public final class ArticleReader {

    private static final Logger log = LoggerFactory.getLogger(ArticleReader.class);

    private enum Format {
        SEED_TEXT,
        MARKDOWN,
        HTML,
        JSON,
        JSON_LINES
    }

    private static final Map<String, Format> FORMATS = Map.of(
            "txt", Format.SEED_TEXT,
            "md", Format.MARKDOWN,
            "markdown", Format.MARKDOWN,
            "html", Format.HTML,
            "htm", Format.HTML,
            "json", Format.JSON,
            "jsonl", Format.JSON_LINES,
            "ndjson", Format.JSON_LINES);

    /** Articles longer than this (UTF-8 bytes of text) are rejected unless configured otherwise. */
    public static final long DEFAULT_MAX_ARTICLE_BYTES = 1_000_000;

    private final ArticleCheck check;
    private final long maxFileBytes;

    /** A reader with the system clock and {@link #DEFAULT_MAX_ARTICLE_BYTES}. */
    public ArticleReader() {
        this(Clock.systemUTC(), DEFAULT_MAX_ARTICLE_BYTES);
    }

    /**
     * @param clock           "now" for refusing dates more than a day ahead (see {@link Dates#implausible})
     * @param maxArticleBytes the longest article text accepted (index.max-article-bytes)
     */
    public ArticleReader(Clock clock, long maxArticleBytes) {
        if (maxArticleBytes < 1) {
            throw new IllegalArgumentException("index.max-article-bytes must be at least 1, got " + maxArticleBytes);
        }
        this.check = new ArticleCheck(clock, maxArticleBytes);
        this.maxFileBytes = maxFileBytes(maxArticleBytes);
    }

    /**
     * Reads the given files and directories, in order; a file named twice (or reached twice through symbolic links)
     * is read once. Files in directories that are not articles (other types, broken links, link loops) are listed
     * as skipped; a file named explicitly that cannot be read is rejected.
     */
    public ReadResult read(List<Path> paths) {
        List<Article> articles = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        List<Rejected> skipped = new ArrayList<>();
        Map<Path, Path> files = new LinkedHashMap<>();
        for (Path given : paths) {
            Path path = given.normalize();
            if (Files.isDirectory(path)) {
                walk(path, files, rejected, skipped);
            } else if (!Files.exists(path)) {
                rejected.add(new Rejected(
                        path.toString(),
                        Files.isSymbolicLink(path) ? "broken symbolic link" : "no such file or directory"));
            } else if (format(path) == null) {
                rejected.add(new Rejected(path.toString(), "unsupported file type (" + EXPECTED + ")"));
            } else {
                files.putIfAbsent(realPath(path), path);
            }
        }
        for (Path file : files.values()) {
            ReadResult one = readFile(file);
            articles.addAll(one.articles());
            rejected.addAll(one.rejected());
        }
        skipped.sort(java.util.Comparator.comparing(Rejected::source));
        for (Rejected r : rejected) {
            log.debug("Rejected {}: {}", r.source(), r.reason());
        }
        for (Rejected r : skipped) {
            log.debug("Skipped {}: {}", r.source(), r.reason());
        }
        log.debug(
                "Read {} articles from {} files; rejected {} inputs, skipped {} files",
                articles.size(),
                files.size(),
                rejected.size(),
                skipped.size());
        return new ReadResult(articles, rejected, skipped);
    }

    /** Reads one file of a supported type; never throws. */
    ReadResult readFile(Path file) {
        Format format = format(file);
        if (format == null) {
            return rejected(file.normalize().toString(), "unsupported file type");
        }
        return readFile(
                file,
                switch (format) {
                    case SEED_TEXT -> (text, f) -> one(check.checked(SeedTextArticles.parse(text, f)));
                    case MARKDOWN -> (text, f) -> one(check.checked(MarkdownArticles.parse(text, f)));
                    case HTML -> (text, f) -> one(check.checked(HtmlArticles.parse(text, null, f)));
                    case JSON -> (text, f) -> JsonArticles.readJson(text, f, check);
                    case JSON_LINES -> (text, f) -> JsonArticles.readJsonLines(text, f, check);
                },
                maxFileBytes);
    }

    /** Turns a file's text into articles. */
    @FunctionalInterface
    interface FileParser {
        ReadResult parse(String text, Path file) throws MalformedArticleException;
    }

    /**
     * Reads one file with {@code parser}. Never throws for what one file can cause: a parse failure, an I/O error,
     * or an Error such as a {@link StackOverflowError} in a regular expression rejects this file with the reason
     * and the caller reads the rest. Only running out of memory and the JVM's internal errors go up.
     */
    static ReadResult readFile(Path file, FileParser parser) {
        return readFile(file, parser, maxFileBytes(DEFAULT_MAX_ARTICLE_BYTES));
    }

    /**
     * The largest file read: {@code 16 × max-article-bytes} (markup and JSON around the text), at least 64 MiB. A file
     * is read whole, so this bounds the memory one file can take.
     */
    static long maxFileBytes(long maxArticleBytes) {
        return Math.max(64L << 20, Math.min(Integer.MAX_VALUE - 8L, 16 * maxArticleBytes));
    }

    static ReadResult readFile(Path file, FileParser parser, long maxFileBytes) {
        String name = file.normalize().toString();
        try {
            // checked before opening: a FIFO would block the open, a huge file would fill the heap
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return rejected(name, "not a regular file (a directory, FIFO, socket or device); not read");
            }
            if (attrs.size() > maxFileBytes) {
                return rejected(name, tooLarge(attrs.size(), maxFileBytes));
            }
            byte[] bytes;
            try (var in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) maxFileBytes + 1); // the file may have grown since
            }
            if (bytes.length > maxFileBytes) {
                return rejected(name, tooLarge(bytes.length, maxFileBytes));
            }
            String text = FileText.decode(bytes);
            return parser.parse(text, file);
        } catch (MalformedArticleException e) {
            return rejected(name, e.reason());
        } catch (NoSuchFileException e) {
            return rejected(name, "no such file or directory");
        } catch (AccessDeniedException e) {
            return rejected(name, "permission denied");
        } catch (IOException e) {
            return rejected(name, "cannot read: " + e);
        } catch (OutOfMemoryError | InternalError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            log.warn("Unexpected failure reading {}: {}", name, e.toString());
            log.debug("Stack trace of the failure reading {}", name, e);
            String what = e instanceof StackOverflowError
                    ? "its structure is nested too deeply to read"
                    : "unexpected error: " + e;
            return rejected(name, what);
        }
    }

    private static String tooLarge(long size, long max) {
        return "file of " + size + " bytes is larger than the " + max + " bytes read from one file (16 x "
                + "index.max-article-bytes, at least 64 MiB); not read";
    }

    private static void walk(Path root, Map<Path, Path> files, List<Rejected> rejected, List<Rejected> skipped) {
        List<Path> found = new ArrayList<>();
        try {
            // links are followed, to files and directories; the walker detects loops (FileSystemLoopException)
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(root) && isHidden(dir)
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (isHidden(file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isSymbolicLink()) {
                                skipped.add(new Rejected(file.toString(), "broken symbolic link"));
                            } else if (!attrs.isRegularFile()) {
                                skipped.add(new Rejected(file.toString(), "not a regular file"));
                            } else if (format(file) == null) {
                                skipped.add(new Rejected(file.toString(), "unsupported file type (" + EXPECTED + ")"));
                            } else {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                skipped.add(new Rejected(
                                        file.toString(),
                                        "symbolic link loop (a directory that contains " + "itself); not followed"));
                            } else {
                                rejected.add(new Rejected(file.toString(), "cannot read: " + e));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            rejected.add(new Rejected(root.toString(), "cannot list directory: " + e));
        }
        found.sort(null);
        for (Path file : found) {
            Path real = realPath(file);
            Path first = files.putIfAbsent(real, file);
            if (first != null && !first.equals(file)) {
                skipped.add(new Rejected(file.toString(), "same file as " + first + " (read once)"));
            }
        }
    }

    /** The file a path finally names (links resolved), to read each file once; the path itself when unknown. */
    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static Format format(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot <= 0 ? null : FORMATS.get(s.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static ReadResult one(Article article) {
        return new ReadResult(List.of(article), List.of());
    }

    private static final String EXPECTED = "expected one of "
            + String.join(
                    ", ", FORMATS.keySet().stream().sorted().map(e -> "." + e).toList());

    private static ReadResult rejected(String source, String reason) {
        return new ReadResult(List.of(), List.of(new Rejected(source, reason)));
    }
}
