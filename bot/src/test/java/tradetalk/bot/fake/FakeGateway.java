package tradetalk.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway half of {@link FakeDiscord}: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeat ACK, RESUME →
 * RESUMED, and dispatching injected events to every connected session with its own sequence numbers. A session
 * identified with {@code shard: [id, total]} holds only the guilds of that shard.
 */
final class FakeGateway extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);
    static final int HEARTBEAT_INTERVAL_MS = 41_250;
    static final int OP_DISPATCH = 0;
    static final int OP_HEARTBEAT = 1;
    static final int OP_IDENTIFY = 2;
    static final int OP_RESUME = 6;
    static final int OP_INVALID_SESSION = 9;
    static final int OP_HELLO = 10;
    static final int OP_HEARTBEAT_ACK = 11;

    /** One gateway session; it survives a dropped connection so that RESUME can pick it up. */
    static final class Session {
        final String id = UUID.randomUUID().toString().replace("-", "");
        final long intents;
        /** The shard of IDENTIFY's {@code shard: [id, total]}; 0 of 0 when it sent none (every guild). */
        final int shardId;

        final int shardTotal;
        final AtomicInteger seq = new AtomicInteger();
        volatile WebSocket connection;

        Session(long intents, int shardId, int shardTotal) {
            this.intents = intents;
            this.shardId = shardId;
            this.shardTotal = shardTotal;
        }

        /** Whether Discord routes the guild's events to this session: {@code (guild_id >> 22) % total == id}. */
        boolean holds(String guildId) {
            return shardTotal <= 1 || (Long.parseUnsignedLong(guildId) >>> 22) % shardTotal == shardId;
        }
    }

    /** A dispatch event: its {@code t} and {@code d}, and once sent the shard of the session it went to. */
    record Dispatch(String type, ObjectNode data, int shard) {
        Dispatch(String type, ObjectNode data) {
            this(type, data, 0);
        }
    }

    private final ObjectMapper mapper;
    private final String token;
    private final Function<Session, List<Dispatch>> readyDispatches;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    private final List<Dispatch> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger resumes = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile CompletableFuture<Session> ready = new CompletableFuture<>();
    private volatile Exception startFailure;
    private final Object shardsReady = new Object();

    /**
     * @param readyDispatches builds the {@code d} payloads of READY and GUILD_CREATE (in that order) for a new
     *     session
     */
    FakeGateway(ObjectMapper mapper, String token, Function<Session, List<Dispatch>> readyDispatches) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.mapper = mapper;
        this.token = token;
        this.readyDispatches = readyDispatches;
        setReuseAddr(true);
        setConnectionLostTimeout(0); // JDA runs its own heartbeat; no extra pings
        setDaemon(true);
    }

    /** Starts the server and waits until it listens. */
    void startAndWait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gateway did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (startFailure != null) {
            throw new IllegalStateException("gateway failed to start", startFailure);
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        LOG.debug("Gateway connection opened: {}", handshake.getResourceDescriptor());
        send(
                conn,
                mapper.createObjectNode()
                        .put("op", OP_HELLO)
                        .set("d", mapper.createObjectNode().put("heartbeat_interval", HEARTBEAT_INTERVAL_MS)));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode payload;
        try {
            payload = mapper.readTree(message);
        } catch (Exception e) {
            LOG.warn("Gateway received malformed JSON, closing with 4002: {}", message);
            conn.close(4002, "Decode error");
            return;
        }
        int op = payload.path("op").asInt(-1);
        JsonNode d = payload.path("d");
        switch (op) {
            case OP_HEARTBEAT -> send(conn, mapper.createObjectNode().put("op", OP_HEARTBEAT_ACK));
            case OP_IDENTIFY -> onIdentify(conn, d);
            case OP_RESUME -> onResume(conn, d);
            default -> LOG.debug("Gateway ignores op {}: {}", op, message);
        }
    }

    private void onIdentify(WebSocket conn, JsonNode d) {
        identifies.add(d);
        if (!token.equals(d.path("token").asText())) {
            LOG.info("IDENTIFY with a wrong token; closing with 4004");
            conn.close(4004, "Authentication failed.");
            return;
        }
        JsonNode shard = d.path("shard");
        int shardId = shard.path(0).asInt(0);
        int shardTotal = shard.path(1).asInt(0);
        if (shard.isArray() && (shardTotal < 1 || shardId < 0 || shardId >= shardTotal)) {
            LOG.info("IDENTIFY with invalid shard {}; closing with 4010", shard);
            conn.close(4010, "Invalid shard.");
            return;
        }
        Session session = new Session(d.path("intents").asLong(0), shardId, shardTotal);
        sessions.put(session.id, session);
        session.connection = conn;
        conn.setAttachment(session);
        for (Dispatch dispatch : readyDispatches.apply(session)) {
            sendDispatch(session, dispatch.type(), dispatch.data());
        }
        LOG.debug("Session {} identified with intents {} as shard {}", session.id, session.intents, shard);
        ready.complete(session);
        signalShards();
    }

    private void onResume(WebSocket conn, JsonNode d) {
        Session session = sessions.get(d.path("session_id").asText());
        if (session == null || !token.equals(d.path("token").asText())) {
            LOG.info(
                    "RESUME of unknown session {}; sending INVALID_SESSION",
                    d.path("session_id").asText());
            send(conn, mapper.createObjectNode().put("op", OP_INVALID_SESSION).put("d", false));
            return;
        }
        resumes.incrementAndGet();
        session.connection = conn;
        conn.setAttachment(session);
        sendDispatch(session, "RESUMED", mapper.createObjectNode());
        LOG.debug("Session {} resumed at seq {}", session.id, session.seq.get());
        ready.complete(session);
        signalShards();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        LOG.debug("Gateway connection closed: {} {} (remote={})", code, reason, remote);
        Session session = conn.getAttachment();
        if (session != null && session.connection == conn) {
            session.connection = null;
            resetReadyIf(session);
        }
    }

    private synchronized void resetReadyIf(Session session) {
        if (ready.isDone() && ready.getNow(null) == session) {
            ready = new CompletableFuture<>();
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
        }
        LOG.debug("Gateway error", ex);
    }

    /** Closes every live connection abruptly (close code 4000), keeping sessions resumable. */
    void dropConnections() {
        for (Session session : sessions.values()) {
            WebSocket conn = session.connection;
            if (conn != null) {
                session.connection = null;
                resetReadyIf(session);
                conn.close(4000, "fake: connection dropped");
            }
        }
    }

    /**
     * Forgets all sessions, then closes their connections (4000): the client's RESUME gets INVALID_SESSION and
     * it must IDENTIFY again.
     */
    void invalidateSessions() {
        List<Session> forgotten = List.copyOf(sessions.values());
        sessions.clear();
        for (Session session : forgotten) {
            WebSocket conn = session.connection;
            if (conn != null) {
                session.connection = null;
                resetReadyIf(session);
                conn.close(4000, "fake: session invalidated");
            }
        }
    }

    /** Waits until a session is identified or resumed and its connection is open. */
    Session awaitReady(Duration timeout) {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no gateway session became ready within " + timeout, e);
        }
    }

    /** Waits until a session of {@code shard} is identified or resumed and its connection is open. */
    void awaitShardReady(int shard, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (shardsReady) {
            while (sessions.values().stream().noneMatch(s -> s.shardId == shard && isLive(s))) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IllegalStateException("no gateway session of shard " + shard + " within " + timeout);
                }
                try {
                    shardsReady.wait(Math.max(1, remaining / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void signalShards() {
        synchronized (shardsReady) {
            shardsReady.notifyAll();
        }
    }

    private static boolean isLive(Session s) {
        WebSocket conn = s.connection;
        return conn != null && conn.isOpen();
    }

    /** Whether a session that holds the guild has an open connection. */
    boolean hasLiveSession(String guildId) {
        return sessions.values().stream().anyMatch(s -> s.holds(guildId) && isLive(s));
    }

    /**
     * Sends a dispatch to every live session; the payload may differ per session (intents).
     *
     * @return how many sessions received it
     */
    int dispatch(String type, Function<Session, ObjectNode> payloadFor) {
        int delivered = 0;
        for (Session session : sessions.values()) {
            if (session.connection != null && session.connection.isOpen()) {
                ObjectNode payload = payloadFor.apply(session);
                if (payload != null) {
                    sendDispatch(session, type, payload);
                    delivered++;
                }
            }
        }
        return delivered;
    }

    private void sendDispatch(Session session, String type, ObjectNode d) {
        synchronized (session) {
            WebSocket conn = session.connection;
            if (conn == null) {
                return;
            }
            ObjectNode frame = mapper.createObjectNode();
            frame.put("op", OP_DISPATCH)
                    .put("t", type)
                    .put("s", session.seq.incrementAndGet())
                    .set("d", d);
            send(conn, frame);
            sent.add(new Dispatch(type, d.deepCopy(), session.shardId));
        }
    }

    private void send(WebSocket conn, JsonNode frame) {
        try {
            conn.send(mapper.writeValueAsString(frame));
        } catch (Exception e) {
            LOG.debug("Could not send gateway frame", e);
        }
    }

    List<JsonNode> identifies() {
        return List.copyOf(identifies);
    }

    List<Dispatch> sentDispatches() {
        return List.copyOf(sent);
    }

    int resumeCount() {
        return resumes.get();
    }
}
