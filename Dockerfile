# syntax=docker/dockerfile:1
# Tradetalk Discord bot. Build:  docker build -t tradetalk .
# Run:    docker run -d --name tradetalk -e TRADETALK_DISCORD_TOKEN=... -v tradetalk-data:/data tradetalk
# (Not tested here: Docker does not run on the machines this was written on. Needs BuildKit, the default builder
# since Docker 23, for the Maven cache mount.)

# ---- build: Maven + JDK 21 -------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml ./
COPY retrieval retrieval
COPY answer answer
COPY bot bot
# in the reactor (tests and the opensearch-local tool), not in the jar; the build resolves their dependencies too
COPY opensearch-node opensearch-node
COPY opensearch-local opensearch-local
COPY config config
COPY prompts prompts
# The Maven repository lives in a build cache, so dependencies download once however the sources change; a failed
# build fails the image (no "|| true").
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package && cp bot/target/tradetalk.jar /tradetalk.jar

# ---- run: slim JRE 21, non-root ---------------------------------------------------------------------------------
# glibc-based (not alpine): ONNX Runtime and the DJL tokenizer ship glibc native libraries.
FROM eclipse-temurin:21-jre-jammy
# Lucene's SIMD vector code needs the jdk.incubator.vector module: fail the build if this runtime lacks it.
RUN java --list-modules | grep -q '^jdk.incubator.vector@' \
    || { echo "this JRE has no jdk.incubator.vector module; use a JDK base image" >&2; exit 1; }
RUN groupadd --system tradetalk && useradd --system --gid tradetalk --home-dir /app --shell /usr/sbin/nologin tradetalk \
    && mkdir -p /app /data/tmp /data/cache/djl /data/cache/tradetalk /data/index /data/feedback /data/articles \
    && chown -R tradetalk:tradetalk /data
WORKDIR /app
COPY --from=build /tradetalk.jar /app/tradetalk.jar
# The three seed articles are a demo, not news for a production bot: they are only indexed when asked for with
# -e TRADETALK_INDEX_ARTICLES=/app/seed-articles. By default the bot indexes what is in /data/articles (empty at
# first) and its feeds.
COPY data/articles /app/seed-articles
COPY config/logback.xml /app/config/logback.xml

# Everything that is written lives on the volume: index, feedback, native-library caches, temp files. A new named
# volume starts with the directories created above (a bind mount must be writable by the tradetalk user).
# Put your own config at /data/tradetalk.yml and add "--config /data/tradetalk.yml" to the command if needed.
# OPT_OUT_TRACKING: DJL, under the embedding model, would otherwise call the cloud metadata address at start.
ENV TRADETALK_INDEX_DIR=/data/index \
    TRADETALK_INDEX_ARTICLES=/data/articles \
    TRADETALK_DISCORD_FEEDBACK_DIR=/data/feedback \
    DJL_CACHE_DIR=/data/cache/djl \
    OPT_OUT_TRACKING=true \
    HOME=/data
VOLUME ["/data"]
USER tradetalk

# `tradetalk health` loads the configuration and reads the index (no model, no writes): cheap enough every minute.
# C1 alone, so Lucene cannot use the Vector API: its remark about that is muted (tradetalk.log.vectorization).
HEALTHCHECK --interval=60s --timeout=30s --start-period=120s --retries=3 \
    CMD ["java", "-Xmx96m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtradetalk.log.vectorization=ERROR", \
         "-Djava.io.tmpdir=/data/tmp", \
         "-Dtradetalk.home=/app", "-jar", "/app/tradetalk.jar", "health"]

# SIGTERM (docker stop) reaches java directly (exec form): running answers finish, the index closes cleanly.
# docker stop waits 10 s by default; use "docker stop -t 30" to give long answers time. ONNX Runtime's native
# libraries are unpacked once into /data/cache/tradetalk (not a new temp directory per start).
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", \
            "-Djava.io.tmpdir=/data/tmp", "-Dtradetalk.cache.dir=/data/cache/tradetalk", "-Dtradetalk.home=/app", \
            "-XX:MaxRAMPercentage=75", "-jar", "/app/tradetalk.jar"]
CMD ["discord"]
