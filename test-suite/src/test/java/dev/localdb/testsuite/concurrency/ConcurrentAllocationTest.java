package dev.localdb.testsuite.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.cli.LocalDbCli;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.Parallel;
import dev.localdb.testsuite.support.RegistryFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many allocators at once, with the real adapters: never a duplicate port, never a lost entry. */
class ConcurrentAllocationTest {
    @TempDir
    Path home;

    @Test
    void sixtyFourThreadsInOneJvmGetDistinctPorts() throws Exception {
        int threads = 64;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String project = "t" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    int code = LocalDbCli.run(new String[] {"port", project}, Map.of("LOCALDB_HOME", home.toString()),
                            "/nonexistent", new PrintWriter(out), new PrintWriter(err));
                    if (code != 0) {
                        throw new AssertionError(project + " failed with " + code + ": " + err);
                    }
                    return out.toString().trim();
                }));
            }
            go.countDown();
            Set<String> ports = new HashSet<>();
            for (Future<String> result : results) {
                ports.add(result.get());
            }
            assertThat(ports).hasSize(threads);
            assertThat(RegistryFile.allocations(home)).hasSize(threads);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thirtyProcessesStartedTogetherGetDistinctPorts() throws Exception {
        List<String[]> invocations = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            invocations.add(new String[] {"port", "proc" + i});
        }

        List<Result> results = Parallel.run(new LocalDbRunner(home), invocations);

        assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
        assertThat(results.stream().map(Result::port).distinct()).hasSize(30);
        assertThat(RegistryFile.allocations(home)).hasSize(30);
    }

    @Test
    void tenProcessesAskingForTheSameProjectShareOnePortAndOneEntry() throws Exception {
        List<String[]> invocations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            invocations.add(new String[] {"port", "shared"});
        }

        List<Result> results = Parallel.run(new LocalDbRunner(home), invocations);

        assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
        assertThat(results.stream().map(Result::port).distinct()).hasSize(1);
        assertThat(RegistryFile.allocations(home)).hasSize(1);
    }
}
