package dev.localdb.cli;

import java.util.List;

/**
 * The proxy's JVM: one long-lived process per home, idle most of the day, so sized small; Netty's
 * pooled buffers live outside the heap and are bounded by the direct-memory cap.
 */
final class ProxyJvm {
    static final List<String> OPTIONS = List.of("-Xmx64m", "-XX:MaxDirectMemorySize=64m", "-XX:+UseSerialGC",
            "-Xss512k", "-Dio.netty.allocator.numDirectArenas=1", "-Dio.netty.allocator.numHeapArenas=1");

    private ProxyJvm() {
    }
}
