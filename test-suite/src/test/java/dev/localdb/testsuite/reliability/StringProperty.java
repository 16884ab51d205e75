package dev.localdb.testsuite.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A small property-based test runner for string inputs: the listed edge cases first, then
 * generated inputs from a seeded random source; a failing input is shrunk (characters removed or
 * made plain while it still fails) and reported, escaped, with the seed that reproduces the run
 * ({@code -Dlocaldb.property.seed=<seed>}).
 *
 * <p>Why not jqwik, which the build pins: from 1.10 on, jqwik's maintainers ask that it not be
 * used by AI coding agents (its "Anti-AI Usage Clause"), and these tests were written by one. The
 * harness keeps what matters here: many generated inputs, reproducible runs, small counterexamples.
 */
final class StringProperty {
    /** Shrinking re-runs the check (i.e. the CLI): bounded, a failure is reported either way. */
    private static final int MAX_SHRINK_RUNS = 300;

    @FunctionalInterface
    interface Check {
        void accept(String input) throws Exception;
    }

    private final String name;
    private final Function<SplittableRandom, String> generator;
    private final List<String> edgeCases;
    private final int tries;

    private StringProperty(String name, Function<SplittableRandom, String> generator, List<String> edgeCases, int tries) {
        this.name = name;
        this.generator = generator;
        this.edgeCases = edgeCases;
        this.tries = tries;
    }

    static StringProperty of(String name, Function<SplittableRandom, String> generator, List<String> edgeCases, int tries) {
        return new StringProperty(name, generator, List.copyOf(edgeCases), tries);
    }

    /** Runs every edge case and {@code tries} generated inputs; returns how many inputs were checked. */
    int check(Check check) {
        long seed = Long.getLong("localdb.property.seed", new SplittableRandom().nextLong());
        SplittableRandom random = new SplittableRandom(seed);
        List<String> inputs = new ArrayList<>(edgeCases);
        for (int i = 0; i < tries; i++) {
            inputs.add(generator.apply(random));
        }
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            Throwable failure = failureOf(check, input);
            if (failure != null) {
                Shrunk shrunk = shrink(check, input, failure);
                AssertionError error = new AssertionError("Property \"" + name + "\" failed on input " + (i + 1) + " of " + inputs.size()
                        + " (seed " + seed + "; rerun with -Dlocaldb.property.seed=" + seed + ")\n  input:  " + shown(input)
                        + "\n  shrunk: " + shown(shrunk.input()) + "\n  " + shrunk.failure(), shrunk.failure());
                throw error;
            }
        }
        return inputs.size();
    }

    private record Shrunk(String input, Throwable failure) {
    }

    private static Shrunk shrink(Check check, String input, Throwable failure) {
        String smallest = input;
        Throwable last = failure;
        int runs = 0;
        boolean progress = true;
        while (progress && runs < MAX_SHRINK_RUNS) {
            progress = false;
            for (String candidate : smaller(smallest)) {
                if (++runs > MAX_SHRINK_RUNS) {
                    break;
                }
                Throwable again = failureOf(check, candidate);
                if (again != null && again.getClass() == failure.getClass()) {
                    smallest = candidate;
                    last = again;
                    progress = true;
                    break;
                }
            }
        }
        return new Shrunk(smallest, last);
    }

    /** Halves, then single characters removed, then characters made a plain 'a'. */
    private static List<String> smaller(String input) {
        List<String> candidates = new ArrayList<>();
        int length = input.length();
        if (length > 1) {
            candidates.add(input.substring(0, length / 2));
            candidates.add(input.substring(length / 2));
        }
        for (int i = 0; i < length; i++) {
            candidates.add(input.substring(0, i) + input.substring(i + 1));
        }
        for (int i = 0; i < length; i++) {
            if (input.charAt(i) != 'a') {
                candidates.add(input.substring(0, i) + 'a' + input.substring(i + 1));
            }
        }
        return candidates;
    }

    private static Throwable failureOf(Check check, String input) {
        try {
            check.accept(input);
            return null;
        } catch (Exception | AssertionError e) {
            return e;
        }
    }

    /** Java string syntax, every character outside printable ASCII escaped. */
    static String shown(String input) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : input.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append("\" (").append(input.length()).append(" chars)").toString();
    }
}
