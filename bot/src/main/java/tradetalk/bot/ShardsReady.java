package tradetalk.bot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import tradetalk.answer.UserError;

/**
 * Waits until every shard of this process is ready, as {@code JDA#awaitReady} does for one connection; the
 * ShardManager starts its shards one after the other (Discord's identify rate limit), so they are not all there when
 * it is built. A shard that shuts down before it is ready (Discord refused it) fails the wait.
 */
final class ShardsReady implements EventListener {

    private final Map<Integer, CompletableFuture<Void>> shards;
    private final CompletableFuture<Void> failed = new CompletableFuture<>();

    ShardsReady(List<Integer> ids) {
        this.shards = ids.stream().collect(Collectors.toMap(Function.identity(), id -> new CompletableFuture<>()));
    }

    @Override
    public void onEvent(GenericEvent event) {
        CompletableFuture<Void> shard = shards.get(event.getJDA().getShardInfo().getShardId());
        if (shard == null) {
            return;
        }
        if (event instanceof ReadyEvent) {
            shard.complete(null);
        } else if (event instanceof ShutdownEvent shutdown && !shard.isDone()) {
            CloseCode code = shutdown.getCloseCode();
            failed.completeExceptionally(new UserError("Discord closed the connection of shard "
                    + event.getJDA().getShardInfo().getShardId() + " before it was ready"
                    + (code == null ? "" : " (close code " + code.getCode() + ": " + code.getMeaning() + ")")));
        }
    }

    /** Returns when every shard is ready, or throws as soon as one of them was refused. */
    void await() throws InterruptedException {
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(shards.values().toArray(CompletableFuture[]::new)), failed)
                    .get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
