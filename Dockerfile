# pr-harness image: the GitHub Action's (and the App server's) runtime. Built once per release by
# .github/workflows/release.yml and pulled prebuilt by action.yml; nothing is built when a workflow runs.
#
# Every step that needs a JDK is a script in src/docker that the test suite runs on the build machine
# (ActionImageIT): link the runtime, make the ahead-of-time cache, run the entrypoint's command.

# Build stage: JDK 25 and Maven make the jar, the linked runtime and the AOT cache.
FROM maven:3.9-eclipse-temurin-25 AS build
RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml ./
COPY config ./config
COPY src ./src
RUN mvn -B -q -DskipTests package \
    && mkdir -p /app \
    && cp target/pr-harness.jar /app/pr-harness.jar \
    && cp src/docker/java-options /app/java-options \
    && bash src/docker/runtime.sh /app/pr-harness.jar /app/runtime \
    && bash src/docker/train-aot.sh /app/runtime/bin/java /app/pr-harness.jar /app/pr-harness.aot

# Runtime stage: glibc and nothing else beside the linked JRE 25, the jar and its AOT cache, at the paths the
# cache was made with. No shell, no package manager. The action runs as the image's default user (root), as
# GitHub's rules for Docker actions ask, and relies on no working directory.
FROM gcr.io/distroless/cc-debian12
LABEL org.opencontainers.image.title="pr-harness" \
      org.opencontainers.image.description="Code-review bot for GitHub pull requests: linters and a language model in a controlled loop" \
      org.opencontainers.image.licenses="Apache-2.0" \
      com.github.actions.name="pr-harness" \
      com.github.actions.description="Review pull requests with Checkstyle, PMD and a language model" \
      com.github.actions.icon="eye" \
      com.github.actions.color="blue"
COPY --from=build /app /app
ENTRYPOINT ["/app/runtime/bin/java", "@/app/java-options", "-XX:AOTCache=/app/pr-harness.aot", "-jar", "/app/pr-harness.jar", "action"]
