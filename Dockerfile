# syntax=docker/dockerfile:1
# herd: build the fat jar with Maven, then run it on a JRE as a non-root user.

# --- build ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY src/ src/
RUN mvn -B -q package -DskipTests

# --- run ---
FROM eclipse-temurin:17-jre
# A fixed uid/gid (10001) so Kubernetes' runAsUser/runAsGroup/fsGroup match the image.
RUN groupadd --system --gid 10001 herd \
 && useradd --system --uid 10001 --gid herd --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin herd
WORKDIR /app
COPY --from=build /build/target/herd-fat.jar /app/herd-fat.jar
COPY conf/ /app/conf/
# Class data sharing: a training run of a small herd archives the classes a member loads, and every
# start then maps them from /app/herd.jsa instead of loading and verifying them one by one (see
# src/site/markdown/startup.md). Made here, with this image's JVM and the jar at its final path,
# which the archive requires; were either to differ, Java would ignore the archive and start as before.
COPY src/main/docker/cds-archive.sh /tmp/cds-archive.sh
RUN bash /tmp/cds-archive.sh /app/herd-fat.jar /app/herd.jsa && rm /tmp/cds-archive.sh
# Log files go to logs/<Name>.log relative to /app; the user must be able to write there
# (in Kubernetes an emptyDir is mounted over it, the root filesystem being read-only).
RUN mkdir -p /app/logs && chown 10001:10001 /app/logs
USER 10001:10001
# 12000: clients and peer links; 12100: the HTTP admin endpoint (/health, /ready, /metrics).
EXPOSE 12000 12100
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/herd.jsa", "-jar", "/app/herd-fat.jar"]
# The whole standard herd in one container; Kubernetes passes one member's file instead.
CMD ["-conf", "conf/herd.json"]
