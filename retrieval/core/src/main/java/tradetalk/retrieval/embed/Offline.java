package tradetalk.retrieval.embed;

/**
 * Keeps the embedding stack off the network. DJL, the tokenizer library under the ONNX embedding model, calls the
 * cloud metadata address 169.254.169.254 when it starts ({@code ai.djl.util.Ec2Utils.callHome}, then telemetry
 * with the instance id on a cloud VM) unless {@code OPT_OUT_TRACKING} or its offline mode ({@code ai.djl.offline})
 * is set, as an environment variable or a system property; DJL reads the environment first, then the property.
 * {@link #enforce()} sets both properties unless already given; call it before the model loads.
 */
public final class Offline {

    private Offline() {
        throw new UnsupportedOperationException("static");
    }

    /** Sets {@code OPT_OUT_TRACKING=true} and {@code ai.djl.offline=true} unless already set. */
    public static synchronized void enforce() {
        setIfAbsent("OPT_OUT_TRACKING");
        setIfAbsent("ai.djl.offline");
    }

    private static void setIfAbsent(String name) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, "true");
        }
    }
}
