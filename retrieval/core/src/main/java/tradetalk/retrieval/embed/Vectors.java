package tradetalk.retrieval.embed;

/** Small vector helpers. */
public final class Vectors {

    private Vectors() {
        throw new UnsupportedOperationException("utility class");
    }

    /** Scales a vector to unit length in place and returns it; a zero vector is returned as is. */
    public static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        if (sum == 0) {
            return v;
        }
        float inv = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /** Dot product, which is the cosine for unit vectors. */
    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
