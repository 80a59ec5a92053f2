package tradetalk.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash (Charikar) over 3-word shingles of an article's text: syndicated copies of one story, with a few
 * words changed (bylines, outlet boilerplate), differ in few bits, unrelated articles in about half. No maintained
 * Java library offers SimHash on its own (Guava has no locality-sensitive hashing), and the algorithm is twenty
 * lines, so it is written here and tested.
 */
public final class SimHash {

    /** Articles whose fingerprints differ in at most this many bits are treated as the same story. */
    public static final int NEAR_DUPLICATE_BITS = 6;
    /** Texts with fewer words than this get no fingerprint (too short to tell copies apart). */
    public static final int MIN_WORDS = 40;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int SHINGLE = 3;

    private SimHash() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The fingerprint of {@code text}, or empty when it has fewer than {@value #MIN_WORDS} words. */
    public static java.util.OptionalLong of(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        if (words.size() < MIN_WORDS) {
            return java.util.OptionalLong.empty();
        }
        int[] votes = new int[64];
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long h = fnv1a64(String.join(" ", words.subList(i, i + SHINGLE)));
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) == 1L ? 1 : -1;
            }
        }
        long fp = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fp |= 1L << bit;
            }
        }
        return java.util.OptionalLong.of(fp);
    }

    /** Number of differing bits. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** True when two fingerprints are close enough to be copies of one text. */
    public static boolean near(long a, long b) {
        return distance(a, b) <= NEAR_DUPLICATE_BITS;
    }

    private static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        // final avalanche (MurmurHash3 fmix64) so that similar shingles spread over all bits
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
