package tradetalk.cli;

import tradetalk.retrieval.embed.BgeSmallEmbedder;

/** Run in a child JVM by {@link ModelLifecycleTest}: starts loading the model and exits at once. */
public final class LoadThenExitMain {

    private LoadThenExitMain() {}

    public static void main(String[] args) {
        new BgeSmallEmbedder().prepare();
        System.exit(0);
    }
}
