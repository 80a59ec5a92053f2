# Tradetalk Discord bot. Build:  docker build -t tradetalk .
# Run:    docker run -d --name tradetalk -e TRADETALK_DISCORD_TOKEN=... -v tradetalk-data:/data tradetalk
# (Not tested here: Docker does not run on the machines this was written on.)

# ---- build: Maven + JDK 21 -------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
# poms first, so the dependency download is cached while only sources change
COPY pom.xml ./
COPY retrieval/pom.xml retrieval/
COPY answer/pom.xml answer/
COPY bot/pom.xml bot/
RUN mvn -B -q -pl bot -am dependency:go-offline -DexcludeReactor=true || true
COPY retrieval retrieval
COPY answer answer
COPY bot bot
COPY config config
COPY prompts prompts
RUN mvn -B -q -DskipTests package && cp bot/target/tradetalk.jar /tradetalk.jar

# ---- run: slim JRE 21, non-root ---------------------------------------------------------------------------------
# glibc-based (not alpine): ONNX Runtime and the DJL tokenizer ship glibc native libraries.
FROM eclipse-temurin:21-jre-jammy
RUN groupadd --system tradetalk && useradd --system --gid tradetalk --home-dir /app --shell /usr/sbin/nologin tradetalk \
    && mkdir -p /app /data/tmp /data/cache/djl /data/index /data/feedback && chown -R tradetalk:tradetalk /data
WORKDIR /app
COPY --from=build /tradetalk.jar /app/tradetalk.jar
COPY data/articles /app/data/articles
COPY config/logback.xml /app/config/logback.xml

# Everything that is written lives on the volume: index, feedback, native-library caches, temp files. A new named
# volume starts with the directories created above (a bind mount must be writable by the tradetalk user).
# Put your own config at /data/tradetalk.yml and add "--config /data/tradetalk.yml" to the command if needed.
ENV TRADETALK_INDEX_DIR=/data/index \
    TRADETALK_INDEX_ARTICLES=/app/data/articles \
    TRADETALK_DISCORD_FEEDBACK_DIR=/data/feedback \
    DJL_CACHE_DIR=/data/cache/djl \
    OPT_OUT_TRACKING=true \
    HOME=/data
VOLUME ["/data"]
USER tradetalk

# SIGTERM (docker stop) reaches java directly (exec form): running answers finish, the index closes cleanly.
# docker stop waits 10 s by default; use "docker stop -t 30" to give long answers time.
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", \
            "-Djava.io.tmpdir=/data/tmp", "-Dtradetalk.home=/app", "-XX:MaxRAMPercentage=75", \
            "-jar", "/app/tradetalk.jar"]
CMD ["discord"]
