package dev.localdb.testsuite.architecture.canary.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Clean: uses only allowlisted JDK packages (and records, lambdas and string concatenation). */
public record CanaryValue(String project, int port, Optional<Instant> since, List<String> tags) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+");
    private static final AtomicInteger CREATED = new AtomicInteger();

    public CanaryValue {
        if (!NAME.matcher(project).matches()) {
            throw new IllegalArgumentException("Invalid project " + project + ": use a-z and 0-9.");
        }
        tags = List.copyOf(tags);
        CREATED.incrementAndGet();
    }

    public String describe(Function<String, String> decorate) {
        return tags.stream().map(decorate).collect(Collectors.joining(",")) + " " + BigDecimal.valueOf(port)
                + since.map(s -> s.plus(Duration.ofHours(1)).toString()).orElse("");
    }
}
