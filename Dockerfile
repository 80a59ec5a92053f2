# syntax=docker/dockerfile:1
# Tradetalk Discord bot. Build:  docker build -t tradetalk .     (Podman: podman build --format docker -t tradetalk .)
# Run:    docker run -d --name tradetalk -e TRADETALK_DISCORD_TOKEN=... -v tradetalk-data:/data tradetalk
# Needs BuildKit (the default builder since Docker 23) or Podman/Buildah for the Maven cache mount. .ci/image-test
# builds and runs this file on every CI run (docs/operating.md): with Podman, from base images made from Debian's
# packages (given as BUILD_IMAGE and RUNTIME_IMAGE), Maven offline (MAVEN_EXTRA_ARGS).

# Fully qualified names: Podman resolves no short names. Both can be replaced at build time (--build-arg), e.g. by
# images of a local registry; the runtime image needs a JRE 21 with the jdk.incubator.vector module.
ARG BUILD_IMAGE=docker.io/library/maven:3.9-eclipse-temurin-21
ARG RUNTIME_IMAGE=docker.io/library/eclipse-temurin:21-jre

# ---- build: Maven + JDK 21 -------------------------------------------------------------------------------------
FROM ${BUILD_IMAGE} AS build
# more Maven options, e.g. "--offline -Dmaven.repo.local=/m2" with a repository mounted there (podman build -v)
ARG MAVEN_EXTRA_ARGS=""
WORKDIR /src
COPY pom.xml ./
COPY retrieval retrieval
COPY answer answer
COPY bot bot
COPY cli cli
COPY measure measure
COPY app app
# in the reactor (tests and the opensearch-local tool), not in the jar; the build resolves their dependencies too
COPY opensearch-node opensearch-node
COPY opensearch-local opensearch-local
COPY config config
COPY prompts prompts
# The Maven repository lives in a build cache, so dependencies download once however the sources change; a failed
# build fails the image (no "|| true").
RUN --mount=type=cache,target=/root/.m2 mvn -B -q $MAVEN_EXTRA_ARGS -DskipTests package && cp app/target/tradetalk.jar /tradetalk.jar

# ---- run: slim JRE 21, non-root ---------------------------------------------------------------------------------
# glibc-based (not alpine): ONNX Runtime and the DJL tokenizer ship glibc native libraries.
FROM ${RUNTIME_IMAGE}
# Lucene's SIMD vector code needs the jdk.incubator.vector module: fail the build if this runtime lacks it.
RUN java --list-modules | grep -q '^jdk.incubator.vector@' \
    || { echo "this JRE has no jdk.incubator.vector module; use a JDK base image" >&2; exit 1; }
RUN groupadd --system tradetalk && useradd --system --gid tradetalk --home-dir /app --shell /usr/sbin/nologin tradetalk \
    && mkdir -p /app /data/tmp /data/cache/djl /data/cache/tradetalk /data/index /data/feedback /data/articles /data/health \
    && chown -R tradetalk:tradetalk /data
WORKDIR /app
COPY --from=build /tradetalk.jar /app/tradetalk.jar
# The three seed articles are a demo, not news for a production bot: they are only indexed when asked for with
# -e TRADETALK_INDEX_ARTICLES=/app/seed-articles. By default the bot indexes what is in /data/articles (empty at
# first) and its feeds.
COPY data/articles /app/seed-articles
COPY config/logback.xml /app/config/logback.xml
# The tradetalk command (ops/image/tradetalk) runs the jar through the repository's launcher, ./tradetalk.
COPY tradetalk /usr/local/lib/tradetalk/launcher
COPY ops/image/tradetalk /usr/local/bin/tradetalk

# Everything that is written lives on the volume: index, feedback, native-library caches, temp files. A new named
# volume starts with the directories created above (a bind mount must be writable by the tradetalk user).
# Put your own config at /data/tradetalk.yml and add "--config /data/tradetalk.yml" to the command if needed.
# OPT_OUT_TRACKING: DJL, under the embedding model, would otherwise call the cloud metadata address at start.
# LANG: Java writes to the terminal in the locale's charset; without a UTF-8 one every "…" and "—" prints as "?".
ENV LANG=C.UTF-8 \
    TRADETALK_INDEX_DIR=/data/index \
    TRADETALK_INDEX_ARTICLES=/data/articles \
    TRADETALK_DISCORD_FEEDBACK_DIR=/data/feedback \
    TRADETALK_HEALTH_DIR=/data/health \
    TRADETALK_INSIGHTS_DIR=/data/insights \
    DJL_CACHE_DIR=/data/cache/djl \
    OPT_OUT_TRACKING=true \
    HOME=/data
VOLUME ["/data"]
USER tradetalk

# `tradetalk health` loads the configuration, reads the index and the status the bot (or watch) writes to
# /data/health (no model, no writes): cheap enough every minute. Unhealthy: no articles (unless
# health.allow-empty-index), the gateway not connected, a process that stopped reporting, failing feeds.
HEALTHCHECK --interval=60s --timeout=30s --start-period=120s --retries=3 \
    CMD ["env", "TRADETALK_JAVA_OPTS=-Xmx96m -XX:+UseSerialGC", "tradetalk", "health"]

# docker stop sends SIGTERM to the tradetalk command, which passes it on to java: running answers finish, the
# index closes cleanly, exit code 0. docker stop waits 10 s by default; give long answers time with "-t 30".
ENTRYPOINT ["tradetalk"]
CMD ["discord"]
