package tradetalk.answer.offline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradetalk.answer.support.Names;
import tradetalk.retrieval.DateWords;

/**
 * What kind of answer a question asks for, read from its wording: who → a person, when → a date, where → a place,
 * how many / how much → a number, what did X say → X's words; anything else is {@link Kind#OTHER}.
 *
 * @param kind    the kind of answer
 * @param speaker for {@link Kind#QUOTE}, who is quoted ("Trump" in "What did Trump say about Hong Kong?"); else ""
 * @param focus   the word the answer must be about, when the wording names one: the verb of "what would China
 *                buy ...?" ("buy"), the unit of "how many tonnes ...?" ("tonnes"); else ""
 */
public record AnswerType(Kind kind, String speaker, String focus) {

    /** Kinds of answers. */
    public enum Kind {
        PERSON,
        DATE,
        PLACE,
        NUMBER,
        QUOTE,
        OTHER
    }

    private static final Pattern QUOTE = Pattern.compile(
            "^\\s*what\\s+(?:did|does|do|has|have|had|was|is)\\s+(.+?)\\s+(?:say|said|tell|told|mean|warn|claim)\\b");
    private static final Pattern NUMBER = Pattern.compile("\\bhow\\s+(?:many|much|long|far|old|large|big|high|low)\\b"
            + "|\\bwhat\\s+(?:\\w+\\s+)?(?:percentage|percent|share|rate|number|amount|price|figure|total|sum|"
            + "level)\\b|\\bby\\s+how\\s+much\\b");
    private static final Pattern DATE = Pattern.compile(
            "^\\s*when\\b|\\b(?:what|which)\\s+(?:day|date|year|month|week)\\b|\\bwhen\\s+(?:did|will|was|is|were)\\b");
    private static final Pattern PLACE = Pattern.compile(
            "^\\s*where\\b|\\b(?:what|which|in\\s+which|in\\s+what)\\s+(?:country|city|state|nation|town|region|"
                    + "province|island|capital|place|venue|location)\\b|\\bwhere\\s+(?:did|will|was|is|were|do)\\b");
    private static final Pattern PERSON =
            Pattern.compile("^\\s*(?:who|whom|whose)\\b|\\b(?:who|whom|whose)\\s+(?:is|was|did|has|will|had)\\b"
                    + "|\\b(?:what|which)\\s+(?:person|man|woman|leader|president|minister|official|politician|"
                    + "player|actor|actress|singer|star|artist|author|ceo|chief|executive|candidate|senator|"
                    + "governor|judge|pope|king|queen|prince|princess|athlete|coach)\\b");

    private static final Pattern HAS_NUMBER = Pattern.compile(
            "\\d|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                    + "hundred|thousand|million|billion|trillion|dozen|half|percent|per cent)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_PLACE = Pattern.compile(
            "\\b(?:in|at|from|to|near|across|outside|inside)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’-]+|\\p{Lu}{2,}\\s*•");

    /**
     * True when a sentence holds what this type asks for: a number, a date, a person's name, a place, or (for
     * quotes) the speaker's own words ({@link Quotes#saidBy}); always true
     * for {@link Kind#OTHER}.
     */
    public boolean matches(String sentence) {
        return switch (kind) {
            case NUMBER -> HAS_NUMBER.matcher(sentence).find();
            case DATE -> DateWords.mentionsDate(sentence);
            case PERSON -> Names.namesSomeone(sentence);
            case PLACE -> HAS_PLACE.matcher(sentence).find();
            case QUOTE -> Quotes.saidBy(sentence, speaker);
            case OTHER -> true;
        };
    }

    /** True when the question asks for a kind of thing that a sentence can visibly lack (not OTHER). */
    public boolean typed() {
        return kind != Kind.OTHER;
    }

    /** "What would China buy under ...?": the verb whose object is asked for. */
    private static final Pattern OBJECT_OF = Pattern.compile(
            "^\\s*what\\s+(?:would|will|did|does|do|could|should|might|can|has|have|had)\\s+(?:\\S+\\s+){1,4}?"
                    + "(\\p{L}+)(?:\\s+(?:under|in|on|at|for|from|to|with|about|after|before|during|as|by|if|this|last|"
                    + "next|that)\\b.*)?\\s*\\?\\s*$");
    /** "How many tonnes ...": the unit counted. */
    private static final Pattern UNIT = Pattern.compile("\\bhow\\s+(?:many|much)\\s+(\\p{L}{3,})");

    /** The answer type of a question. */
    public static AnswerType of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        Matcher m = QUOTE.matcher(q);
        if (m.find()) {
            int start = m.start(1);
            return new AnswerType(
                    Kind.QUOTE, question.substring(start, m.end(1)).strip(), "");
        }
        if (NUMBER.matcher(q).find()) {
            Matcher unit = UNIT.matcher(q);
            return new AnswerType(Kind.NUMBER, "", unit.find() ? unit.group(1) : "");
        }
        if (PERSON.matcher(q).find()) {
            return new AnswerType(Kind.PERSON, "", "");
        }
        if (DATE.matcher(q).find()) {
            return new AnswerType(Kind.DATE, "", "");
        }
        if (PLACE.matcher(q).find()) {
            return new AnswerType(Kind.PLACE, "", "");
        }
        Matcher object = OBJECT_OF.matcher(q);
        return new AnswerType(Kind.OTHER, "", object.find() ? object.group(1) : "");
    }

    /** "What did Trump say about Hong Kong?": what the words asked for are about ("Hong Kong"); "" for none. */
    public static String quoteTopic(String question) {
        Matcher m = QUOTE.matcher(question.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return "";
        }
        return question.substring(m.end())
                .replaceFirst("^\\s*(?:about|on|regarding|of|concerning)\\b", "")
                .replaceAll("[?.!]+\\s*$", "")
                .strip();
    }

    /** "person", "date", ...: the key of eval's {@code by_answer_type}. */
    public String label() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
