package tradetalk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradetalk.bot.fake.FakeDiscord;
import tradetalk.cli.MutableClock;
import tradetalk.cli.Tradetalk;
import tradetalk.cli.config.ConfigLoader;
import tradetalk.cli.config.TradetalkConfig;
import tradetalk.retrieval.embed.Embedder;
import tradetalk.retrieval.embed.RandomEmbedder;

/** The bot makes what the first question would wait for before it logs in to Discord. */
class DiscordWarmUpTest {

    @TempDir
    Path home;

    /** Records how many IDENTIFYs the gateway had seen when the embedding model was first used. */
    private static final class FirstUse implements Embedder {
        private final Embedder delegate = new RandomEmbedder(384);
        private final FakeDiscord discord;
        final AtomicInteger identifiesAtFirstUse = new AtomicInteger(-1);

        FirstUse(FakeDiscord discord) {
            this.discord = discord;
        }

        private void used() {
            identifiesAtFirstUse.compareAndSet(-1, discord.identifies().size());
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public float[] embedQuery(String query) {
            used();
            return delegate.embedQuery(query);
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            used();
            return delegate.embedPassages(passages);
        }
    }

    @Test
    void given_a_fresh_start_when_the_bot_starts_then_the_model_and_index_are_warm_before_the_gateway_login()
            throws Exception {
        TradetalkConfig config = new ConfigLoader().load(null, Map.of("TRADETALK_INDEX_ARTICLES", ""), home);
        try (FakeDiscord discord = new FakeDiscord("warm-token")) {
            FirstUse embedder = new FirstUse(discord);
            DiscordConfig dc = DiscordConfig.defaults()
                    .withConnection("warm-token", discord.restBaseUrl(), discord.gatewayUrl())
                    .withFeedbackDir(home.resolve("feedback"))
                    .withLimits(Duration.ZERO, 0);
            try (Tradetalk tt = new Tradetalk(config, embedder);
                    DiscordBot bot = tt.startDiscordBot(dc, new MutableClock())) {
                discord.awaitReady();

                assertThat(embedder.identifiesAtFirstUse)
                        .as("IDENTIFYs seen when the model was first used")
                        .hasValue(0);
                assertThat(discord.identifies()).hasSize(1);
            }
        }
    }
}
