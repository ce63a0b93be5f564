# The one image recipe of the five services, parameterised by the service (issue 14: one Dockerfile, not five copies).
# The jars must exist first: from the repository root run  ./mvnw -B -DskipTests install
# then, from the repository root (the build context; .dockerignore sends only the services' -exec jars):
#   docker build --build-arg SERVICE=risk-service --build-arg API_PORT=8083 --build-arg MANAGEMENT_PORT=9083 \
#                -t peregrine/risk-service:0.1.0 .
# `docker compose build` passes these arguments for all five services (docker-compose.yml).
#
# BASE_IMAGE is pinned to an exact Temurin release (the one this repository is built and tested with), never a moving
# tag such as 25-jre. For a release, pin it further to its digest: --build-arg BASE_IMAGE=eclipse-temurin:25.0.3_9-jre-noble@sha256:...
# (not written here: this repository is built offline and the digest cannot be checked from it).
ARG BASE_IMAGE=eclipse-temurin:25.0.3_9-jre-noble

# Stage 1: split the jar into its layers, so that a code change rebuilds only the small application layer.
FROM ${BASE_IMAGE} AS extract
ARG SERVICE
ARG VERSION=0.1.0-SNAPSHOT
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-${VERSION}-exec.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# Stage 2: least-changing layers first, so that image rebuilds and pulls reuse the dependency layers.
FROM ${BASE_IMAGE}
ARG API_PORT
ARG MANAGEMENT_PORT
WORKDIR /app
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
# The heap follows the container's memory limit; an out-of-memory error restarts the container instead of limping on.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# A fixed numeric non-root user: Kubernetes' runAsNonRoot can verify it without a passwd entry.
USER 10001
# API port, management port (health, metrics).
EXPOSE ${API_PORT} ${MANAGEMENT_PORT}
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
