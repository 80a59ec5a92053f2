package tradetalk.cli.config;

import java.util.Locale;

/** "Did you mean": the known name nearest to a mistyped one, for config keys, variables and commands. */
public final class DidYouMean {

    private DidYouMean() {
        throw new UnsupportedOperationException("static helpers only");
    }

    /**
     * The name among {@code names} nearest to {@code typed}, when at most about a third of it differs (a swap of two
     * neighbouring letters counts as one edit, so "aks" finds "ask"); null when none is that near.
     */
    public static String closest(String typed, Iterable<String> names) {
        String best = null;
        int bestDistance = Math.max(1, typed.length() / 3) + 1;
        for (String name : names) {
            int d = distance(typed.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Edit distance with adjacent transpositions (optimal string alignment), for short names. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
