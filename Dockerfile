# pr-harness GitHub Action image: the jar on a slim JRE, run as a non-root user.
# Build stage: Maven on a JDK 21 image builds the same shaded jar the tests use (target/pr-harness.jar).
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml ./
COPY config ./config
COPY src ./src
RUN mvn -B -q -DskipTests package

# Runtime stage: JRE only, same Java major as the build.
FROM eclipse-temurin:21-jre
LABEL org.opencontainers.image.title="pr-harness" \
      org.opencontainers.image.description="Code-review bot for GitHub pull requests: linters and a language model in a controlled loop" \
      com.github.actions.name="pr-harness" \
      com.github.actions.description="Review pull requests with Checkstyle, PMD and a language model" \
      com.github.actions.icon="eye" \
      com.github.actions.color="blue"
# uid 1001 is the runner user on GitHub-hosted runners, so the files GitHub mounts stay writable.
RUN useradd --system --uid 1001 --no-create-home --home-dir /app pr-harness \
    && mkdir -p /app && chown pr-harness /app
COPY --from=build /src/target/pr-harness.jar /app/pr-harness.jar
USER 1001
WORKDIR /app
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/pr-harness.jar", "action"]
