package tradetalk.answer.offline;

import java.util.regex.Pattern;

/** Quotations and their attribution in news sentences. */
final class Quotes {

    private static final Pattern OPENS_WITH_QUOTE = Pattern.compile("^\\s*[\"“‘']");
    private static final Pattern OPENS_WITH_PRONOUN_SAYING = Pattern.compile(
            "^\\s*(?:He|She|They|It|We|I)\\s+(?:\\w+\\s+){0,3}?(?:said|says|added|told|warned|noted|argued)\\b");
    private static final Pattern SAYING = Pattern.compile(
            "\\b(?:said|says|told|added|warned|stated|noted|argued|tweeted|wrote|posted|according to|statement)\\b");
    /** "... ," Trump said / said Kudlow / the ministry said: an attribution naming someone. */
    private static final Pattern ATTRIBUTED = Pattern.compile(
            "[\"”’']\\s*,?\\s*(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,4}(?:said|says|told|added|wrote|tweeted)\\b"
                    + "|\\b(?:said|says|told|added)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’-]+"
                    + "|\\b(?:the|a)\\s+(?:\\w+\\s+){0,3}(?:said|says)\\b|\\baccording to\\b");

    private Quotes() {
        throw new UnsupportedOperationException("utility class");
    }

    /** True when the sentence reports what someone said: it quotes, or uses a verb of saying. */
    static boolean reports(String sentence) {
        return sentence.indexOf('"') >= 0
                || sentence.indexOf('“') >= 0
                || SAYING.matcher(sentence).find();
    }

    /**
     * True when the sentence leans on an earlier one for its speaker: it opens with a quotation, or with "He said",
     * and no attribution naming the speaker follows inside it.
     */
    static boolean dangling(String sentence) {
        if (OPENS_WITH_PRONOUN_SAYING.matcher(sentence).find()) {
            return true;
        }
        return OPENS_WITH_QUOTE.matcher(sentence).find()
                && !ATTRIBUTED.matcher(sentence).find();
    }
}
