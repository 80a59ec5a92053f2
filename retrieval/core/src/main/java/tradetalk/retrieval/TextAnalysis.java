package tradetalk.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis used by the lexical index (English: lower case, stop words removed, Porter stems), shared so that
 * answer composition matches words exactly the way search does.
 */
public final class TextAnalysis {

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private TextAnalysis() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The analyzer of the index's text and title fields. */
    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /** The index terms of a text, in order, repeats kept. */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
