package tradetalk.retrieval.parse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradetalk.retrieval.Article;
import tradetalk.retrieval.ReadResult;
import tradetalk.retrieval.Rejected;

/**
 * Reads article files for ingestion: seed plain text ({@code .txt}), Markdown with front matter ({@code .md},
 * {@code .markdown}), HTML ({@code .html}, {@code .htm}), JSON ({@code .json}) and JSON Lines ({@code .jsonl},
 * {@code .ndjson}). Directories are walked recursively in sorted order, skipping hidden entries and files of other
 * types. Never throws for a bad input: it becomes a {@link Rejected} with its reason and the rest is read.
 */
public final class ArticleReader {

    private static final Logger log = LoggerFactory.getLogger(ArticleReader.class);

    private enum Format { SEED_TEXT, MARKDOWN, HTML, JSON, JSON_LINES }

    private static final Map<String, Format> FORMATS = Map.of(
            "txt", Format.SEED_TEXT,
            "md", Format.MARKDOWN,
            "markdown", Format.MARKDOWN,
            "html", Format.HTML,
            "htm", Format.HTML,
            "json", Format.JSON,
            "jsonl", Format.JSON_LINES,
            "ndjson", Format.JSON_LINES);

    /** Reads the given files and directories, in order; a file named twice is read once. */
    public ReadResult read(List<Path> paths) {
        List<Article> articles = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>();
        for (Path given : paths) {
            Path path = given.normalize();
            if (Files.isDirectory(path)) {
                walk(path, files, rejected);
            } else if (!Files.exists(path)) {
                rejected.add(new Rejected(path.toString(), "no such file or directory"));
            } else if (format(path) == null) {
                rejected.add(new Rejected(path.toString(), "unsupported file type (expected one of "
                        + String.join(", ", FORMATS.keySet().stream().sorted().map(e -> "." + e).toList()) + ")"));
            } else {
                files.add(path);
            }
        }
        for (Path file : files) {
            ReadResult one = readFile(file);
            articles.addAll(one.articles());
            rejected.addAll(one.rejected());
        }
        for (Rejected r : rejected) {
            log.debug("Skipped {}: {}", r.source(), r.reason());
        }
        log.debug("Read {} articles from {} files; rejected {} inputs", articles.size(), files.size(), rejected.size());
        return new ReadResult(articles, rejected);
    }

    /** Reads one file of a supported type; never throws. */
    ReadResult readFile(Path file) {
        String name = file.normalize().toString();
        Format format = format(file);
        if (format == null) {
            return rejected(name, "unsupported file type");
        }
        try {
            String text = FileText.decode(Files.readAllBytes(file));
            return switch (format) {
                case SEED_TEXT -> one(SeedTextArticles.parse(text, file));
                case MARKDOWN -> one(MarkdownArticles.parse(text, file));
                case HTML -> one(HtmlArticles.parse(text, null, file));
                case JSON -> JsonArticles.readJson(text, file);
                case JSON_LINES -> JsonArticles.readJsonLines(text, file);
            };
        } catch (MalformedArticleException e) {
            return rejected(name, e.reason());
        } catch (NoSuchFileException e) {
            return rejected(name, "no such file or directory");
        } catch (AccessDeniedException e) {
            return rejected(name, "permission denied");
        } catch (IOException e) {
            return rejected(name, "cannot read: " + e);
        } catch (RuntimeException e) {
            log.warn("Unexpected failure reading {}", name, e);
            return rejected(name, "unexpected error: " + e);
        }
    }

    private static void walk(Path root, Set<Path> files, List<Rejected> rejected) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile() || isHidden(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (format(file) == null) {
                        log.debug("Skipping {}: not an article file type", file);
                    } else {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    rejected.add(new Rejected(file.toString(), "cannot read: " + e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            rejected.add(new Rejected(root.toString(), "cannot list directory: " + e));
        }
        found.sort(null);
        files.addAll(found);
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

    private static ReadResult rejected(String source, String reason) {
        return new ReadResult(List.of(), List.of(new Rejected(source, reason)));
    }
}
