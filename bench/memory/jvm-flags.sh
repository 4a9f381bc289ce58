# JVM flags shared by bench/memory/run.sh's candidates (sourced, not run).

# Off-heap bounds: direct buffers (Netty's pools), class metadata, compiled code (C2 kept), and
# Netty's pool arenas at one per core instead of two.
BOUNDED_OFF_HEAP="-XX:MaxDirectMemorySize=64m -XX:MaxMetaspaceSize=128m \
-XX:ReservedCodeCacheSize=64m -Dio.netty.allocator.numDirectArenas=$(nproc) \
-Dio.netty.allocator.numHeapArenas=$(nproc)"

# The gateway's documented launch (README's gateway line, the image's ENTRYPOINT).
LAUNCH_JVM_FLAGS="-XX:+UseSerialGC -Xmx160m -XX:MaxDirectMemorySize=64m"

# The documented launch's class-data archive, which `mvn package` writes next to the jar
# (app/target/lambda-gateway.jsa), and the flag that keeps a missing or stale one silent.
# Usage: $(launch_archive_flags JAR)
launch_archive_flags() {
  echo "-XX:SharedArchiveFile=${1%.jar}.jsa -Xlog:cds=off,cds+dynamic=off"
}
