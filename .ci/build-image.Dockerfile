# The local stand-in for the Dockerfile's BUILD_IMAGE (maven:3.9-eclipse-temurin-17): Debian's
# JDK 17 (jlink and its jmods) and Maven, on the local slim base. Built by container-engine.sh.
# binutils: Debian's jlink runs objcopy for --strip-debug.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
# The slim base has no apt lists and no man directories (a JDK's postinst links man pages).
RUN set -eu; \
    mkdir -p /usr/share/man/man1; \
    apt-get update -qq; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      openjdk-17-jdk-headless maven binutils >/dev/null; \
    apt-get clean; \
    rm -rf /var/lib/apt/lists/*
